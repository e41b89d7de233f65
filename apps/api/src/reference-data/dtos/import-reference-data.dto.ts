import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches } from 'class-validator';
import {
  REFERENCE_FORMAT_DESCRIPTIONS,
  REFERENCE_FORMATS,
} from '../../../../../libs/reference-data/src/parsers/index.js';

const IMPORT_MODES = ['snapshot', 'delta'] as const;

const FORMAT_LIST = REFERENCE_FORMATS.map(
  (format) => `${format} (${REFERENCE_FORMAT_DESCRIPTIONS[format]})`,
).join('; ');

/** Multipart fields come as text: "true"/"false" for the flag. */
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value === '' ? undefined : value;

/** The text fields of the multipart upload (the file itself is the `file` part). */
export class ImportReferenceDataDto {
  @ApiProperty({ enum: REFERENCE_FORMATS })
  @IsIn(REFERENCE_FORMATS, { message: `format must be one of: ${FORMAT_LIST}` })
  format: string;

  @ApiPropertyOptional({
    description: 'Dataset the facts belong to; a snapshot replaces its facts. Default: the file name.',
  })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, {
    message: 'source must be 1-100 letters, digits and . _ : - (e.g. opensanctions-default)',
  })
  source?: string;

  @ApiPropertyOptional({
    description: 'Import the well-formed records and report the malformed ones',
    default: false,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'skipInvalid must be true or false' })
  skipInvalid?: boolean;

  @ApiPropertyOptional({
    enum: IMPORT_MODES,
    description: 'Default: snapshot, except an FtM file of delta lines',
  })
  @IsOptional()
  @IsIn(IMPORT_MODES, {
    message: 'mode must be snapshot (the file states all of its source) or delta (changes only)',
  })
  mode?: (typeof IMPORT_MODES)[number];
}

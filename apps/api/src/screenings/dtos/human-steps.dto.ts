// Bodies of the human steps other than the declaration and the sign-off decision. Shapes and sizes are
// checked here (400); business rules (stage, justification length, four eyes) by the workflow (409/422).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SubcontractorDto } from './declaration.dto.js';

export class ExtendDeadlineDto {
  @ApiProperty({
    example: '2026-01-31T17:00:00Z',
    description: 'New declaration deadline, later than the current one.',
  })
  @IsISO8601(
    { strict: true },
    { message: 'until must be an ISO-8601 date and time, e.g. 2026-01-31T17:00:00Z' },
  )
  until: string;

  @ApiProperty({ example: 'The supplier asked for a week to gather ownership documents.' })
  @IsString()
  @Length(3, 2000, { message: 'reason must be between 3 and 2000 characters' })
  reason: string;
}

export class WithdrawalDto {
  @ApiProperty({ example: 'The tender was cancelled.' })
  @IsString()
  @Length(3, 2000, { message: 'reason must be between 3 and 2000 characters' })
  reason: string;
}

export class RepresentationsDto {
  @ApiProperty({
    description: 'The supplier’s representations before an exclusion (Procurement Act 2023 s58).',
  })
  @IsString({ message: 'text must be a string' })
  @MaxLength(20000, { message: 'text must be at most 20000 characters' })
  text: string;
}

export class ReplacementDto {
  @ApiProperty({
    type: [SubcontractorDto],
    description: 'The full list of sub-contractors after the replacement.',
  })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SubcontractorDto)
  subcontractors: SubcontractorDto[];

  @ApiProperty({ example: 'Install Co Ltd replaced by Other Installers Ltd.' })
  @IsString()
  @Length(3, 5000, { message: 'explanation must be between 3 and 5000 characters' })
  explanation: string;
}

export class DeclineToAnswerDto {
  @ApiProperty({ example: 'The information is commercially confidential.' })
  @IsString()
  @Length(3, 2000, { message: 'reason must be between 3 and 2000 characters' })
  reason: string;
}

export class MinisterialReferralDto {
  @ApiProperty({ example: 'CO/2025/0042', description: 'The reference of the notice sent to the minister.' })
  @IsString()
  @Length(3, 200, { message: 'reference must be between 3 and 200 characters' })
  reference: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class MinisterialAnswerDto {
  @ApiProperty({ description: 'Whether the minister agreed to the exclusion (Procurement Act 2023 s29).' })
  @IsBoolean({ message: 'agreed must be true or false' })
  agreed: boolean;

  @ApiPropertyOptional({ example: 'CO-REPLY-7' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reference?: string;

  @ApiProperty({ example: 'Letter from the Cabinet Office of 12 March.' })
  @IsString()
  @Length(3, 2000, { message: 'note must be between 3 and 2000 characters' })
  note: string;
}

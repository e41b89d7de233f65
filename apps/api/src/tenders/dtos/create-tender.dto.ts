import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { BUYER_TYPES, type BuyerType } from '../../../../../libs/contracts/src/index.js';

export class BuyerDto {
  @ApiProperty({ example: 'Example Borough Council' })
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiProperty({ enum: BUYER_TYPES, example: 'local_authority' })
  @IsIn(BUYER_TYPES, { message: `type must be one of ${BUYER_TYPES.join(', ')}` })
  type: BuyerType;
}

export class CreateTenderDto {
  @ApiProperty({
    example: 'ocds-h6vhtk-04a1b2',
    description: 'Your reference (e.g. the Find a Tender OCID); unique.',
  })
  @IsString()
  @Length(1, 200)
  reference: string;

  @ApiProperty({ example: 'Town centre CCTV renewal' })
  @IsString()
  @Length(1, 500)
  title: string;

  @ApiProperty({ type: BuyerDto })
  @ValidateNested()
  @Type(() => BuyerDto)
  buyer: BuyerDto;

  @ApiPropertyOptional({ example: ['35125300'], description: 'CPV codes (8 digits, optional check digit).' })
  @IsOptional()
  @IsArray()
  @Matches(/^\d{8}(-\d)?$/, {
    each: true,
    message: 'each CPV code must be 8 digits, optionally followed by -N',
  })
  cpvCodes?: string[];

  @ApiPropertyOptional({
    default: false,
    description: 'A sensitive site in the sense of the Cabinet Office 2022 statement.',
  })
  @IsOptional()
  @IsBoolean()
  sensitiveSite?: boolean;

  @ApiPropertyOptional({ example: 'video_surveillance' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,60}$/, {
    message: 'intendedUse must be a snake_case code such as video_surveillance',
  })
  intendedUse?: string;

  @ApiPropertyOptional({
    example: 'uk-local-authority',
    description: 'Defaults to the policy for the buyer type.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  policyId?: string;

  @ApiPropertyOptional({ example: 250000 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  estimatedValue?: number;

  @ApiPropertyOptional({ example: 'GBP' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as GBP' })
  currency?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  Equals,
  IsArray,
  IsBoolean,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IdentifierDto } from './start-screening.dto.js';

const COUNTRY = /^[A-Z]{2}$/;
const COUNTRY_MESSAGE = 'must be an ISO 3166-1 alpha-2 code such as GB';

export class DeclaredOwnerDto {
  @ApiProperty() @IsString() @Length(1, 300) name: string;
  @ApiProperty({ example: 'GB' })
  @Matches(COUNTRY, { message: `country ${COUNTRY_MESSAGE}` })
  country: string;
  @ApiPropertyOptional({ example: 100 }) @IsOptional() @IsNumber() @Min(0) @Max(100) share?: number;
  @ApiPropertyOptional({ type: [IdentifierDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers?: IdentifierDto[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isState?: boolean;
}

export class UltimateParentDto {
  @ApiProperty() @IsString() @Length(1, 300) name: string;
  @ApiProperty() @Matches(COUNTRY, { message: `country ${COUNTRY_MESSAGE}` }) country: string;
  @ApiPropertyOptional({ type: [IdentifierDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers?: IdentifierDto[];
}

export class ComponentDto {
  @ApiProperty({ example: 'chipset' }) @IsString() @Length(1, 100) type: string;
  @ApiProperty({ example: 'HiSilicon' }) @IsString() @Length(1, 300) manufacturer: string;
}

export class ProductDto {
  @ApiProperty({ example: 'HiLook' }) @IsString() @Length(1, 200) brand: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) model?: string;
  @ApiPropertyOptional({ example: 'Unknown' })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  manufacturer?: string;
  @ApiPropertyOptional({ example: 'CN' })
  @IsOptional()
  @Matches(COUNTRY, { message: `countryOfOrigin ${COUNTRY_MESSAGE}` })
  countryOfOrigin?: string;
  @ApiPropertyOptional({ type: [ComponentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => ComponentDto)
  components?: ComponentDto[];
}

export class SubcontractorDto {
  @ApiProperty() @IsString() @Length(1, 300) name: string;
  @ApiProperty() @Matches(COUNTRY, { message: `country ${COUNTRY_MESSAGE}` }) country: string;
  @ApiPropertyOptional({ example: 'installation' }) @IsOptional() @IsString() @Length(1, 200) role?: string;
  @ApiPropertyOptional({ type: [IdentifierDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers?: IdentifierDto[];
}

export class AttestationDto {
  @ApiProperty({ example: 'Jane Smith' }) @IsString() @Length(1, 200) name: string;
  @ApiProperty({ example: 'Director' }) @IsString() @Length(1, 200) role: string;
  @ApiProperty({ example: true })
  @Equals(true, { message: 'accepted must be true: the declaration has to be attested' })
  accepted: boolean;
}

export class DeclarationDto {
  @ApiProperty({ type: [DeclaredOwnerDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => DeclaredOwnerDto)
  owners: DeclaredOwnerDto[];

  @ApiPropertyOptional({ type: UltimateParentDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => UltimateParentDto)
  ultimateParent?: UltimateParentDto | null;

  @ApiProperty({ example: ['GB'] })
  @IsArray()
  @Matches(COUNTRY, { each: true, message: `each countriesOfOperation entry ${COUNTRY_MESSAGE}` })
  countriesOfOperation: string[];

  @ApiProperty({ type: [ProductDto] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => ProductDto)
  products: ProductDto[];

  @ApiProperty({ type: [SubcontractorDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SubcontractorDto)
  subcontractors: SubcontractorDto[];

  @ApiProperty({ example: false })
  @IsBoolean()
  foreignIntelligenceLawExposure: boolean;

  @ApiProperty({ type: AttestationDto })
  @ValidateNested()
  @Type(() => AttestationDto)
  attestation: AttestationDto;
}

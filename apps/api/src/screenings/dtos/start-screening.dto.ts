import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class IdentifierDto {
  @ApiProperty({ example: 'GB-COH' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,39}$/, {
    message: 'scheme must be a short code such as GB-COH, LEI, CN-USCC, DUNS',
  })
  scheme: string;

  @ApiProperty({ example: '01234567' })
  @IsString()
  @Length(1, 100)
  id: string;
}

export class SupplierDto {
  @ApiProperty({ example: 'Acme Security Systems Ltd' })
  @IsString()
  @Length(1, 300)
  name: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as GB' })
  country: string;

  @ApiPropertyOptional({ type: [IdentifierDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IdentifierDto)
  identifiers?: IdentifierDto[];
}

export class StartScreeningDto {
  @ApiProperty({ type: SupplierDto })
  @ValidateNested()
  @Type(() => SupplierDto)
  supplier: SupplierDto;

  @ApiPropertyOptional({ example: 'bids@acme.example' })
  @IsOptional()
  @IsEmail({}, { message: 'contactEmail must be an e-mail address' })
  contactEmail?: string;
}

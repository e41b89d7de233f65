import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SearchReferenceDataQuery {
  @ApiProperty({
    description: 'Name to search for (any script, any legal form)',
    example: 'Hikvision Digital Tech',
  })
  @Transform(trimmed)
  @IsString({ message: 'q must be the name to search for, e.g. ?q=Hikvision' })
  @IsNotEmpty({ message: 'q must not be empty: give the name to search for, e.g. ?q=Hikvision' })
  @MaxLength(300, { message: 'q must be at most 300 characters' })
  q: string;

  @ApiPropertyOptional({
    description: 'ISO 3166-1 alpha-2 country of the searched party: a qualifier, not a filter',
  })
  @IsOptional()
  @Transform(trimmed)
  @Matches(/^[A-Za-z]{2}$/, { message: 'country must be a two-letter ISO country code, e.g. GB or CN' })
  country?: string;

  @ApiPropertyOptional({ default: 10, minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 50' })
  @Min(1, { message: 'limit must be a whole number between 1 and 50' })
  @Max(50, { message: 'limit must be a whole number between 1 and 50' })
  limit?: number;
}

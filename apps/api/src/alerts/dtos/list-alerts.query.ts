import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class ListAlertsQuery {
  @ApiPropertyOptional({ description: 'Alerts of this screening only.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  screeningId?: string;

  @ApiPropertyOptional({ description: 'Alerts of this tender’s screenings only.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  tenderId?: string;

  @ApiPropertyOptional({
    example: '2026-01-31',
    description:
      'Alerts raised at or after this instant: a date (midnight UTC) or a date-time with a time zone.',
  })
  @IsOptional()
  @IsString()
  since?: string;

  @ApiPropertyOptional({
    description: 'true: acknowledged alerts only; false: those nobody has acknowledged.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'acknowledged must be true or false' })
  acknowledged?: boolean;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(200, { message: 'limit must be at most 200' })
  limit?: number;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

/** Declared so the whitelisting pipe refuses a misspelt parameter; parseAuditPeriod checks the values. */
export class AuditPeriodQuery {
  @ApiProperty({
    example: '2026-01-01',
    description: 'Start of the period, inclusive (date = midnight UTC).',
  })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-02-01T00:00:00Z',
    description: 'End of the period, exclusive; default now.',
  })
  @IsOptional()
  @IsString()
  to?: string;
}

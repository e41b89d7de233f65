import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { SCREENING_STATUSES, type ScreeningStatus } from '../../../../../libs/contracts/src/index.js';

export class ListScreeningsQuery {
  @ApiPropertyOptional({ enum: SCREENING_STATUSES })
  @IsOptional()
  @IsIn(SCREENING_STATUSES, { message: `status must be one of ${SCREENING_STATUSES.join(', ')}` })
  status?: ScreeningStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  tenderId?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;
}

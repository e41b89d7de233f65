import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SCREENING_STATUSES, type ScreeningStatus } from '../../../../../libs/contracts/src/index.js';

export const SIMULATION_DEFAULT_LIMIT = 500;
export const SIMULATION_MAX_LIMIT = 5000;

/** Which past screenings to re-score; all given clauses must hold. */
export class SimulationFilterDto {
  @ApiPropertyOptional({ example: 'tnd_01J...' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  tenderId?: string;

  @ApiPropertyOptional({ enum: SCREENING_STATUSES, description: 'Current status of the screening' })
  @IsOptional()
  @IsIn(SCREENING_STATUSES, { message: `status must be one of ${SCREENING_STATUSES.join(', ')}` })
  status?: ScreeningStatus;

  @ApiPropertyOptional({ example: '2025-01-01T00:00:00Z', description: 'Screenings started at or after' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date or date-time' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-01-01T00:00:00Z', description: 'Screenings started before' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date or date-time' })
  to?: string;

  @ApiPropertyOptional({ default: SIMULATION_DEFAULT_LIMIT, maximum: SIMULATION_MAX_LIMIT })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SIMULATION_MAX_LIMIT)
  limit?: number;
}

export class SimulatePolicyDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The policy document to try (as GET /v1/policies/:id returns it); id and version may be left out.',
  })
  @IsDefined({ message: 'draft is required: the policy document to try' })
  @IsObject({ message: 'draft must be an object: a policy document' })
  // Free-form on purpose: the policy validator checks it field by field (422), not this DTO.
  draft: Record<string, unknown>;

  @ApiPropertyOptional({ type: SimulationFilterDto })
  @IsOptional()
  @IsObject({ message: 'filter must be an object' })
  @ValidateNested()
  @Type(() => SimulationFilterDto)
  filter?: SimulationFilterDto;
}

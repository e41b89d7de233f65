import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import type { DecisionKind } from '../../../../../libs/contracts/src/index.js';

const DECISIONS: DecisionKind[] = ['approve', 'reject', 'request_information'];

export class DecisionDto {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: `decision must be one of ${DECISIONS.join(', ')}` })
  decision: DecisionKind;

  @ApiProperty({ example: 'Manufacturer checked; no listed owners.' })
  @IsString()
  @Length(3, 5000, { message: 'reason must be between 3 and 5000 characters' })
  reason: string;

  @ApiPropertyOptional({ example: ['Who manufactures the HiLook cameras you supply?'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(3, 2000, { each: true })
  questions?: string[];
}

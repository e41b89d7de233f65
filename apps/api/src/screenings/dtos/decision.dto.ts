import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
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

  @ApiPropertyOptional({
    description:
      'Approve an excluded outcome where the policy allows an override; the reason must justify it (30+ characters).',
  })
  @IsOptional()
  @IsBoolean({ message: 'override must be true or false' })
  override?: boolean;

  @ApiPropertyOptional({
    description:
      'With request_information: the questions concern connected or associated persons; a supplier refusing to answer is excluded (Procurement Act 2023 s30).',
  })
  @IsOptional()
  @IsBoolean({ message: 'concernsConnectedPersons must be true or false' })
  concernsConnectedPersons?: boolean;
}

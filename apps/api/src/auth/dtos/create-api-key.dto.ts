import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '../../../../../libs/contracts/src/index.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'jane.reviewer@council.gov.uk' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[^\s]+$/, { message: 'userId must not contain spaces' })
  userId: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['reviewer'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles: Role[];
}

import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class CloseTenderDto {
  @ApiProperty({ example: 'The tender was awarded; remaining bids are no longer considered.' })
  @IsString()
  @Length(10, 2000, { message: 'reason must be between 10 and 2000 characters' })
  reason: string;
}

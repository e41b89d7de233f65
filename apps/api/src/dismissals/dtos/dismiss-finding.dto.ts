import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

export class DismissFindingDto {
  @ApiProperty({
    description: 'Why the hit is a false positive: what tells the supplier and the listed entity apart',
    example: 'Different company: registered in Leeds since 1998, no link to the listed entity.',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'reason must say why the hit is a false positive' })
  @Length(10, 2000, {
    message: 'reason must be between 10 and 2000 characters: say why the hit is a false positive',
  })
  reason: string;
}

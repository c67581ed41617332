import { ApiProperty } from '@nestjs/swagger';
import type { CalendarFeedDto } from '@blup/contracts';

export class CalendarFeedResponse implements CalendarFeedDto {
  @ApiProperty({
    example: 'https://akademiet.blup.dk/api/calendar/3q2-7wE…Vb0.ics',
    description: 'The secret address to paste into a calendar app.',
  })
  url: string;

  @ApiProperty({
    example: 'webcal://akademiet.blup.dk/api/calendar/3q2-7wE…Vb0.ics',
    description: 'The same address as webcal://, which phones open in their calendar app.',
  })
  webcalUrl: string;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

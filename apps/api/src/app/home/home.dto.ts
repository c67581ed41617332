import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HomeCard, HomeResponse } from '@blup/contracts';
import { SessionUserResponse } from '../auth/dto/responses';
import { SessionSummaryResponse } from '../circles/circles.dto';

/** For the OpenAPI document only: the shapes come from @blup/contracts. */
export class HomeCardResponse implements HomeCard {
  @ApiProperty({ enum: ['municipality', 'village', 'cohort', 'people', 'welcome', 'continue'] })
  kind: HomeCard['kind'];

  @ApiProperty() title: string;
  @ApiPropertyOptional() subtitle?: string;
  @ApiPropertyOptional({ description: 'A route in the web client.', example: '/villages' })
  link?: string;

  @ApiPropertyOptional() count?: number;
}

export class HomeResponseBody implements HomeResponse {
  @ApiProperty({ type: SessionUserResponse }) user: SessionUserResponse;
  @ApiProperty({ type: [HomeCardResponse] }) cards: HomeCardResponse[];
  @ApiProperty({
    type: SessionSummaryResponse,
    nullable: true,
    description:
      'The next study-circle session you take part in that is neither over nor cancelled.',
  })
  nextSession: SessionSummaryResponse | null;
}

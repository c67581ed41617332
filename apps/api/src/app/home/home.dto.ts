import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LearnerKind,
  LOCALES,
  Role,
  type HomeCard,
  type HomeResponse,
  type Locale,
  type SessionUser,
} from '@blup/contracts';

/** For the OpenAPI document only: the shapes come from @blup/contracts. */
export class HomeUserResponse implements SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: Role, enumName: 'Role' }) role: Role;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty() coordinationGroup: boolean;
  @ApiProperty({ enum: LearnerKind, enumName: 'LearnerKind', nullable: true })
  learnerKind: LearnerKind | null;
}

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
  @ApiProperty({ type: HomeUserResponse }) user: HomeUserResponse;
  @ApiProperty({ type: [HomeCardResponse] }) cards: HomeCardResponse[];
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  ContinueWatchingDto,
  HeartbeatRequest,
  PersonProgressDto,
  VillageProgressDto,
} from '@blup/contracts';
import { IsIn, IsNumber, IsOptional, IsUUID, Max } from 'class-validator';
import { PageQueryDto } from '../common/pagination';

const HEARTBEAT_EVENTS = ['tick', 'pause', 'ended'] as const;
/** Far beyond any lesson; keeps numbers finite and sane before the duration check. */
const MAX_SECONDS = 86_400;

const Seconds = (field: string): PropertyDecorator =>
  applyDecorators(
    IsNumber(
      { allowNaN: false, allowInfinity: false },
      { message: `${field} must be a number of seconds` },
    ),
    Max(MAX_SECONDS, { message: `${field} can be at most ${MAX_SECONDS}` }),
  );

export class HeartbeatBody implements HeartbeatRequest {
  @ApiProperty({
    description: 'Start of the stretch watched since the last heartbeat.',
    minimum: 0,
  })
  @Seconds('fromSeconds')
  fromSeconds: number;

  @ApiProperty({ description: 'End of that stretch.', minimum: 0 })
  @Seconds('toSeconds')
  toSeconds: number;

  @ApiProperty({ description: 'The playhead now.', minimum: 0 })
  @Seconds('positionSeconds')
  positionSeconds: number;

  @ApiProperty({ enum: HEARTBEAT_EVENTS })
  @IsIn(HEARTBEAT_EVENTS, { message: 'event must be tick, pause or ended' })
  event: HeartbeatRequest['event'];
}

export class ContinueWatchingResponse implements ContinueWatchingDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ format: 'uuid' }) lessonId: string;
  @ApiProperty() lessonTitle: string;
  @ApiProperty() positionSeconds: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
}

export class VillageProgressResponse implements VillageProgressDto {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() villageName: string;
  @ApiProperty() municipalityName: string;
  @ApiProperty({ description: 'Active steering members.' }) members: number;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty() lessonsCompleted: number;
}

export class PersonProgressResponse implements PersonProgressDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) percent: number;
  @ApiProperty() lessonsCompleted: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastActivityAt: string | null;
}

export class VillageProgressQuery extends PageQueryDto {
  @ApiProperty({ format: 'uuid', description: 'The course to report on.' })
  @IsUUID('all', { message: 'courseId must be a course id (a UUID)' })
  courseId: string;
}

export class PersonProgressQuery extends VillageProgressQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the people of this village.' })
  @IsOptional()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID)' })
  villageId?: string;
}

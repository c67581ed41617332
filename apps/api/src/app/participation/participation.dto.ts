import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ATTENDANCE_STATUSES,
  AttendanceStatus,
  CircleKind,
  NAME_MAX_LENGTH,
  NEXT_STEP_LINK_KINDS,
  RSVP_ANSWERS,
  RsvpAnswer,
  SESSION_LIMITS,
  SessionStatus,
  type AnswerCounts,
  type AttendanceCounts,
  type AttendanceHistoryEntry,
  type AttendanceRowDto,
  type MySessionsQuery,
  type NextStep,
  type NextStepInput,
  type NextStepLink,
  type NextStepLinkInput,
  type RecordAttendanceRequest,
  type RsvpRequest,
  type SessionDto,
  type UpdateSessionOutcomeRequest,
  type VillageAttendanceRow,
} from '@blup/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { Nullable, Optional, TextField } from '../common/text-fields';
import { PersonSummaryResponse } from '../common/person-summary';
import { IsIsoDate } from '../common/iso-date';
import {
  AgendaItemResponse,
  MaterialResponse,
  SessionSummaryResponse,
} from '../circles/circles.dto';

export { SessionSummaryResponse };

/** Attendance for more people than this in one request is not a circle (about 3,000 at most). */
export const MAX_ATTENDANCE_ENTRIES = 5000;

// ---- requests ---------------------------------------------------------------------------------

export class RsvpBody implements RsvpRequest {
  @ApiProperty({ enum: RSVP_ANSWERS })
  @IsIn(RSVP_ANSWERS, { message: 'answer must be yes, no or maybe' })
  answer: RsvpAnswer;
}

export class AttendanceEntryBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'userId must be a person id (a UUID)' })
  userId: string;

  @ApiProperty({ enum: ATTENDANCE_STATUSES })
  @IsIn(ATTENDANCE_STATUSES, { message: 'status must be present, absent or excused' })
  status: AttendanceStatus;
}

export class RecordAttendanceBody implements RecordAttendanceRequest {
  @ApiProperty({
    type: [AttendanceEntryBody],
    description: 'Each person once. All are written, or none when one is refused.',
  })
  @IsArray({ message: 'entries must be a list of { userId, status }' })
  @ArrayMaxSize(MAX_ATTENDANCE_ENTRIES, {
    message: `entries can hold at most ${MAX_ATTENDANCE_ENTRIES} people`,
  })
  @IsObject({ each: true, message: 'each of entries must be an object { userId, status }' })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryBody)
  entries: AttendanceEntryBody[];
}

export class NextStepLinkBody implements NextStepLinkInput {
  @ApiProperty({ enum: NEXT_STEP_LINK_KINDS })
  @IsIn(NEXT_STEP_LINK_KINDS, { message: 'link.kind must be goal or initiative' })
  kind: NextStepLink['kind'];

  @ApiProperty({ format: 'uuid', description: 'A goal or initiative of the session’s village.' })
  @IsUUID('all', { message: 'link.id must be the id of a goal or initiative (a UUID)' })
  id: string;

  @ApiPropertyOptional({ description: 'Ignored: the title is read from the goal or initiative.' })
  @IsOptional()
  @IsString({ message: 'link.title must be text' })
  title?: string;
}

export class NextStepLinkResponse implements NextStepLink {
  @ApiProperty({ enum: NEXT_STEP_LINK_KINDS }) kind: NextStepLink['kind'];
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
}

export class NextStepBody implements NextStepInput {
  @ApiProperty({ maxLength: SESSION_LIMITS.nextStepText })
  @TextField('text', SESSION_LIMITS.nextStepText)
  text: string;

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'A member or guest of the circle; their name becomes ownerName.',
  })
  @Nullable()
  @IsUUID('all', { message: 'ownerId must be a person id (a UUID)' })
  ownerId: string | null = null;

  @ApiPropertyOptional({ maxLength: NAME_MAX_LENGTH, nullable: true })
  @Nullable()
  @TextField('ownerName', NAME_MAX_LENGTH, { allowEmpty: true })
  ownerName: string | null = null;

  @ApiPropertyOptional({ format: 'date', nullable: true, example: '2027-04-01' })
  @Nullable()
  @IsIsoDate({ message: 'dueDate must be a real date written YYYY-MM-DD, e.g. 2027-04-01' })
  dueDate: string | null = null;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean({ message: 'done must be true or false' })
  done = false;

  @ApiPropertyOptional({
    type: NextStepLinkBody,
    nullable: true,
    description: 'A goal or initiative of the village that the step moves forward.',
  })
  @Nullable()
  @ValidateNested()
  @Type(() => NextStepLinkBody)
  @IsObject({ message: 'link must be { kind, id }, or null' })
  link?: NextStepLinkBody | null;
}

const NextStepList = (): PropertyDecorator =>
  applyDecorators(
    IsArray({ message: 'nextSteps must be a list' }),
    ArrayMaxSize(SESSION_LIMITS.nextSteps, {
      message: `nextSteps can hold at most ${SESSION_LIMITS.nextSteps} items`,
    }),
    IsObject({ each: true, message: 'each of nextSteps must be an object' }),
    ValidateNested({ each: true }),
    Type(() => NextStepBody),
  );

export class UpdateSessionOutcomeBody implements UpdateSessionOutcomeRequest {
  @ApiPropertyOptional({ maxLength: SESSION_LIMITS.notes, description: 'Plain text.' })
  @Optional()
  @TextField('notes', SESSION_LIMITS.notes, { allowEmpty: true, multiline: true })
  notes?: string;

  @ApiPropertyOptional({ type: [NextStepBody], maxItems: SESSION_LIMITS.nextSteps })
  @Optional()
  @NextStepList()
  nextSteps?: NextStepBody[];
}

export class MySessionsQueryDto extends PageQueryDto implements MySessionsQuery {
  @ApiPropertyOptional({ enum: ['upcoming', 'past'], default: 'upcoming' })
  @IsOptional()
  @IsIn(['upcoming', 'past'], { message: 'when must be upcoming or past' })
  when?: 'upcoming' | 'past';
}

// ---- responses (for the OpenAPI document; the shapes come from @blup/contracts) ---------------

export class NextStepResponse implements NextStep {
  @ApiProperty() text: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ownerId: string | null;
  @ApiProperty({ type: String, nullable: true }) ownerName: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) dueDate: string | null;
  @ApiProperty() done: boolean;
  @ApiPropertyOptional({ type: NextStepLinkResponse }) link?: NextStepLink;
}

export class AnswerCountsResponse implements AnswerCounts {
  @ApiProperty() yes: number;
  @ApiProperty() no: number;
  @ApiProperty() maybe: number;
  @ApiProperty({ description: 'Members and guests who have not answered.' }) none: number;
}

export class AttendanceCountsResponse implements AttendanceCounts {
  @ApiProperty() present: number;
  @ApiProperty() absent: number;
  @ApiProperty() excused: number;
  @ApiProperty({ description: 'Members and guests with nothing recorded.' }) unrecorded: number;
}

export class SessionResponse extends SessionSummaryResponse implements SessionDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) planId: string | null;
  @ApiProperty({ type: [AgendaItemResponse] }) agenda: AgendaItemResponse[];
  @ApiProperty({ type: [MaterialResponse] }) materials: MaterialResponse[];
  @ApiProperty() notes: string;
  @ApiProperty({ type: [NextStepResponse] }) nextSteps: NextStepResponse[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
  @ApiProperty() sequence: number;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true })
  facilitator: PersonSummaryResponse | null;
  @ApiProperty({ description: 'Members of the circle (not guests).' }) memberCount: number;
  @ApiProperty({ type: AnswerCountsResponse }) rsvpCounts: AnswerCountsResponse;
  @ApiProperty({ type: AttendanceCountsResponse }) attendanceCounts: AttendanceCountsResponse;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, nullable: true })
  myAttendance: AttendanceStatus | null;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canEditOutcome: boolean;
  @ApiProperty() canTakeAttendance: boolean;
}

export class AttendanceRowResponse implements AttendanceRowDto {
  @ApiProperty({ type: PersonSummaryResponse }) person: PersonSummaryResponse;
  @ApiProperty({ enum: ['member', 'guest'] }) part: 'member' | 'guest';
  @ApiProperty({ enum: RSVP_ANSWERS, nullable: true }) rsvp: RsvpAnswer | null;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, nullable: true }) status: AttendanceStatus | null;
}

export class AttendanceHistoryEntryResponse implements AttendanceHistoryEntry {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: CircleKind, enumName: 'CircleKind' }) circleKind: CircleKind;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ enum: SessionStatus, enumName: 'SessionStatus' }) sessionStatus: SessionStatus;
  @ApiProperty({ enum: ATTENDANCE_STATUSES, nullable: true }) status: AttendanceStatus | null;
}

export class VillageAttendanceRowResponse implements VillageAttendanceRow {
  @ApiProperty({ type: PersonSummaryResponse }) person: PersonSummaryResponse;
  @ApiProperty({ enum: ['member', 'guest'] }) part: 'member' | 'guest';
  @ApiProperty() present: number;
  @ApiProperty() absent: number;
  @ApiProperty() excused: number;
  @ApiProperty({ description: 'Held sessions of the circle so far.' }) held: number;
}

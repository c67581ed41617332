import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AGENDA_ITEM_KINDS,
  AgendaItemKind,
  CircleKind,
  ErrorCode,
  MATERIAL_KINDS,
  MaterialKind,
  Phase,
  SESSION_LIMITS,
  SessionStatus,
  type AgendaItem,
  type CircleAttendanceSummary,
  type CircleDto,
  type CircleGridResponse,
  type CircleNextSession,
  type CircleSummaryDto,
  type CirclesQuery,
  type CreateCircleSessionRequest,
  type CreatePlanRequest,
  type GridCell,
  type GridColumn,
  type GridRow,
  type Material,
  type PersonSummary,
  type PlanSessionDto,
  type PlanSessionInput,
  type SessionSummaryDto,
  type RsvpAnswer,
  type UpdateCircleRequest,
  type UpdatePlanSessionRequest,
  type UpdateSessionRequest,
} from '@blup/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
  ValidateBy,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { MaxCharacters, Nullable, Optional, TextField } from '../common/text-fields';
import { codedConstraint } from '../common/validation';
import { PersonSummaryResponse } from '../common/person-summary';
import { isHttpsUrl } from '../common/https-url';
import { isIsoInstant } from '../common/iso-date';

const PHASE_MESSAGE =
  'phase must be one of kickoff, mobilisation, mapping, facilitation, organisation';

/** An https URL of at most SESSION_LIMITS.url characters; anything else is `url_not_https`. */
const HttpsUrl = (field: string): PropertyDecorator =>
  applyDecorators(
    IsString({ message: `${field} must be text` }),
    MaxCharacters(field, SESSION_LIMITS.url),
    ValidateBy(
      { name: 'httpsUrl', validator: { validate: (v) => isHttpsUrl(v) } },
      {
        message: `${field} must be an https link, e.g. https://meet.jit.si/my-room`,
        context: codedConstraint(() => ({ code: ErrorCode.UrlNotHttps })),
      },
    ),
  );

const Instant = (field: string): PropertyDecorator =>
  ValidateBy(
    { name: 'isoInstant', validator: { validate: (v) => isIsoInstant(v) } },
    {
      message: `${field} must be a date and time with its UTC offset, e.g. 2027-03-25T19:00:00+01:00`,
    },
  );

const InstantProperty = (field: string, required: boolean): PropertyDecorator =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      format: 'date-time',
      example: '2027-03-25T19:00:00+01:00',
      description: 'ISO 8601 with offset or Z.',
    }),
    ...(required ? [] : [Optional()]),
    Instant(field),
  );

export class AgendaItemBody implements AgendaItem {
  @ApiProperty({ enum: AgendaItemKind, enumName: 'AgendaItemKind' })
  @IsIn(AGENDA_ITEM_KINDS, { message: `kind must be one of ${AGENDA_ITEM_KINDS.join(', ')}` })
  kind: AgendaItemKind;

  @ApiProperty({ maxLength: SESSION_LIMITS.agendaItemTitle })
  @TextField('title', SESSION_LIMITS.agendaItemTitle)
  title: string;

  @ApiProperty({ minimum: 1, maximum: SESSION_LIMITS.agendaItemMinutes })
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(1, { message: 'minutes must be 1 or more' })
  @Max(SESSION_LIMITS.agendaItemMinutes, {
    message: `minutes can be at most ${SESSION_LIMITS.agendaItemMinutes}`,
  })
  minutes: number;
}

export class MaterialBody implements Material {
  @ApiProperty({ enum: MaterialKind, enumName: 'MaterialKind' })
  @IsIn(MATERIAL_KINDS, { message: `kind must be one of ${MATERIAL_KINDS.join(', ')}` })
  kind: MaterialKind;

  @ApiProperty({ maxLength: SESSION_LIMITS.materialTitle })
  @TextField('title', SESSION_LIMITS.materialTitle)
  title: string;

  @ApiProperty({
    nullable: true,
    description:
      'An https URL; for lessons the API fills in the lesson page (what is sent is ignored).',
  })
  @ValidateIf(
    (o: MaterialBody, v) => o.kind !== MaterialKind.Lesson && v !== null && v !== undefined,
  )
  @HttpsUrl('url')
  url: string | null;

  @ApiProperty({ nullable: true, format: 'uuid', description: 'Lessons only.' })
  @Nullable()
  @IsUUID('all', { message: 'lessonId must be a lesson id (a UUID)' })
  lessonId: string | null;
}

const AgendaField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [AgendaItemBody], maxItems: SESSION_LIMITS.agendaItems }),
    Optional(),
    IsArray({ message: 'agenda must be a list of items' }),
    ArrayMaxSize(SESSION_LIMITS.agendaItems, {
      message: `agenda can hold at most ${SESSION_LIMITS.agendaItems} items`,
    }),
    ValidateNested({ each: true }),
    Type(() => AgendaItemBody),
  );

const MaterialsField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: [MaterialBody], maxItems: SESSION_LIMITS.materials }),
    Optional(),
    IsArray({ message: 'materials must be a list' }),
    ArrayMaxSize(SESSION_LIMITS.materials, {
      message: `materials can hold at most ${SESSION_LIMITS.materials} items`,
    }),
    ValidateNested({ each: true }),
    Type(() => MaterialBody),
  );

const TitleField = (required: boolean): PropertyDecorator =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ maxLength: SESSION_LIMITS.title }),
    ...(required ? [] : [Optional()]),
    TextField('title', SESSION_LIMITS.title),
  );

const PhaseField = (required: boolean): PropertyDecorator =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({ enum: Phase, enumName: 'Phase' }),
    ...(required ? [] : [Optional()]),
    IsEnum(Phase, { message: PHASE_MESSAGE }),
  );

const TopicField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: SESSION_LIMITS.topic }),
    Optional(),
    TextField('topic', SESSION_LIMITS.topic, { allowEmpty: true }),
  );

const MeetingUrlField = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      nullable: true,
      description: 'A link for this session only (https); null to use the circle room.',
    }),
    Nullable(),
    HttpsUrl('meetingUrl'),
  );

export class PlanSessionBody implements PlanSessionInput {
  @ApiProperty({ enum: CircleKind, enumName: 'CircleKind' })
  @IsEnum(CircleKind, { message: 'circleKind must be village or coordinator' })
  circleKind: CircleKind;

  @TitleField(true) title: string;
  @PhaseField(true) phase: Phase;
  @TopicField() topic?: string;
  @InstantProperty('startsAt', true) startsAt: string;
  @InstantProperty('endsAt', true) endsAt: string;
  @AgendaField() agenda?: AgendaItemBody[];
  @MaterialsField() materials?: MaterialBody[];
}

export class CreatePlanBody implements CreatePlanRequest {
  @ApiProperty({ type: [PlanSessionBody], minItems: 1, maxItems: SESSION_LIMITS.planSessions })
  @IsArray({ message: 'sessions must be a list of planned sessions' })
  @ArrayMinSize(1, { message: 'sessions must hold at least one session' })
  @ArrayMaxSize(SESSION_LIMITS.planSessions, {
    message: `sessions can hold at most ${SESSION_LIMITS.planSessions} sessions`,
  })
  @ValidateNested({ each: true })
  @Type(() => PlanSessionBody)
  sessions: PlanSessionBody[];
}

export class UpdatePlanSessionBody implements UpdatePlanSessionRequest {
  @TitleField(false) title?: string;
  @PhaseField(false) phase?: Phase;
  @TopicField() topic?: string;
  @InstantProperty('startsAt', false) startsAt?: string;
  @InstantProperty('endsAt', false) endsAt?: string;
  @AgendaField() agenda?: AgendaItemBody[];
  @MaterialsField() materials?: MaterialBody[];
}

export class CreateCircleSessionBody implements CreateCircleSessionRequest {
  @TitleField(true) title: string;
  @PhaseField(true) phase: Phase;
  @TopicField() topic?: string;
  @InstantProperty('startsAt', true) startsAt: string;
  @InstantProperty('endsAt', true) endsAt: string;
  @AgendaField() agenda?: AgendaItemBody[];
  @MaterialsField() materials?: MaterialBody[];
  @MeetingUrlField() meetingUrl?: string | null;
}

export class UpdateSessionBody implements UpdateSessionRequest {
  @TitleField(false) title?: string;
  @PhaseField(false) phase?: Phase;
  @TopicField() topic?: string;
  @InstantProperty('startsAt', false) startsAt?: string;
  @InstantProperty('endsAt', false) endsAt?: string;
  @AgendaField() agenda?: AgendaItemBody[];
  @MaterialsField() materials?: MaterialBody[];
  @MeetingUrlField() meetingUrl?: string | null;

  @ApiPropertyOptional({
    enum: [SessionStatus.Planned, SessionStatus.Held],
    description: '`held` after the session; `planned` restores a cancelled one.',
  })
  @Optional()
  @IsIn([SessionStatus.Planned, SessionStatus.Held], {
    message: 'status must be planned or held (cancel with POST /api/sessions/{id}/cancel)',
  })
  status?: SessionStatus.Planned | SessionStatus.Held;
}

export class UpdateCircleBody implements UpdateCircleRequest {
  @ApiPropertyOptional({ nullable: true, description: 'The fixed room (https), or null.' })
  @Nullable()
  @HttpsUrl('roomUrl')
  roomUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, format: 'uuid', description: 'A secretariat member.' })
  @Nullable()
  @IsUUID('all', { message: 'facilitatorId must be a person id (a UUID)' })
  facilitatorId?: string | null;
}

export class CirclesQueryDto extends PageQueryDto implements CirclesQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'cohortId must be a cohort id (a UUID)' })
  cohortId?: string;

  @ApiPropertyOptional({ enum: CircleKind, enumName: 'CircleKind' })
  @IsOptional()
  @IsEnum(CircleKind, { message: 'kind must be village or coordinator' })
  kind?: CircleKind;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'villageId must be a village id (a UUID)' })
  villageId?: string;
}

// ---- Responses ----

export class AgendaItemResponse implements AgendaItem {
  @ApiProperty({ enum: AgendaItemKind, enumName: 'AgendaItemKind' }) kind: AgendaItemKind;
  @ApiProperty() title: string;
  @ApiProperty() minutes: number;
}

export class MaterialResponse implements Material {
  @ApiProperty({ enum: MaterialKind, enumName: 'MaterialKind' }) kind: MaterialKind;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) url: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) lessonId: string | null;
}

export class CircleNextSessionResponse implements CircleNextSession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: SessionStatus, enumName: 'SessionStatus' }) status: SessionStatus;
}

export class CircleAttendanceSummaryResponse implements CircleAttendanceSummary {
  @ApiProperty({ description: 'Held sessions of the circle.' }) held: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 1,
    description:
      'Share of the recorded attendance entries (participant × held session) that were present; null when none are recorded.',
  })
  presentRate: number | null;
}

export class CircleSummaryResponse implements CircleSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: CircleKind, enumName: 'CircleKind' }) kind: CircleKind;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty() cohortName: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) villageId: string | null;
  @ApiProperty({ nullable: true, type: String }) villageName: string | null;
  @ApiProperty({ nullable: true, type: String }) municipalityName: string | null;
  @ApiProperty({ nullable: true, type: PersonSummaryResponse }) facilitator: PersonSummary | null;
  @ApiProperty({ nullable: true, type: String }) roomUrl: string | null;
  @ApiProperty({ description: 'Members (not guests).' }) memberCount: number;
  @ApiProperty() archived: boolean;
  @ApiProperty({
    nullable: true,
    type: CircleNextSessionResponse,
    description: 'The next session not yet ended and not cancelled, if any.',
  })
  nextSession: CircleNextSession | null;
  @ApiProperty({ type: CircleAttendanceSummaryResponse })
  attendance: CircleAttendanceSummary;
}

export class CircleResponse extends CircleSummaryResponse implements CircleDto {
  @ApiProperty({ enum: ['member', 'guest', 'facilitator', 'reader'] })
  myPart: 'member' | 'guest' | 'facilitator' | 'reader';
  @ApiProperty() canEdit: boolean;
}

export class PlanSessionResponse implements PlanSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cohortId: string;
  @ApiProperty({ enum: CircleKind, enumName: 'CircleKind' }) circleKind: CircleKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: Phase, enumName: 'Phase' }) phase: Phase;
  @ApiProperty() topic: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ type: [AgendaItemResponse] }) agenda: AgendaItem[];
  @ApiProperty({ type: [MaterialResponse] }) materials: Material[];
  @ApiProperty() sessionCount: number;
  @ApiProperty() adjustedCount: number;
  @ApiProperty() cancelledCount: number;
}

export class SessionSummaryResponse implements SessionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) circleId: string;
  @ApiProperty({ enum: CircleKind, enumName: 'CircleKind' }) circleKind: CircleKind;
  @ApiProperty() cohortName: string;
  @ApiProperty({ nullable: true, type: String }) villageName: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: Phase, enumName: 'Phase' }) phase: Phase;
  @ApiProperty() topic: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ format: 'date-time' }) endsAt: string;
  @ApiProperty({ enum: SessionStatus, enumName: 'SessionStatus' }) status: SessionStatus;
  @ApiProperty({ nullable: true, type: String }) meetingUrl: string | null;
  @ApiProperty({ nullable: true, enum: ['yes', 'no', 'maybe'] }) myRsvp: RsvpAnswer | null;
  @ApiProperty() canRsvp: boolean;
}

export class GridColumnResponse implements GridColumn {
  @ApiProperty({ format: 'uuid' }) planId: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: CircleKind, enumName: 'CircleKind' }) circleKind: CircleKind;
}

export class GridCellResponse implements GridCell {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) planId: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ enum: SessionStatus, enumName: 'SessionStatus' }) status: SessionStatus;
  @ApiProperty() present: number;
  @ApiProperty() recorded: boolean;
  @ApiProperty() memberCount: number;
}

export class GridRowResponse implements GridRow {
  @ApiProperty({ format: 'uuid' }) circleId: string;
  @ApiProperty({ enum: CircleKind, enumName: 'CircleKind' }) kind: CircleKind;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) villageId: string | null;
  @ApiProperty({ nullable: true, type: String }) villageName: string | null;
  @ApiProperty({ nullable: true, type: String }) municipalityName: string | null;
  @ApiProperty({
    type: 'array',
    items: { allOf: [{ $ref: '#/components/schemas/GridCellResponse' }], nullable: true },
    description: 'One per column; null where the circle has no session for it.',
  })
  cells: (GridCell | null)[];
}

class GridCohortResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class GridRowsPageResponse {
  @ApiProperty({ type: [GridRowResponse] }) items: GridRow[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CircleGridResponseBody implements CircleGridResponse {
  @ApiProperty({ type: GridCohortResponse }) cohort: { id: string; name: string };
  @ApiProperty({ type: [GridColumnResponse] }) columns: GridColumn[];
  @ApiProperty({ type: GridRowsPageResponse }) rows: GridRowsPageResponse;
}

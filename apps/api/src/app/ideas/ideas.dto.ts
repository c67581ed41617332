import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IDEA_LIMITS,
  IDEA_LIST_STATUSES,
  INITIATIVE_LIMITS,
  IdeaListStatus,
  type CastVotesRequest,
  type CreateIdeaListRequest,
  type CreateIdeaRequest,
  type IdeaDto,
  type IdeaHelperDto,
  type IdeaHelperInput,
  type IdeaListDto,
  type IdeaSource,
  type IdeaToInitiativeRequest,
  type IdeaToInitiativeResponse,
  type IdeaVote,
  type MyVotesDto,
  type MyVotesRequest,
  type PaperDotsRequest,
  type PersonSummary,
  type PublicIdeaDto,
  type PublicIdeaListDto,
  type UpdateIdeaListRequest,
  type UpdateIdeaRequest,
} from '@blup/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PersonSummaryResponse } from '../common/person-summary';
import { IsMailAddress, Nullable, Optional, TextField } from '../common/text-fields';

/** A survey question's id (as the surveys module makes them: chosen by the writer's client). */
const QUESTION_ID = /^[A-Za-z0-9_-]{1,40}$/;

const L = IDEA_LIMITS;
const DOTS_MESSAGE = `dotsPerPerson must be a whole number from ${L.dotsPerPersonMin} to ${L.dotsPerPersonMax}`;
const STATUS_MESSAGE = `status must be one of ${IDEA_LIST_STATUSES.join(', ')}`;
const VERSION_MESSAGE = 'version must be the version you opened, a whole number from 1';

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

export class IdeaListResponse implements IdeaListDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() villageName: string;
  @ApiProperty({ example: 'Idéer fra borgermødet' }) title: string;
  @ApiProperty() intro: string;
  @ApiProperty({ minimum: L.dotsPerPersonMin, maximum: L.dotsPerPersonMax })
  dotsPerPerson: number;
  @ApiProperty({ enum: IdeaListStatus, enumName: 'IdeaListStatus' }) status: IdeaListStatus;
  @ApiProperty({ example: 'https://blup.example/stem/Xk3…' }) publicUrl: string;
  @ApiProperty() publicToken: string;
  @ApiProperty() ideaCount: number;
  @ApiProperty() voterCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) updatedBy: PersonSummary | null;
  @ApiProperty() canEdit: boolean;
}

export class IdeaSourceResponse implements IdeaSource {
  @ApiProperty({ enum: ['survey_answer'] }) kind: 'survey_answer';
  @ApiProperty({ format: 'uuid' }) surveyId: string;
  @ApiProperty({ pattern: QUESTION_ID.source }) questionId: string;
}

export class IdeaResponse implements IdeaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) listId: string;
  @ApiProperty({ example: 'Shelter ved søen' }) title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: IdeaSourceResponse, nullable: true }) source: IdeaSource | null;
  @ApiProperty({ minimum: 1 }) position: number;
  @ApiProperty() onlineDots: number;
  @ApiProperty() paperDots: number;
  @ApiProperty() totalDots: number;
  @ApiProperty({ minimum: 1, description: 'Ideas with the same total share a rank.' })
  rank: number;
  @ApiProperty() voterCount: number;
  @ApiProperty() helperCount: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) initiativeId: string | null;
  @ApiProperty({
    minimum: 1,
    description:
      'Of its words: send it back with a change of them (409 when someone changed them since).',
  })
  version: number;
  @ApiProperty() canEdit: boolean;
}

export class IdeaHelperResponse implements IdeaHelperDto {
  @ApiProperty({ example: 'Birthe Lund' }) name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class IdeaToInitiativeResponseBody implements IdeaToInitiativeResponse {
  @ApiProperty({ format: 'uuid' }) ideaId: string;
  @ApiProperty({ format: 'uuid' }) initiativeId: string;
}

export class PublicIdeaResponse implements PublicIdeaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
}

export class PublicIdeaListResponse implements PublicIdeaListDto {
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty() villageName: string;
  @ApiProperty() dotsPerPerson: number;
  @ApiProperty({ type: [PublicIdeaResponse], maxItems: L.ideasPerListMax })
  ideas: PublicIdeaDto[];
}

export class IdeaVoteResponse implements IdeaVote {
  @ApiProperty({ format: 'uuid' }) ideaId: string;
  @ApiProperty({ minimum: 1 }) dots: number;
}

export class HelperContactResponse {
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
}

export class MyVotesResponse implements MyVotesDto {
  @ApiProperty({ type: [IdeaVoteResponse] }) votes: IdeaVote[];
  @ApiProperty({ type: [String], format: 'uuid' }) help: string[];
  @ApiProperty({ type: HelperContactResponse, nullable: true })
  helper: HelperContactResponse | null;
  @ApiProperty() dotsLeft: number;
}

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

const DotsPerPerson = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({
      minimum: L.dotsPerPersonMin,
      maximum: L.dotsPerPersonMax,
      default: L.dotsPerPersonDefault,
    }),
    Optional(),
    Max(L.dotsPerPersonMax, { message: DOTS_MESSAGE }),
    Min(L.dotsPerPersonMin, { message: DOTS_MESSAGE }),
    IsInt({ message: DOTS_MESSAGE }),
  );

export class CreateIdeaListBody implements CreateIdeaListRequest {
  @ApiProperty({ maxLength: L.listTitleMaxLength, example: 'Idéer fra borgermødet' })
  @TextField('title', L.listTitleMaxLength)
  title: string;

  @ApiPropertyOptional({ maxLength: L.introMaxLength })
  @Optional()
  @TextField('intro', L.introMaxLength, { allowEmpty: true, multiline: true })
  intro?: string;

  @DotsPerPerson()
  dotsPerPerson?: number;
}

export class UpdateIdeaListBody implements UpdateIdeaListRequest {
  @ApiPropertyOptional({ maxLength: L.listTitleMaxLength })
  @Optional()
  @TextField('title', L.listTitleMaxLength)
  title?: string;

  @ApiPropertyOptional({ maxLength: L.introMaxLength })
  @Optional()
  @TextField('intro', L.introMaxLength, { allowEmpty: true, multiline: true })
  intro?: string;

  @DotsPerPerson()
  dotsPerPerson?: number;

  @ApiPropertyOptional({
    enum: IdeaListStatus,
    enumName: 'IdeaListStatus',
    description: 'open: residents vote; closed: the public link answers 410.',
  })
  @Optional()
  @IsIn(IDEA_LIST_STATUSES, { message: STATUS_MESSAGE })
  status?: IdeaListStatus;

  @ApiProperty({
    minimum: 1,
    description: 'The version you changed; 409 when someone saved since.',
  })
  @Min(1, { message: VERSION_MESSAGE })
  @IsInt({ message: VERSION_MESSAGE })
  version: number;
}

export class IdeaSourceBody implements IdeaSource {
  @ApiProperty({ enum: ['survey_answer'] })
  @IsIn(['survey_answer'], { message: 'source.kind must be survey_answer' })
  kind: 'survey_answer';

  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'source.surveyId must be the id of a survey (a UUID)' })
  surveyId: string;

  @ApiProperty({ pattern: QUESTION_ID.source })
  @Matches(QUESTION_ID, {
    message:
      'source.questionId must be the id of a question of the survey (1–40 letters, digits, - or _)',
  })
  @IsString({ message: 'source.questionId must be the id of a question of the survey' })
  questionId: string;
}

export class CreateIdeaBody implements CreateIdeaRequest {
  @ApiProperty({ maxLength: L.titleMaxLength, example: 'Shelter ved søen' })
  @TextField('title', L.titleMaxLength)
  title: string;

  @ApiPropertyOptional({ maxLength: L.descriptionMaxLength })
  @Optional()
  @TextField('description', L.descriptionMaxLength, { allowEmpty: true, multiline: true })
  description?: string;

  @ApiPropertyOptional({
    type: IdeaSourceBody,
    nullable: true,
    description: 'Where it came from when taken from a survey answer.',
  })
  @Nullable()
  @ValidateNested()
  @Type(() => IdeaSourceBody)
  @IsObject({ message: 'source must be { kind, surveyId, questionId }, or null' })
  source?: IdeaSourceBody | null;
}

const POSITION_MESSAGE = `position must be a whole number from 1 to ${L.ideasPerListMax}`;

export class UpdateIdeaBody implements UpdateIdeaRequest {
  @ApiPropertyOptional({ maxLength: L.titleMaxLength })
  @Optional()
  @TextField('title', L.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ maxLength: L.descriptionMaxLength })
  @Optional()
  @TextField('description', L.descriptionMaxLength, { allowEmpty: true, multiline: true })
  description?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: L.ideasPerListMax })
  @Optional()
  @Max(L.ideasPerListMax, { message: POSITION_MESSAGE })
  @Min(1, { message: POSITION_MESSAGE })
  @IsInt({ message: POSITION_MESSAGE })
  position?: number;

  @ApiPropertyOptional({
    minimum: 1,
    description:
      'The version of the idea you changed: needed with title or description (409 when someone changed its words since); a move alone needs none.',
  })
  @ValidateIf(
    (body: UpdateIdeaBody) =>
      body.title !== undefined || body.description !== undefined || body.version !== undefined,
  )
  @Min(1, { message: VERSION_MESSAGE })
  @IsInt({ message: VERSION_MESSAGE })
  version?: number;
}

const PAPER_MESSAGE = `dots must be a whole number from 0 to ${L.paperDotsMax}`;

export class PaperDotsBody implements PaperDotsRequest {
  @ApiProperty({ minimum: 0, maximum: L.paperDotsMax, description: 'The paper dots in all.' })
  @Max(L.paperDotsMax, { message: PAPER_MESSAGE })
  @Min(0, { message: PAPER_MESSAGE })
  @IsInt({ message: PAPER_MESSAGE })
  dots: number;
}

const GOALS_MESSAGE = 'goalIds must name at least one of the village’s goals';

export class IdeaToInitiativeBody implements IdeaToInitiativeRequest {
  @ApiProperty({ format: 'uuid', description: 'A focus area of the village.' })
  @IsUUID('all', { message: 'focusAreaId must be the id of a focus area (a UUID)' })
  focusAreaId: string;

  @ApiProperty({ type: [String], format: 'uuid', minItems: 1 })
  @IsUUID('all', { each: true, message: 'goalIds must be ids of goals (UUIDs)' })
  @ArrayUnique({ message: 'goalIds names a goal twice' })
  @ArrayMaxSize(INITIATIVE_LIMITS.goalsMax, {
    message: `goalIds can hold at most ${INITIATIVE_LIMITS.goalsMax} goals`,
  })
  @ArrayMinSize(1, { message: GOALS_MESSAGE })
  @IsArray({ message: GOALS_MESSAGE })
  goalIds: string[];
}

// ---------------------------------------------------------------------------------------------
// Public requests
// ---------------------------------------------------------------------------------------------

const DEVICE_MESSAGE = `deviceKey must be ${L.deviceKeyMinLength}–${L.deviceKeyMaxLength} letters, digits, - or _ (the page makes it)`;

const DeviceKey = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      minLength: L.deviceKeyMinLength,
      maxLength: L.deviceKeyMaxLength,
      description: 'A random key the phone keeps, so the same phone can change its dots later.',
    }),
    Matches(new RegExp(`^[A-Za-z0-9_-]{${L.deviceKeyMinLength},${L.deviceKeyMaxLength}}$`), {
      message: DEVICE_MESSAGE,
    }),
    IsString({ message: DEVICE_MESSAGE }),
  );

export class MyVotesBody implements MyVotesRequest {
  @DeviceKey()
  deviceKey: string;
}

const VOTE_DOTS = `each vote's dots must be a whole number from 1 to ${L.dotsPerPersonMax}`;

export class IdeaVoteBody implements IdeaVote {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'ideaId must be the id of an idea (a UUID)' })
  ideaId: string;

  @ApiProperty({ minimum: 1, maximum: L.dotsPerPersonMax })
  @Max(L.dotsPerPersonMax, { message: VOTE_DOTS })
  @Min(1, { message: VOTE_DOTS })
  @IsInt({ message: VOTE_DOTS })
  dots: number;
}

export class IdeaHelperBody implements IdeaHelperInput {
  @ApiProperty({ maxLength: L.nameMaxLength, example: 'Birthe Lund' })
  @TextField('helper.name', L.nameMaxLength)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'birthe@example.dk' })
  @Nullable()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim().toLowerCase() || null : value,
  )
  @IsMailAddress('helper.email')
  @MaxLength(L.emailMaxLength, {
    message: `helper.email can be at most ${L.emailMaxLength} characters`,
  })
  @IsString({ message: 'helper.email must be text' })
  email?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '+45 20 30 40 50' })
  @Nullable()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.trim() || null : value,
  )
  @Matches(/^\+?[0-9][0-9 ()-]{3,28}$/, {
    message: 'helper.phone must be a phone number of digits, like +45 20 30 40 50',
  })
  @IsString({ message: 'helper.phone must be text' })
  phone?: string | null;

  @ApiProperty({ description: 'The person agrees that the steering group may contact them.' })
  @IsBoolean({ message: 'helper.consent must be true (ticked) or false' })
  consent: boolean;
}

export class CastVotesBody implements CastVotesRequest {
  @DeviceKey()
  deviceKey: string;

  @ApiProperty({ type: [IdeaVoteBody], maxItems: L.ideasPerListMax })
  // A list inside the list would pass ValidateNested untouched.
  @IsObject({ each: true, message: 'votes must be a list of { ideaId, dots }' })
  @ValidateNested({ each: true })
  @Type(() => IdeaVoteBody)
  @ArrayMaxSize(L.ideasPerListMax, { message: `votes can name at most ${L.ideasPerListMax} ideas` })
  @IsArray({ message: 'votes must be a list of { ideaId, dots }' })
  votes: IdeaVoteBody[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: L.ideasPerListMax })
  @Optional()
  @IsUUID('all', { each: true, message: 'help must be ids of ideas (UUIDs)' })
  @ArrayUnique({ message: 'help names an idea twice' })
  @ArrayMaxSize(L.ideasPerListMax, { message: `help can name at most ${L.ideasPerListMax} ideas` })
  @IsArray({ message: 'help must be a list of idea ids' })
  help?: string[];

  @ApiPropertyOptional({ type: IdeaHelperBody, nullable: true })
  @Nullable()
  @ValidateNested()
  @Type(() => IdeaHelperBody)
  @IsObject({ message: 'helper must be { name, email, phone, consent }, or null' })
  helper?: IdeaHelperBody | null;
}

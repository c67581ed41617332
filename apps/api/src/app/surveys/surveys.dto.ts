import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  QuestionKind,
  SURVEY_LIMITS as L,
  SurveyOwnerKind,
  SurveyPurpose,
  SurveyStatus,
  type CreateSurveyRequest,
  type PersonSummary,
  type PublicSurveyDto,
  type QuestionConditionDto,
  type SubmitSurveyResponseRequest,
  type SurveyAnswerValue,
  type SurveyDto,
  type SurveyOptionDto,
  type SurveyPageDto,
  type SurveyQuestionDto,
  type SurveyResponseReceiptDto,
  type SurveyStatusRequest,
  type SurveySummaryDto,
  type UpdateSurveyRequest,
} from '@blup/contracts';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { isIsoInstant } from '../common/iso-date';
import { PersonSummaryResponse } from '../common/person-summary';
import { Nullable, Optional, TextField } from '../common/text-fields';

const PURPOSES = Object.values(SurveyPurpose);
const STATUSES = Object.values(SurveyStatus);
const VERSION_MESSAGE = 'version must be the version you opened, a whole number from 1';

const Version = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({
      minimum: 1,
      description: 'The version you changed; 409 when someone saved since.',
    }),
    Min(1, { message: VERSION_MESSAGE }),
    IsInt({ message: VERSION_MESSAGE }),
  );

const Instant = (field: string): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }),
    Nullable(),
    ValidateBy(
      { name: 'isIsoInstant', validator: { validate: (v) => isIsoInstant(v) } },
      { message: `${field} must be an ISO instant like 2027-03-01T08:00:00+01:00, or null` },
    ),
  );

const Purpose = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ enum: SurveyPurpose, enumName: 'SurveyPurpose' }),
    Optional(),
    IsIn(PURPOSES, { message: `purpose must be one of ${PURPOSES.join(', ')}` }),
  );

// ---- Questionnaire shapes (also the body's pages; checked by survey-content.ts) --------------

export class SurveyOptionResponse implements SurveyOptionDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9_-]{1,40}$' }) id: string;
  @ApiProperty({ maxLength: L.optionLabelMaxLength }) label: string;
}

export class QuestionConditionResponse implements QuestionConditionDto {
  @ApiProperty() questionId: string;
  @ApiProperty({ type: [String] }) optionIds: string[];
}

export class ScaleLabelsResponse {
  @ApiProperty({ maxLength: L.scaleLabelMaxLength }) low: string;
  @ApiProperty({ maxLength: L.scaleLabelMaxLength }) high: string;
}

export class SurveyQuestionResponse implements SurveyQuestionDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9_-]{1,40}$' }) id: string;
  @ApiProperty({ enum: QuestionKind, enumName: 'QuestionKind' }) kind: QuestionKind;
  @ApiProperty({ maxLength: L.questionTitleMaxLength }) title: string;
  @ApiProperty({ maxLength: L.helpMaxLength }) help: string;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [SurveyOptionResponse], maxItems: L.optionsMax }) options: SurveyOptionDto[];
  @ApiProperty({ type: [SurveyOptionResponse], maxItems: L.matrixRowsMax }) rows: SurveyOptionDto[];
  @ApiProperty({ type: Number, nullable: true }) maxChoices: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxLength: number | null;
  @ApiProperty({ type: ScaleLabelsResponse, nullable: true })
  scaleLabels: { low: string; high: string } | null;
  @ApiProperty({ type: QuestionConditionResponse, nullable: true })
  condition: QuestionConditionDto | null;
  @ApiProperty() personalData: boolean;
  @ApiProperty({ type: String, nullable: true }) consentText: string | null;
  @ApiProperty() published: boolean;
}

export class SurveyPageResponse implements SurveyPageDto {
  @ApiProperty({ pattern: '^[A-Za-z0-9_-]{1,40}$' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [SurveyQuestionResponse] }) questions: SurveyQuestionDto[];
}

// ---- Surveys --------------------------------------------------------------------------------

export class SurveySummaryResponse implements SurveySummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SurveyOwnerKind, enumName: 'SurveyOwnerKind' }) ownerKind: SurveyOwnerKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ enum: SurveyPurpose, enumName: 'SurveyPurpose' }) purpose: SurveyPurpose;
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty({ enum: SurveyStatus, enumName: 'SurveyStatus' }) status: SurveyStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) opensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt: string | null;
  @ApiProperty() anonymousLink: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) copiedFromId: string | null;
  @ApiProperty() responseCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) updatedBy: PersonSummary | null;
  @ApiProperty() canEdit: boolean;
  @ApiProperty() questionCount: number;
}

export class SurveyResponse implements SurveyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SurveyOwnerKind, enumName: 'SurveyOwnerKind' }) ownerKind: SurveyOwnerKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) villageId: string | null;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) municipalityId: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ enum: SurveyPurpose, enumName: 'SurveyPurpose' }) purpose: SurveyPurpose;
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty({ enum: SurveyStatus, enumName: 'SurveyStatus' }) status: SurveyStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) opensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt: string | null;
  @ApiProperty() anonymousLink: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The public link’s token, for those who may change the survey.',
  })
  publicToken: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/svar/3q2-Xk9…' })
  publicPath: string | null;
  @ApiProperty({ type: [SurveyPageResponse] }) pages: SurveyPageDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) copiedFromId: string | null;
  @ApiProperty() responseCount: number;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: PersonSummaryResponse, nullable: true }) updatedBy: PersonSummary | null;
  @ApiProperty() canEdit: boolean;
}

export class CreateSurveyBody implements CreateSurveyRequest {
  @ApiProperty({ maxLength: L.titleMaxLength, example: 'Spørgeskema til Glumsø og Omegn' })
  @TextField('title', L.titleMaxLength)
  title: string;

  @Purpose()
  purpose?: SurveyPurpose;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'Copy this template’s (or one of your own surveys’) intro and pages.',
  })
  @Nullable()
  @IsUUID('all', { message: 'copyFromId must be the id of a survey (a UUID)' })
  copyFromId?: string | null;
}

export class UpdateSurveyBody implements UpdateSurveyRequest {
  @Version()
  version: number;

  @ApiPropertyOptional({ maxLength: L.titleMaxLength })
  @Optional()
  @TextField('title', L.titleMaxLength)
  title?: string;

  @ApiPropertyOptional({ maxLength: L.introMaxLength })
  @Optional()
  @TextField('intro', L.introMaxLength, { allowEmpty: true, multiline: true })
  intro?: string;

  @Purpose()
  purpose?: SurveyPurpose;

  @Instant('opensAt')
  opensAt?: string | null;

  @Instant('closesAt')
  closesAt?: string | null;

  @ApiPropertyOptional({ description: 'Whether the anonymous public link takes answers.' })
  @Optional()
  @IsBoolean({ message: 'anonymousLink must be true or false' })
  anonymousLink?: boolean;

  @ApiPropertyOptional({
    type: [SurveyPageResponse],
    maxItems: L.pagesMax,
    description:
      'The whole questionnaire. Once answers exist, questions and options may be added and reworded, not removed or changed in kind (409).',
  })
  @Optional()
  @IsArray({ message: 'pages must be a list of pages' })
  pages?: SurveyPageDto[];
}

export class SurveyStatusBody implements SurveyStatusRequest {
  @Version()
  version: number;

  @ApiProperty({ enum: SurveyStatus, enumName: 'SurveyStatus' })
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status: SurveyStatus;
}

// ---- Answering ------------------------------------------------------------------------------

export class PublicSurveyResponse implements PublicSurveyDto {
  @ApiProperty() title: string;
  @ApiProperty() intro: string;
  @ApiProperty({ type: String, nullable: true }) villageName: string | null;
  @ApiProperty({ type: String, nullable: true }) municipalityName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) opensAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closesAt: string | null;
  @ApiProperty({ description: 'False: only personal links (`?p=`) take answers.' })
  anonymousLink: boolean;
  @ApiProperty({ type: [SurveyPageResponse] }) pages: SurveyPageDto[];
}

const KEY = /^[A-Za-z0-9_.-]+$/;

export class SubmitSurveyResponseBody implements SubmitSurveyResponseRequest {
  @ApiProperty({
    format: 'uuid',
    description: 'Made once by the browser; a resend changes nothing.',
  })
  @IsUUID('all', { message: 'id must be a UUID made by the browser' })
  id: string;

  @ApiProperty({ minLength: L.deviceKeyMinLength, maxLength: L.deviceKeyMaxLength })
  @Matches(KEY, { message: 'deviceKey must be letters, digits, -, _ or .' })
  @MaxLength(L.deviceKeyMaxLength, {
    message: `deviceKey can be at most ${L.deviceKeyMaxLength} characters`,
  })
  @MinLength(L.deviceKeyMinLength, {
    message: `deviceKey must be at least ${L.deviceKeyMinLength} characters`,
  })
  @IsString({ message: 'deviceKey must be text' })
  deviceKey: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 100 })
  @Nullable()
  @Matches(KEY, { message: 'personalKey must be the key from a personal link' })
  @MaxLength(100, { message: 'personalKey must be the key from a personal link' })
  @IsString({ message: 'personalKey must be text' })
  personalKey?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'anotherPerson must be true or false' })
  anotherPerson?: boolean;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'question id → text, option id, option ids, a number 1–5, or { rowId: optionId }',
  })
  @IsObject({ message: 'answers must be an object of question id → answer' })
  answers: Record<string, SurveyAnswerValue>;

  @ApiPropertyOptional({ type: [String], maxItems: L.questionsMax })
  @Optional()
  @IsString({ each: true, message: 'consents must be question ids' })
  @ArrayMaxSize(L.questionsMax, { message: `consents can hold at most ${L.questionsMax} ids` })
  @IsArray({ message: 'consents must be a list of question ids' })
  consents?: string[];

  @ApiPropertyOptional({ enum: ['da', 'en'] })
  @Optional()
  @IsIn(['da', 'en'], { message: 'language must be da or en' })
  language?: 'da' | 'en';
}

export class SurveyResponseReceiptResponse implements SurveyResponseReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

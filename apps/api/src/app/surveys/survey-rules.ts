import { HttpStatus } from '@nestjs/common';
import {
  ErrorCode,
  SurveyOwnerKind,
  SurveyStatus,
  surveyPublicPath,
  type SurveyDto,
  type SurveySummaryDto,
} from '@blup/contracts';
import type { Actor } from '../access/access-policy';
import {
  surveyAccess,
  type SurveyAccess,
  type SurveyOwnerRef,
} from '../access/survey-access-policy';
import { AppException, notFound } from '../common/app-exception';
import { personOf } from '../common/person-summary';
import { assertUnchanged } from '../common/versions';
import type { SurveyRow } from './surveys.queries';

export const HIDDEN_SURVEY = 'No such survey, or not one you may see.';
export const READ_ONLY =
  'You may read this survey and its results; its owners (the village’s steering group, the municipality’s coordinators, or the secretariat) change it.';

export function ownerOf(
  row: Pick<SurveyRow, 'owner_kind' | 'village_id' | 'municipality_id'>,
): SurveyOwnerRef {
  if (row.owner_kind === SurveyOwnerKind.Village && row.village_id && row.municipality_id) {
    return { kind: 'village', villageId: row.village_id, municipalityId: row.municipality_id };
  }
  if (row.owner_kind === SurveyOwnerKind.Municipality && row.municipality_id) {
    return { kind: 'municipality', municipalityId: row.municipality_id };
  }
  return { kind: 'template' };
}

export function forbidden(message = READ_ONLY): AppException {
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, message);
}

/** The survey with what the actor may do with it; 404 when missing or hidden. */
export function readable(
  actor: Actor,
  row: SurveyRow | null,
): { row: SurveyRow; access: Exclude<SurveyAccess, 'hidden'> } {
  const access = row ? surveyAccess(actor, ownerOf(row)) : 'hidden';
  if (!row || access === 'hidden') throw notFound(HIDDEN_SURVEY);
  return { row, access };
}

/** The survey when the actor may change it (404 hidden, 403 reader) and, given a version, unchanged since (409). */
export function changeable(actor: Actor, row: SurveyRow | null, version: number | null): SurveyRow {
  const visible = readable(actor, row);
  if (visible.access !== 'edit') throw forbidden();
  assertUnchanged(version, visible.row, ErrorCode.SurveyChanged, 'survey');
  return visible.row;
}

/** Whether a survey takes answers now: `open`, or why not. */
export function answering(
  row: { status: SurveyStatus; opens_at: Date | null; closes_at: Date | null },
  now = new Date(),
): 'open' | 'draft' | 'closed' | 'not_yet' {
  if (row.status === SurveyStatus.Draft) return 'draft';
  if (row.status === SurveyStatus.Closed || (row.closes_at && row.closes_at <= now))
    return 'closed';
  if (row.opens_at && row.opens_at > now) return 'not_yet';
  return 'open';
}

export function surveyClosed(): AppException {
  return new AppException(
    HttpStatus.GONE,
    ErrorCode.SurveyClosed,
    'This survey is closed and takes no more answers.',
  );
}

export function surveyNotOpen(opensAt: Date): AppException {
  return new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.SurveyNotOpen,
    `This survey opens at ${opensAt.toISOString()}; answers are taken from then.`,
    { params: { opensAt: opensAt.toISOString() } },
  );
}

export function toSummaryDto(row: SurveyRow, access: SurveyAccess): SurveySummaryDto {
  return {
    id: row.id,
    ownerKind: row.owner_kind,
    villageId: row.village_id,
    villageName: row.village_name,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    purpose: row.purpose,
    title: row.title,
    intro: row.intro,
    status: row.status,
    opensAt: row.opens_at?.toISOString() ?? null,
    closesAt: row.closes_at?.toISOString() ?? null,
    anonymousLink: row.anonymous_link,
    copiedFromId: row.copied_from_id,
    responseCount: row.response_count,
    questionCount: row.question_count,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: personOf(row.updated_by_id, row.updated_by_name, row.updated_by_email),
    canEdit: access === 'edit',
  };
}

export function toSurveyDto(row: SurveyRow, access: SurveyAccess): SurveyDto {
  const { questionCount: _count, ...summary } = toSummaryDto(row, access);
  return {
    ...summary,
    publicToken:
      access === 'edit' && row.owner_kind !== SurveyOwnerKind.Template ? row.public_token : null,
    publicPath:
      access === 'edit' && row.owner_kind !== SurveyOwnerKind.Template
        ? surveyPublicPath(row.public_token)
        : null,
    pages: row.pages ?? [],
  };
}

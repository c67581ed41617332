import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type IdeaDto, type IdeaListDto } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { ideaAccess, type IdeaAccess } from '../access/idea-access-policy';
import { AppException, notFound } from '../common/app-exception';
import { personOf } from '../common/person-summary';
import { editableRow, visibleRow } from '../common/row-access';
import { findIdeaVillage, type IdeaListRow, type IdeaRef, type IdeaRow } from './ideas.queries';

export const NO_VILLAGE = 'No such village, or not one you may see.';
export const HIDDEN_LIST = 'No such idea list, or not one you may see.';
export const HIDDEN_IDEA = 'No such idea, or not one you may see.';
export const READ_ONLY =
  'Only the village’s steering group (and the secretariat) change its idea lists; coordinators read them.';

export function forbidden(): AppException {
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, READ_ONLY);
}

/** What the actor may do with a village's idea lists; 404 when they may not see them. */
export async function villageIdeaAccess(
  em: EntityManager,
  actor: Actor,
  villageId: string,
): Promise<Exclude<IdeaAccess, 'hidden'>> {
  const village = await findIdeaVillage(em, villageId);
  const access = village ? ideaAccess(actor, village) : 'hidden';
  if (access === 'hidden') throw notFound(NO_VILLAGE);
  return access;
}

/** The list with what the actor may do with it; 404 when missing or hidden. */
export function readableList(
  actor: Actor,
  row: IdeaListRow | null,
): { row: IdeaListRow; access: IdeaAccess } {
  return visibleRow(row, (village) => ideaAccess(actor, village), HIDDEN_LIST);
}

/** The list (read with its lock) when the actor may change it: 404 hidden, 403 reader, 409 old version. */
export function changeableList(
  actor: Actor,
  row: IdeaListRow | null,
  version: number | null,
): IdeaListRow {
  return editableRow(readableList(actor, row), version, {
    forbidden,
    changed: ErrorCode.IdeaListChanged,
    what: 'idea list',
  });
}

/** The idea with what the actor may do with it; 404 when missing or hidden. */
export function readableIdea(
  actor: Actor,
  row: IdeaRef | null,
): { row: IdeaRef; access: IdeaAccess } {
  return visibleRow(row, (village) => ideaAccess(actor, village), HIDDEN_IDEA);
}

/**
 * The idea when the actor may change it: 404 hidden, 403 reader, and given the `version` of its
 * words the change was made from (read with its lock), 409 when someone changed them since.
 */
export function changeableIdea(
  actor: Actor,
  row: IdeaRef | null,
  version: number | null = null,
): IdeaRef {
  return editableRow(readableIdea(actor, row), version, {
    forbidden,
    changed: ErrorCode.IdeaChanged,
    what: 'idea',
  });
}

export function toIdeaListDto(
  row: IdeaListRow,
  access: IdeaAccess,
  publicUrl: string,
): IdeaListDto {
  return {
    id: row.id,
    villageId: row.village_id,
    villageName: row.village_name,
    title: row.title,
    intro: row.intro,
    dotsPerPerson: row.dots_per_person,
    status: row.status,
    publicUrl: votingUrl(publicUrl, row.public_token),
    publicToken: row.public_token,
    ideaCount: row.idea_count,
    voterCount: row.voter_count,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: personOf(row.updated_by_id, row.updated_by_name, row.updated_by_email),
    canEdit: access === 'edit',
  };
}

/** The short address residents vote at (the web client's `/stem/:token`). */
export function votingUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/stem/${token}`;
}

export function toIdeaDto(row: IdeaRow, access: IdeaAccess): IdeaDto {
  return {
    id: row.id,
    listId: row.list_id,
    title: row.title,
    description: row.description,
    source:
      row.source_kind && row.source_survey_id && row.source_question_id
        ? {
            kind: row.source_kind,
            surveyId: row.source_survey_id,
            questionId: row.source_question_id,
          }
        : null,
    position: row.position,
    onlineDots: row.online_dots,
    paperDots: row.paper_dots,
    totalDots: row.total_dots,
    rank: row.rank,
    voterCount: row.voter_count,
    helperCount: row.helper_count,
    initiativeId: row.initiative_id,
    version: row.version,
    canEdit: access === 'edit',
  };
}

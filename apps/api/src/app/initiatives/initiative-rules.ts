import { HttpStatus } from '@nestjs/common';
import { ErrorCode, type Page } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { initiativeAccess, type InitiativeAccess } from '../access/initiative-access-policy';
import { AppException, notFound } from '../common/app-exception';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { editableRow, visibleRow, type VillageOwnedRow } from '../common/row-access';
import type { VersionedRow } from '../common/versions';
import { findInitiativeVillage, type InitiativeVillage } from './initiatives.queries';

export const NO_VILLAGE = 'No such village, or not one you may see.';
const READ_ONLY =
  'Only the village’s steering group (and the secretariat) change its initiatives; coordinators read them.';

/** What the actor may do with a village's initiatives; 404 when they may not see them at all. */
export async function villageAccess(
  em: EntityManager,
  actor: Actor,
  villageId: string,
): Promise<{ village: InitiativeVillage; access: Exclude<InitiativeAccess, 'hidden'> }> {
  const village = await findInitiativeVillage(em, villageId);
  const access = village ? initiativeAccess(actor, village) : 'hidden';
  if (!village || access === 'hidden') throw notFound(NO_VILLAGE);
  return { village, access };
}

export function forbidden(): AppException {
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, READ_ONLY);
}

/**
 * One page of a village's focus areas or initiatives as the actor sees them (404 when they may
 * not see the village): `find` reads the rows of the page's window, `toDto` shapes each with
 * what the actor may do.
 */
export async function villagePage<R, D>(
  em: EntityManager,
  actor: Actor,
  villageId: string,
  query: PageQueryDto,
  find: (window: ReturnType<typeof pageWindow>) => Promise<{ rows: R[]; total: number }>,
  toDto: (row: R, access: InitiativeAccess) => D,
): Promise<Page<D>> {
  const { access } = await villageAccess(em, actor, villageId);
  const { rows, total } = await find(pageWindow(query));
  return toPage(
    rows.map((row) => toDto(row, access)),
    total,
    query,
  );
}

/** The village when the actor may change its focus areas and initiatives: 404 hidden, 403 reader. */
export async function editableVillage(
  em: EntityManager,
  actor: Actor,
  villageId: string,
): Promise<InitiativeVillage> {
  const { village, access } = await villageAccess(em, actor, villageId);
  if (access !== 'edit') throw forbidden();
  return village;
}

/** How a focus area or an initiative is named when it is hidden (404) or changed meanwhile (409). */
export interface RowKind {
  hidden: string;
  changed: ErrorCode;
  what: string;
}

/** A focus area or initiative row with what the actor may do with it; 404 when hidden or missing. */
export function readableRow<R extends VillageOwnedRow>(
  actor: Actor,
  row: R | null,
  kind: RowKind,
): { row: R; access: InitiativeAccess } {
  return visibleRow(row, (village) => initiativeAccess(actor, village), kind.hidden);
}

/**
 * The row (read with its lock) when the actor may change it and, given a version, nobody saved
 * it since: 404 hidden, 403 reader, 409 naming who saved in between.
 */
export function changeableRow<R extends VillageOwnedRow & VersionedRow>(
  actor: Actor,
  row: R | null,
  version: number | null,
  kind: RowKind,
): R {
  return editableRow(readableRow(actor, row, kind), version, {
    forbidden,
    changed: kind.changed,
    what: kind.what,
  });
}

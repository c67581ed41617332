import type { ErrorCode } from '@blup/contracts';
import { type AppException, notFound } from './app-exception';
import { assertUnchanged, type VersionedRow } from './versions';

/** A row that belongs to a village: its access follows the village and its municipality. */
export interface VillageOwnedRow {
  village_id: string;
  municipality_id: string;
}

/**
 * The row with what the actor may do with it (`accessTo` asks the module's access policy about
 * the row's village); a 404 (`hidden`, in the caller's words) when there is no such row or the
 * actor may not see it, so a hidden row and a missing one look the same.
 */
export function visibleRow<R extends VillageOwnedRow, A extends string>(
  row: R | null | undefined,
  accessTo: (village: { id: string; municipalityId: string }) => A | 'hidden',
  hidden: string,
): { row: R; access: A } {
  const access = row
    ? accessTo({ id: row.village_id, municipalityId: row.municipality_id })
    : 'hidden';
  if (!row || access === 'hidden') throw notFound(hidden);
  return { row, access: access as A };
}

/** How a change of a versioned row is refused: a 403 for readers, the 409 for an old version. */
export interface ChangeRefusals {
  forbidden: () => AppException;
  changed: ErrorCode;
  /** The row's kind in the 409's words: "goal", "focus area". */
  what: string;
}

/**
 * The visible row when the actor may change it ('edit', else the 403) and, given a version,
 * nobody saved it since (else the 409 naming who did).
 */
export function editableRow<R extends VersionedRow>(
  visible: { row: R; access: string },
  version: number | null,
  refusals: ChangeRefusals,
): R {
  if (visible.access !== 'edit') throw refusals.forbidden();
  assertUnchanged(version, visible.row, refusals.changed, refusals.what);
  return visible.row;
}

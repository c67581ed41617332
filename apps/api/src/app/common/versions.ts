import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@blup/contracts';
import { AppException } from './app-exception';

/** What a versioned row says about its last save. */
export interface VersionedRow {
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

/** The 409 for a save made from an older version: who saved in between, when, and the version. */
export function changedMeanwhile(code: ErrorCode, what: string, row: VersionedRow): AppException {
  const name = row.updated_by_name ?? 'Someone';
  return new AppException(
    HttpStatus.CONFLICT,
    code,
    `${name} changed the ${what} while you were writing (it is now version ${row.version}). Your changes were not saved: open the ${what} again and add yours.`,
    { params: { name, at: row.updated_at.toISOString(), version: row.version } },
  );
}

/**
 * Refuses (with `changedMeanwhile`) a save made from another version than the row's; a save
 * that names no version (null) is not checked.
 */
export function assertUnchanged(
  version: number | null,
  row: VersionedRow,
  code: ErrorCode,
  what: string,
): void {
  if (version !== null && version !== row.version) throw changedMeanwhile(code, what, row);
}

/** The columns every save of a versioned row sets: the next version, who saved it, and when. */
export function nextSave(
  row: Pick<VersionedRow, 'version'>,
  actorId: string,
): { version: number; updatedBy: string; updatedAt: Date } {
  return { version: row.version + 1, updatedBy: actorId, updatedAt: new Date() };
}

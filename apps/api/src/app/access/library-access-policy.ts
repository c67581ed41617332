import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';

/**
 * Who may use the phase library (issue 16, point 3): its templates and manuals belong to every
 * BLUP process, so everyone signed in reads them and downloads every version; the secretariat
 * writes them (uploads, new versions, edits, deletes) and links them from sessions, lessons and
 * newsletters.
 */
export type LibraryAccess = 'write' | 'read';

export function libraryAccess(actor: Actor): LibraryAccess {
  return actor.role === Role.Secretariat ? 'write' : 'read';
}

export function canWriteLibrary(actor: Actor): boolean {
  return libraryAccess(actor) === 'write';
}

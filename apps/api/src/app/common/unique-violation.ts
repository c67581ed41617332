import type { AppException } from './app-exception';
import { ObjectLiteral, QueryFailedError, Repository } from 'typeorm';

/** PostgreSQL's unique_violation: a unique index (names, emails) refused the row. */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof QueryFailedError &&
    (error.driverError as { code?: string } | undefined)?.code === '23505'
  );
}

/** Runs a write and answers a unique-index refusal with `conflict()` (a 409). */
export async function orConflict<T>(
  work: () => Promise<T>,
  conflict: () => AppException,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict();
    throw error;
  }
}

export interface NameScope {
  /** The row being renamed, which may keep its own name. */
  exceptId?: string;
  /** Names are unique only among rows with these property values (e.g. a village's municipalityId). */
  within?: Record<string, string>;
}

/**
 * Whether another row already has this name, compared as the unique indexes do (`lower(name)`).
 * Asking first keeps the common 409 out of the database's error log; `orConflict` still
 * catches the race where two requests take the same name at once.
 */
export function nameTaken<T extends ObjectLiteral>(
  repo: Repository<T>,
  name: string,
  scope: NameScope = {},
): Promise<boolean> {
  const qb = repo.createQueryBuilder('x').where('lower(x.name) = lower(:name)', { name });
  if (scope.exceptId) qb.andWhere('x.id <> :exceptId', { exceptId: scope.exceptId });
  for (const [property, value] of Object.entries(scope.within ?? {})) {
    qb.andWhere(`x.${property} = :${property}`, { [property]: value });
  }
  return qb.getExists();
}

/** A write that must not reuse a name: `conflict()` (a 409) when the name is taken, before or during the write. */
export async function withUniqueName<T>(
  taken: () => Promise<boolean>,
  write: () => Promise<T>,
  conflict: () => AppException,
): Promise<T> {
  if (await taken()) throw conflict();
  return orConflict(write, conflict);
}

import type { AppException } from './app-exception';
import { QueryFailedError } from 'typeorm';

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

/** A write that must not reuse a name: `conflict()` (a 409) when the name is taken, before or during the write. */
export async function withUniqueName<T>(
  taken: () => Promise<boolean>,
  write: () => Promise<T>,
  conflict: () => AppException,
): Promise<T> {
  if (await taken()) throw conflict();
  return orConflict(write, conflict);
}

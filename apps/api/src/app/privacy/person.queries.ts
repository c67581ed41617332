import type { Locale, Role } from '@blup/contracts';
import type { EntityManager } from 'typeorm';

/** A person with an account, as export and erasure need them. */
export interface PersonRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  disabled_at: Date | null;
}

/** A person with an account, by id or by email address (case-insensitively). */
export async function findPerson(
  m: Pick<EntityManager, 'query'>,
  by: { id: string } | { email: string },
): Promise<PersonRow | null> {
  const rows: PersonRow[] = await m.query(
    `SELECT id, email, name, role, locale, disabled_at FROM users
      WHERE ${'id' in by ? 'id = $1' : 'lower(email) = lower($1)'}`,
    ['id' in by ? by.id : by.email],
  );
  return rows[0] ?? null;
}

import type { PersonLink, PersonalTable } from './personal-data';

/**
 * Whose data: a person with an account (their id and their current email, which also finds what
 * they did without signing in: a guest registration, a panel subscription), or an email address
 * alone (somebody without an account).
 */
export type PrivacySubject =
  { kind: 'user'; userId: string; email: string } | { kind: 'email'; email: string };

/** A condition on a registry table's rows and its parameters ($1, $2 … from `offset`). */
export interface RowCondition {
  sql: string;
  params: unknown[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A registry name as an SQL identifier; the registry is code, but a typo must not become SQL. */
export function ident(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${name}`);
  return `"${name}"`;
}

/** Whether a link applies to a subject: an email subject has no account, so no user links. */
export function linkApplies(link: PersonLink, subject: PrivacySubject): boolean {
  return subject.kind === 'user' || link.by !== 'user';
}

/**
 * The rows that `link` ties to `subject`, as a WHERE condition, or null when the link
 * does not apply to this kind of subject.
 */
export function linkCondition(
  link: PersonLink,
  subject: PrivacySubject,
  offset = 0,
): RowCondition | null {
  if (!linkApplies(link, subject)) return null;
  const column = ident(link.column);
  const p = `$${offset + 1}`;
  let target: string;
  let value: string;
  if (link.by === 'user') {
    value = (subject as { userId: string }).userId;
    target = p;
  } else if (link.by === 'email') {
    value = subject.email.toLowerCase();
    target = p;
  } else {
    value = subject.email.toLowerCase();
    target = `ANY (SELECT id FROM panel_subscribers WHERE email = ${p})`;
  }
  let sql: string;
  if (link.through) {
    const inner =
      link.by === 'email' ? `lower(${ident(link.through.column)})` : ident(link.through.column);
    sql = `${column} IN (SELECT id FROM ${ident(link.through.table)} WHERE ${inner} = ${target})`;
  } else if (link.by === 'email') {
    sql = `lower(${column}) = ${target}`;
  } else {
    sql = `${column} = ${target}`;
  }
  if (link.unless) sql += ` AND NOT ${ident(link.unless)}`;
  return { sql, params: [value] };
}

/** Every link of a table that applies to the subject, with its condition. */
export function subjectConditions(
  entry: PersonalTable,
  subject: PrivacySubject,
  parts: readonly PersonLink['part'][] = ['subject', 'author'],
): { link: PersonLink; condition: RowCondition }[] {
  return entry.links
    .filter((link) => parts.includes(link.part))
    .flatMap((link) => {
      const condition = linkCondition(link, subject);
      return condition ? [{ link, condition }] : [];
    });
}

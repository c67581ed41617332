import type { PersonalTable } from './personal-data';
import { PERSONAL_DATA } from './personal-data-registry';
import { tableStatements } from './erasure.queries';
import type { PrivacySubject } from './subject-sql';

/**
 * The steps of an erasure, in order, each named (the names go into steps_done and the audit log,
 * never the erased data):
 * - `sessions`: the account's sessions, calendar feeds and one-time tokens (user subjects);
 * - `files`: the person's export zips, before their rows go;
 * - `table:<name>`: each registry table with rows of the person, by its erase rules; tables found
 *   through another table (a panel member's deliveries, the messages of a question) first;
 * - `scrub`: the name and email address wherever they sit in free text;
 * - `finish`: the account itself last, and the request closed.
 */

/** Tables the `sessions` step empties; the account and the request are `finish`'s. */
const SESSION_TABLES = new Set(['sessions', 'calendar_feeds', 'one_time_tokens']);
const NOT_TABLE_STEPS = new Set([...SESSION_TABLES, 'users', 'erasure_requests', 'erasure_audit']);

export function registryEntry(table: string): PersonalTable {
  const entry = PERSONAL_DATA.find((e) => e.table === table);
  if (!entry) throw new Error(`No registry entry for ${table}`);
  return entry;
}

/** Whether the table's rows are found through another table that is erased by its own step. */
function reachedThrough(entry: PersonalTable): boolean {
  return entry.links.some((link) => link.through || link.by === 'subscriber');
}

/**
 * The registry tables with a step for this subject, in the order they run. `tables` are the
 * database's base tables: a registry entry that is a view (circle_participants) is erased through
 * the tables it reads.
 */
export function tableSteps(subject: PrivacySubject, tables: ReadonlySet<string>): PersonalTable[] {
  const entries = PERSONAL_DATA.filter(
    (entry) =>
      tables.has(entry.table) &&
      !NOT_TABLE_STEPS.has(entry.table) &&
      tableStatements(entry, subject).length > 0,
  );
  // Stable: registry order within each group.
  return [
    ...entries.filter((entry) => reachedThrough(entry)),
    ...entries.filter((entry) => !reachedThrough(entry)),
  ];
}

export function sessionTables(): PersonalTable[] {
  return PERSONAL_DATA.filter((entry) => SESSION_TABLES.has(entry.table));
}

export function stepNames(subject: PrivacySubject, tables: ReadonlySet<string>): string[] {
  return [
    ...(subject.kind === 'user' ? ['sessions'] : []),
    'files',
    ...tableSteps(subject, tables).map((entry) => `table:${entry.table}`),
    'scrub',
    'finish',
  ];
}

/** PostgreSQL regular-expression metacharacters, escaped. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
}

const LETTER = /\p{L}/gu;

/**
 * Whether a name is specific enough to search for in free text. A single short word ("Bo", "Ib",
 * "Anne") would also be somebody else's name or an ordinary word all over the database; two words
 * or five letters or more are the person, not a word.
 */
export function nameIsSearchable(name: string): boolean {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words.length >= 2 || (name.match(LETTER)?.length ?? 0) >= 5;
}

/** Not a letter, digit or underscore: the edge of a whole word (works for æ, ø, å too). */
const EDGE_BEFORE = '(?<![[:alnum:]_])';
const EDGE_AFTER = '(?![[:alnum:]_])';

/**
 * The pattern that finds the terms as whole words (case-insensitively, with `~*`); `json` escapes
 * them as they appear in jsonb's text. Null when there is nothing to look for.
 */
export function scrubPattern(
  terms: { names: string[]; emails: string[] },
  json: boolean,
): string | null {
  const quote = (text: string) => (json ? JSON.stringify(text).slice(1, -1) : text);
  const alternatives = [
    ...terms.emails
      .filter((email) => email.includes('@'))
      // An address may follow a dot or plus in a longer one (a.anne@…): only a full one counts.
      .map((email) => `(?<![[:alnum:]_.+-])${escapeRegex(quote(email))}${EDGE_AFTER}`),
    ...terms.names.filter(nameIsSearchable).map(
      (name) =>
        EDGE_BEFORE +
        name
          .trim()
          .split(/\s+/)
          .map((word) => escapeRegex(quote(word)))
          .join('\\s+') +
        EDGE_AFTER,
    ),
  ];
  if (alternatives.length === 0) return null;
  return alternatives.map((a) => `(?:${a})`).join('|');
}

/** Registry column kinds that hold who a row is about: the table steps handle the person's own. */
const IDENTITY_KINDS = new Set(['name', 'email', 'phone', 'detail', 'secret']);

/**
 * Whether the scrub looks in a column. Free text and answers, and every column the registry does
 * not list, yes; a column that holds who its row is about (a name, an email, a phone number) no:
 * the person's own rows there are the table steps' work, and another person's row that matches
 * is somebody else with the same name, whose name must stay.
 */
export function scrubbed(table: string, column: string): boolean {
  const entry = PERSONAL_DATA.find((e) => e.table === table);
  const kind = entry?.columns[column]?.kind;
  return !kind || !IDENTITY_KINDS.has(kind);
}

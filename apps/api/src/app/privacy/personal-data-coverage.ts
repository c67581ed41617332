import type { NotPersonal, PersonalTable } from './personal-data';

/** A column of the database, with the table its foreign key points at (if any). */
export interface DatabaseColumn {
  table: string;
  column: string;
  references: string | null;
}

/** Tables whose ids are people: a column pointing at one ties its row to a person. */
const PERSON_TABLES = new Set(['users', 'panel_subscribers']);

/** Names that hold, or point at, a person. */
const PERSONAL_NAME =
  /(^|_)(email|phone|ip|user_agent|name|user_id|author_id|asker_id|actor_id|subscriber_id|owner_user_id|facilitator_id)$|_by(_id)?$/;

/** Whether a column looks personal: by its foreign key or its name. */
export function looksPersonal(column: DatabaseColumn): boolean {
  if (column.references && PERSON_TABLES.has(column.references)) return true;
  return PERSONAL_NAME.test(column.column);
}

/** Every column a registry entry names: its links, their own columns and its personal columns. */
export function registeredColumns(registry: readonly PersonalTable[]): Set<string> {
  const named = new Set<string>();
  for (const entry of registry) {
    for (const link of entry.links) {
      named.add(`${entry.table}.${link.column}`);
      for (const own of link.own ?? []) named.add(`${entry.table}.${own}`);
    }
    for (const column of Object.keys(entry.columns)) named.add(`${entry.table}.${column}`);
  }
  // A table's own id is its key, not a person, except users.id (a link in the registry).
  return named;
}

/**
 * The columns that look personal and are neither in the registry nor explained in NOT_PERSONAL
 * ("table.column"), sorted. Token hashes count: they are secrets that belong to a person.
 */
export function uncoveredColumns(
  columns: readonly DatabaseColumn[],
  registry: readonly PersonalTable[],
  notPersonal: readonly NotPersonal[],
): string[] {
  const named = registeredColumns(registry);
  for (const entry of notPersonal) named.add(entry.column);
  return columns
    .filter((column) => looksPersonal(column))
    .map((column) => `${column.table}.${column.column}`)
    .filter((name) => !named.has(name))
    .sort();
}

/** Registry entries that name a table or column the database does not have ("table.column"). */
export function staleEntries(
  columns: readonly DatabaseColumn[],
  registry: readonly PersonalTable[],
  notPersonal: readonly NotPersonal[],
): string[] {
  const present = new Set(columns.map((column) => `${column.table}.${column.column}`));
  const named = [...registeredColumns(registry), ...notPersonal.map((entry) => entry.column)];
  return named.filter((name) => !present.has(name)).sort();
}

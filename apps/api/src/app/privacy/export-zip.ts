import { strToU8, zipSync } from 'fflate';
import { csvLine } from '../common/csv';
import type { PersonLink, PersonalTable } from './personal-data';

/**
 * What an export holds and how the zip is laid out (issue 17), without the database:
 * - `README.txt`: what each file is, in Danish and English (the registry's purposes);
 * - `person.json`: whose data, when, and how many rows each table gave;
 * - `data/<table>.json`: the rows of each registry table, as JSON;
 * - `csv/<table>.csv`: the same rows for a spreadsheet (BOM, `;`, formula-guarded cells).
 */

/** The columns a link names: its own column and the columns that belong to its person. */
function linkColumns(link: PersonLink): string[] {
  return [link.column, ...(link.own ?? [])];
}

/** Timestamps an author row shows beside its key and link. */
const AUTHOR_TIMES = ['created_at', 'updated_at'];

/**
 * The columns of a row that `link` lets the subject see:
 * - a `subject` row whole, an `author` row only its key, the link column and its times;
 * - never a secret (a password or token hash);
 * - never the columns of the table's other links (somebody else's id, email, name), unless
 *   this link names them too (an application's contact does not see the applicant's name).
 */
export function visibleColumns(
  entry: PersonalTable,
  link: PersonLink,
  rowColumns: readonly string[],
): string[] {
  const mine = new Set(linkColumns(link));
  const others = new Set(
    entry.links.filter((other) => other !== link).flatMap((other) => linkColumns(other)),
  );
  for (const column of mine) others.delete(column);
  const { part } = link;
  const shown =
    part === 'subject'
      ? () => true
      : (column: string) =>
          entry.key.includes(column) || column === link.column || AUTHOR_TIMES.includes(column);
  return rowColumns.filter(
    (column) => shown(column) && !isSecret(entry, column) && !others.has(column),
  );
}

/** Hashes and tokens look like this; never exported even if the registry forgot to say so. */
const SECRET_NAME = /(^|_)(hash|token|secret)$/;

/** A column never exported: a secret in the registry, or a hash or token by its name. */
export function isSecret(entry: PersonalTable, column: string): boolean {
  return entry.columns[column]?.kind === 'secret' || SECRET_NAME.test(column);
}

/** One table's rows as found by each link: merges rows found by several links into one. */
export class TableRows {
  private readonly rows = new Map<string, { row: Record<string, unknown>; columns: Set<string> }>();

  constructor(private readonly entry: PersonalTable) {}

  add(link: PersonLink, found: readonly Record<string, unknown>[]): void {
    for (const row of found) {
      const id = JSON.stringify(this.entry.key.map((column) => plain(row[column])));
      const seen = this.rows.get(id) ?? { row, columns: new Set<string>() };
      for (const column of visibleColumns(this.entry, link, Object.keys(row))) {
        seen.columns.add(column);
      }
      this.rows.set(id, seen);
    }
  }

  /** Each row with only its visible columns, in the table's column order. */
  list(): Record<string, unknown>[] {
    return [...this.rows.values()].map(({ row, columns }) =>
      Object.fromEntries(
        Object.keys(row)
          .filter((column) => columns.has(column))
          .map((column) => [column, plain(row[column])]),
      ),
    );
  }
}

/** A database value as JSON holds it: dates as ISO text, bytes as base64. */
function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function cellText(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
}

/** The rows as CSV: a header of every column any row shows (table order), then one line each. */
export function rowsCsv(rows: readonly Record<string, unknown>[], tableColumns: string[]): string {
  const present = new Set(rows.flatMap((row) => Object.keys(row)));
  const header = rows.length
    ? [
        ...tableColumns.filter((column) => present.has(column)),
        ...[...present].filter((column) => !tableColumns.includes(column)),
      ]
    : tableColumns;
  const lines = [
    csvLine(header),
    ...rows.map((row) => csvLine(header.map((c) => cellText(row[c])))),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export interface ExportSubjectSummary {
  kind: 'user' | 'email';
  userId: string | null;
  email: string;
  name: string | null;
}

export interface ExportContents {
  exportId: string;
  generatedAt: Date;
  subject: ExportSubjectSummary;
  /** Every registry table in registry order, with its rows and its columns in the database. */
  tables: { entry: PersonalTable; rows: Record<string, unknown>[]; columns: string[] }[];
}

export function readme(contents: ExportContents): string {
  const when = contents.generatedAt.toISOString();
  const tables = contents.tables.map(({ entry, rows }) =>
    [
      `${entry.table} (${rows.length})`,
      `  data/${entry.table}.json, csv/${entry.table}.csv`,
      `  DA: ${entry.purpose.da}`,
      `  EN: ${entry.purpose.en}`,
    ].join('\r\n'),
  );
  return [
    'BLUP Akademiet: dine data / your data',
    `Lavet / made: ${when}`,
    '',
    'DANSK',
    'Denne fil indeholder alt, hvad BLUP Akademiet har gemt om dig.',
    '- person.json: hvem eksporten er for, hvornår den er lavet, og hvor mange rækker hver tabel gav.',
    '- data/<tabel>.json: rækkerne fra hver tabel som JSON (til andre programmer).',
    '- csv/<tabel>.csv: de samme rækker som regneark (semikolon-separeret, åbner i Excel).',
    'Oplysninger om andre personer (deres navn, e-mail og id) er taget ud.',
    'Adgangskoder og nøgler er aldrig med. Har du spørgsmål, så skriv til sekretariatet.',
    '',
    'ENGLISH',
    'This file holds everything BLUP Akademiet keeps about you.',
    '- person.json: who the export is for, when it was made, and how many rows each table gave.',
    '- data/<table>.json: the rows of each table as JSON (for other programs).',
    '- csv/<table>.csv: the same rows as spreadsheets (semicolon-separated, opens in Excel).',
    'Data about other people (their name, email and id) is left out.',
    'Passwords and keys are never included. Questions? Write to the secretariat.',
    '',
    'TABELLER / TABLES (rækker / rows)',
    '',
    ...tables,
    '',
  ].join('\r\n');
}

/** The zip: README.txt, person.json, and a JSON and a CSV file per registry table. */
export function exportZip(contents: ExportContents): Buffer {
  const person = {
    exportId: contents.exportId,
    generatedAt: contents.generatedAt.toISOString(),
    subject: contents.subject,
    tables: contents.tables.map(({ entry, rows }) => ({
      table: entry.table,
      rows: rows.length,
      purpose: entry.purpose,
      legalBasis: entry.legalBasis,
    })),
  };
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(readme(contents)),
    'person.json': strToU8(JSON.stringify(person, null, 2)),
  };
  for (const { entry, rows, columns } of contents.tables) {
    files[`data/${entry.table}.json`] = strToU8(JSON.stringify(rows, null, 2));
    files[`csv/${entry.table}.csv`] = strToU8(rowsCsv(rows, columns));
  }
  return Buffer.from(zipSync(files, { level: 6, mtime: contents.generatedAt }));
}

import { NAME_MAX_LENGTH, type PanelImportRowReport } from '@blup/contracts';
import { isEmail } from 'class-validator';
import { hasControlCharacter } from '../common/text-fields';

/** One usable row of an import: who, and where in the file (row 1 is the file's first line). */
export interface PanelCsvPerson {
  row: number;
  email: string;
  name: string;
}

export interface PanelCsvResult {
  people: PanelCsvPerson[];
  /** Rows refused as malformed, with the reason. */
  invalid: PanelImportRowReport[];
  /** Rows that name an email seen earlier in the file. */
  duplicates: number;
  /** Data rows read (blank lines not counted). */
  rows: number;
}

const HEADER_EMAIL = new Set([
  'email',
  'e-mail',
  'mail',
  'emailadresse',
  'e-mailadresse',
  'mailadresse',
]);
const HEADER_NAME = new Set(['name', 'navn', 'fulde navn', 'full name']);

/**
 * An uploaded file's bytes as text. UTF-8 (with or without a byte-order mark) is what we ask
 * for; UTF-16 with its byte-order mark is what Excel writes as "Unicode text"; anything that is
 * not valid UTF-8 is read as Windows-1252, the encoding of a Danish Excel "CSV (semikolon-
 * separeret)" file, so æ, ø and å arrive intact instead of as replacement characters.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // The decoder drops a UTF-8 byte-order mark itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Control characters shown as "?" in the report (and PostgreSQL refuses a NUL in jsonb). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** Splits one line on the separator, honouring "quoted" fields with "" for a quote. */
export function splitCsvLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === separator) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells.map((x) => x.trim());
}

/**
 * Reads an import: columns `email,name` (or `navn`), a header row optional, separated by `;`
 * or `,` (whichever the first line uses; `;` wins, as Danish spreadsheets write it), UTF-8 with
 * or without a byte-order mark. Every row is accounted for: a person, a duplicate, or a
 * refusal with its reason. Blank lines are not rows.
 */
export function parsePanelCsv(text: string): PanelCsvResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const first = lines.find((l) => l.trim() !== '') ?? '';
  const separator = first.includes(';') ? ';' : first.includes('\t') ? '\t' : ',';
  let emailColumn = 0;
  let nameColumn: number | null = 1;
  let columns = 2;
  const people: PanelCsvPerson[] = [];
  const invalid: PanelImportRowReport[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let rows = 0;
  let headerChecked = false;

  lines.forEach((line, index) => {
    const row = index + 1;
    if (line.trim() === '') return;
    const cells = splitCsvLine(line, separator);
    if (!headerChecked) {
      headerChecked = true;
      const lower = cells.map((c) => c.toLowerCase());
      const e = lower.findIndex((c) => HEADER_EMAIL.has(c));
      if (e >= 0) {
        emailColumn = e;
        const n = lower.findIndex((c) => HEADER_NAME.has(c));
        nameColumn = n >= 0 ? n : null;
        columns = cells.length;
        return;
      }
    }
    rows++;
    const value = line.trim().slice(0, 300).replace(CONTROL, '?');
    const filled = cells.filter((c, i) => c !== '' || i < columns);
    if (filled.length > Math.max(columns, 2)) {
      invalid.push({ row, value, reason: 'too_many_columns' });
      return;
    }
    const email = (cells[emailColumn] ?? '').toLowerCase();
    const name = nameColumn === null ? '' : (cells[nameColumn] ?? '');
    if (email.length > 254 || !isEmail(email)) {
      invalid.push({ row, value, reason: 'invalid_email' });
      return;
    }
    if ([...name].length > NAME_MAX_LENGTH || hasControlCharacter(name, false)) {
      invalid.push({ row, value, reason: 'name_too_long' });
      return;
    }
    if (seen.has(email)) {
      duplicates++;
      return;
    }
    seen.add(email);
    people.push({ row, email, name });
  });
  return { people, invalid, duplicates, rows };
}

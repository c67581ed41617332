import { NAME_MAX_LENGTH, type PanelImportRowReport } from '@blup/contracts';
import { isEmail } from 'class-validator';
import { CsvError, parse } from 'csv-parse/sync';
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

/** One record of a CSV file: its cells, and its text as written (for the report). */
export interface CsvRecord {
  cells: string[];
  raw: string;
}

/**
 * csv-parse's reading of RFC 4180: a cell in quotes may hold the separator, `""` for a quote,
 * and line breaks (\r\n, \n or \r, mixed as spreadsheets write them); spaces around quotes are
 * allowed, a quote inside an unquoted cell is kept as it is, and every row may have its own
 * number of cells (the report says which have too many).
 */
function csvOptions(separator: string) {
  return {
    delimiter: separator,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    ltrim: true,
    rtrim: true,
  };
}

/** The end of the line that begins at `start` (its line break included). */
function lineEnd(bytes: Buffer, start: number): number {
  const lf = bytes.indexOf(0x0a, start);
  const cr = bytes.indexOf(0x0d, start);
  const brk = cr >= 0 && (lf < 0 || cr < lf) ? cr : lf;
  if (brk < 0) return bytes.length;
  return bytes[brk] === 0x0d && bytes[brk + 1] === 0x0a ? brk + 2 : brk + 1;
}

/**
 * A record csv-parse refuses (a quote left open, or text after a closing quote) is read as its
 * own line: with the open quote closed at the line's end, or else split on every separator,
 * dropping each quote (`""` stays one quote).
 */
function readBrokenLine(line: string, separator: string): string[] {
  try {
    return parse(`${line}"`, csvOptions(separator))[0] ?? [''];
  } catch {
    return (parse(line, { ...csvOptions(separator), quote: false })[0] ?? ['']).map((cell) =>
      cell.replace(/"("?)/g, '$1'),
    );
  }
}

/**
 * Splits a whole CSV text into records with csv-parse (see `csvOptions`), so a record can span
 * several lines. A quote left open at the end of the file does not swallow the rest of it: that
 * record then ends at its own line break, and reading goes on from the next line.
 */
export function readCsvRecords(text: string, separator: string): CsvRecord[] {
  const bytes = Buffer.from(text, 'utf8');
  const records: CsvRecord[] = [];
  const rawText = (from: number, to: number) =>
    bytes
      .subarray(from, to)
      .toString('utf8')
      .replace(/(\r\n|\n|\r)$/, '');
  let pos = 0;
  while (pos < bytes.length) {
    let consumed = pos;
    try {
      parse(bytes.subarray(pos), {
        ...csvOptions(separator),
        on_record: (cells: string[], { bytes: end }: { bytes: number }) => {
          records.push({ cells: cells.map((c) => c.trim()), raw: rawText(consumed, pos + end) });
          consumed = pos + end;
          return null;
        },
      });
      break;
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      const end = lineEnd(bytes, consumed);
      const raw = rawText(consumed, end);
      records.push({ cells: readBrokenLine(raw, separator).map((c) => c.trim()), raw });
      pos = end;
    }
  }
  return records;
}

/**
 * The separator of the first non-blank record, counting only characters outside quotes:
 * `;` wins (Danish spreadsheets write it), then a tab, else `,`. Like the encoding, this is
 * sniffed before csv-parse reads the file; a quote anywhere in a cell counts here.
 */
function detectSeparator(text: string): string {
  let quoted = false;
  let seen = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === '\n' || c === '\r') {
      if (seen.trim() !== '') break;
      seen = '';
    } else seen += c;
  }
  return seen.includes(';') ? ';' : seen.includes('\t') ? '\t' : ',';
}

/**
 * Reads an import: columns `email,name` (or `navn`), a header row optional, separated by `;`
 * or `,` (whichever the first row uses; `;` wins, as Danish spreadsheets write it), UTF-8 with
 * or without a byte-order mark, quoted cells as RFC 4180 has them (separators, `""` and line
 * breaks inside quotes). Every row is accounted for: a person, a duplicate, or a refusal with
 * its reason. Blank rows are not counted. Row numbers are the spreadsheet's rows (blank ones
 * included): a quoted cell with line breaks keeps its record on one row, as a spreadsheet shows
 * it, so the rows after it are numbered as the person sees them.
 */
export function parsePanelCsv(text: string): PanelCsvResult {
  const body = text.replace(/^\uFEFF/, '');
  const separator = detectSeparator(body);
  const records = readCsvRecords(body, separator);
  let emailColumn = 0;
  let nameColumn: number | null = 1;
  let columns = 2;
  const people: PanelCsvPerson[] = [];
  const invalid: PanelImportRowReport[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  let rows = 0;
  let headerChecked = false;

  records.forEach(({ cells, raw }, index) => {
    const row = index + 1;
    if (raw.trim() === '') return;
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
    const value = raw
      .trim()
      .replace(/\r\n|\n|\r/g, ' ')
      .slice(0, 300)
      .replace(CONTROL, '?');
    const filled = cells.filter((c, i) => c !== '' || i < columns);
    if (filled.length > Math.max(columns, 2)) {
      invalid.push({ row, value, reason: 'too_many_columns' });
      return;
    }
    const email = (cells[emailColumn] ?? '').toLowerCase();
    // A name typed over two lines in a spreadsheet cell is one name.
    const name =
      nameColumn === null ? '' : (cells[nameColumn] ?? '').replace(/\s*(\r\n|\n|\r)\s*/g, ' ');
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

import type { GatheringQuestion } from '@blup/contracts';
import type { RegistrationRow } from './gatherings.queries';

const STATUS_DA: Record<string, string> = {
  confirmed: 'Tilmeldt',
  waitlisted: 'Venteliste',
  pending: 'Afventer bekræftelse',
  cancelled: 'Afmeldt',
};

/** One cell: a leading = + - @ (or tab/CR) is guarded with ' so a spreadsheet shows it as text. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The caterer's list: name, places, every question's answer and the status; UTF-8 with a BOM
 * (so Excel reads æøå), `;` between cells (Danish Excel) and CRLF line ends.
 */
export function registrationsCsv(questions: GatheringQuestion[], rows: RegistrationRow[]): string {
  const header = ['Navn', 'Pladser', ...questions.map((q) => q.label), 'Status', 'Tjekket ind'];
  const lines = [header.map(csvCell).join(';')];
  for (const r of rows) {
    lines.push(
      [
        r.name,
        r.places,
        ...questions.map((q) => r.answers?.[q.id] ?? ''),
        STATUS_DA[r.status] ?? r.status,
        r.checked_in_at ? 'Ja' : '',
      ]
        .map(csvCell)
        .join(';'),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

import type { GatheringQuestion } from '@blup/contracts';
import { csvLine } from '../common/csv';
import type { RegistrationRow } from './gatherings.queries';

const STATUS_DA: Record<string, string> = {
  confirmed: 'Tilmeldt',
  waitlisted: 'Venteliste',
  pending: 'Afventer bekræftelse',
  cancelled: 'Afmeldt',
};

/**
 * The caterer's list: name, places, every question's answer and the status; UTF-8 with a BOM
 * (so Excel reads æøå), `;` between cells (Danish Excel) and CRLF line ends.
 */
export function registrationsCsv(questions: GatheringQuestion[], rows: RegistrationRow[]): string {
  const header = ['Navn', 'Pladser', ...questions.map((q) => q.label), 'Status', 'Tjekket ind'];
  const lines = [csvLine(header)];
  for (const r of rows) {
    lines.push(
      csvLine([
        r.name,
        r.places,
        ...questions.map((q) => r.answers?.[q.id] ?? ''),
        STATUS_DA[r.status] ?? r.status,
        r.checked_in_at ? 'Ja' : '',
      ]),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

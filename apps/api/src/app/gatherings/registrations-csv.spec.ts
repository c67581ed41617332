import { GatheringQuestionKind } from '@blup/contracts';
import type { RegistrationRow } from './gatherings.queries';
import { csvCell } from '../common/csv';
import { registrationsCsv } from './registrations-csv';

describe(registrationsCsv.name, () => {
  const row = (name: string, answers: Record<string, string | number>): RegistrationRow =>
    ({ name, places: 2, answers, status: 'confirmed', checked_in_at: null }) as RegistrationRow;

  it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
    const csv = registrationsCsv(
      [{ id: 'kost', kind: GatheringQuestionKind.Text, label: 'Kost', required: false }],
      [row('Åse Ø', { kost: 'Vegetar; ingen nødder' })],
    );
    expect(csv).toBe(
      '\uFEFFNavn;Pladser;Kost;Status;Tjekket ind\r\nÅse Ø;2;"Vegetar; ingen nødder";Tilmeldt;\r\n',
    );
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    for (const bad of ['=1+1', '+45', '-2', '@SUM(A1)', '\tx']) {
      expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('Grethe')).toBe('Grethe');
  });
});

import { strFromU8, unzipSync } from 'fflate';
import { exportZip, rowsCsv, TableRows, visibleColumns } from './export-zip';
import type { PersonalTable } from './personal-data';

const applications: PersonalTable = {
  table: 'applications',
  owner: 'applications',
  purpose: { da: 'Ansøgninger fra landsbyer.', en: 'Applications from villages.' },
  legalBasis: 'contract',
  retention: { da: 'x', en: 'x' },
  key: ['id'],
  links: [
    {
      column: 'applicant_email',
      by: 'email',
      part: 'subject',
      rows: 'anonymise',
      own: ['applicant_name', 'ip'],
    },
    {
      column: 'contact_email',
      by: 'email',
      part: 'subject',
      rows: 'anonymise',
      own: ['contact_name'],
    },
    { column: 'decided_by_id', by: 'user', part: 'author', rows: 'anonymise' },
  ],
  columns: { upload_token_hash: { kind: 'secret', erase: 'null' } },
};
const [applicant, contact, decider] = applications.links;
const row = {
  id: 'a1',
  applicant_email: 'bent@example.dk',
  applicant_name: 'Bent',
  ip: '10.0.0.1',
  contact_email: 'anna@example.dk',
  contact_name: 'Anna',
  decided_by_id: 'u9',
  note: 'Hej; "ven"\n=1+1',
  upload_token_hash: 'abc',
  created_at: new Date('2026-01-02T03:04:05Z'),
};

describe('what an export shows of a row', () => {
  it('shows a subject row without secrets and without the other links’ people', () => {
    expect(visibleColumns(applications, contact, Object.keys(row))).toEqual([
      'id',
      'contact_email',
      'contact_name',
      'note',
      'created_at',
    ]);
  });

  it('shows an author row’s key, link and times only', () => {
    expect(visibleColumns(applications, decider, Object.keys(row))).toEqual([
      'id',
      'decided_by_id',
      'created_at',
    ]);
  });

  it('merges a row found by two links into one with both links’ columns', () => {
    const rows = new TableRows(applications);
    rows.add(contact, [row]);
    rows.add(applicant, [row]);
    const list = rows.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ contact_name: 'Anna', applicant_name: 'Bent' });
    expect(list[0]).not.toHaveProperty('decided_by_id');
    expect(list[0]['created_at']).toBe('2026-01-02T03:04:05.000Z');
  });

  it('writes CSV with a BOM, the table’s column order and guarded, quoted cells', () => {
    const csv = rowsCsv([{ note: '=SUM(A1)', id: 'a1' }], ['id', 'note']);
    expect(csv).toBe("\uFEFFid;note\r\na1;'=SUM(A1)\r\n");
    expect(rowsCsv([], ['id', 'note'])).toBe('\uFEFFid;note\r\n');
  });

  it('lays out the zip: README, person.json, data/ and csv/ per table', () => {
    const zip = unzipSync(
      exportZip({
        exportId: 'e1',
        generatedAt: new Date('2026-12-07T10:00:00Z'),
        subject: { kind: 'email', userId: null, email: 'anna@example.dk', name: null },
        tables: [{ entry: applications, rows: [{ id: 'a1' }], columns: ['id'] }],
      }),
    );
    expect(Object.keys(zip).sort()).toEqual(
      ['README.txt', 'csv/applications.csv', 'data/applications.json', 'person.json'].sort(),
    );
    expect(strFromU8(zip['README.txt'])).toContain('Ansøgninger fra landsbyer.');
    expect(JSON.parse(strFromU8(zip['person.json'])).tables).toEqual([
      expect.objectContaining({ table: 'applications', rows: 1 }),
    ]);
  });
});

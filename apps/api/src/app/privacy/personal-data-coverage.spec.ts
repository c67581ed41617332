import { kindsOf, periodInWords } from './registry.service';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOT_PERSONAL, PERSONAL_DATA } from './personal-data-registry';
import { looksPersonal, staleEntries, uncoveredColumns } from './personal-data-coverage';

describe('personal data coverage', () => {
  it('sees a person by foreign key or by name', () => {
    expect(looksPersonal({ table: 't', column: 'contact', references: 'users' })).toBe(true);
    expect(looksPersonal({ table: 't', column: 'contact_email', references: null })).toBe(true);
    expect(looksPersonal({ table: 't', column: 'decided_by_id', references: null })).toBe(true);
    expect(looksPersonal({ table: 't', column: 'phone', references: null })).toBe(true);
    expect(looksPersonal({ table: 't', column: 'title', references: null })).toBe(false);
    expect(looksPersonal({ table: 't', column: 'village_id', references: 'villages' })).toBe(false);
  });

  it('names a new personal column that is not registered, and a registered one that is gone', () => {
    const columns = [
      { table: 'users', column: 'email', references: null },
      { table: 'tickets', column: 'buyer_email', references: null },
      { table: 'tickets', column: 'sold_by', references: 'users' },
      { table: 'tickets', column: 'title', references: null },
    ];
    expect(uncoveredColumns(columns, PERSONAL_DATA, NOT_PERSONAL)).toEqual([
      'tickets.buyer_email',
      'tickets.sold_by',
    ]);
    expect(staleEntries(columns, PERSONAL_DATA, [])).toContain('users.name');
  });

  it('lists every table once, with a purpose in both languages and known erase rules', () => {
    const tables = PERSONAL_DATA.map((entry) => entry.table);
    expect(new Set(tables).size).toBe(tables.length);
    for (const entry of PERSONAL_DATA) {
      expect(entry.purpose.da.length).toBeGreaterThan(10);
      expect(entry.purpose.en.length).toBeGreaterThan(10);
      if (entry.retention.period) {
        expect(entry.retention.da).toContain('{period}');
        expect(entry.retention.en).toContain('{period}');
      }
      for (const link of entry.links) {
        for (const own of link.own ?? []) expect(Object.keys(entry.columns)).toContain(own);
      }
    }
  });
});

describe('the registry in docs/architecture.md', () => {
  it('lists every registry table with its owner and legal basis', () => {
    const doc = readFileSync(join(__dirname, '../../../../../docs/architecture.md'), 'utf8');
    const section = doc.split('### The registry')[1]?.split('\n### ')[0] ?? '';
    const documented = section
      .split('\n')
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .filter((cells) => cells.length > 4 && /^`\w+`$/.test(cells[1]))
      .map((cells) => [cells[1].slice(1, -1), cells[2], cells[3]].join(' '));
    expect(documented).toEqual(
      PERSONAL_DATA.map((e) => [e.table, e.owner, e.legalBasis.replace('_', ' ')].join(' ')),
    );
  });
});

describe('periods in words', () => {
  it('says whole years as years and the rest as days, in both languages', () => {
    expect(periodInWords(730, 'da')).toBe('2 år');
    expect(periodInWords(365, 'en')).toBe('1 year');
    expect(periodInWords(30, 'da')).toBe('30 dage');
    expect(periodInWords(1, 'en')).toBe('1 day');
    expect(periodInWords(400, 'en')).toBe('400 days');
  });
});

describe('kinds of data', () => {
  it('says what a table holds in kinds, from its columns and links', () => {
    const users = PERSONAL_DATA.find((e) => e.table === 'users');
    expect(users && kindsOf(users)).toEqual([
      'account',
      'name',
      'email',
      'secret',
      'detail',
      'authorship',
    ]);
    const helpers = PERSONAL_DATA.find((e) => e.table === 'idea_helpers');
    expect(helpers && kindsOf(helpers)).toEqual(['name', 'email', 'phone', 'device', 'detail']);
  });
});

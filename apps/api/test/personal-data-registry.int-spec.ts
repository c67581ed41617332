import { Client } from 'pg';
import {
  staleEntries,
  uncoveredColumns,
  type DatabaseColumn,
} from '../src/app/privacy/personal-data-coverage';
import { NOT_PERSONAL, PERSONAL_DATA } from '../src/app/privacy/personal-data-registry';

/**
 * The registry of personal data against the database the migrations build (Moodle's table
 * coverage test): a column that points at a person, or holds an email, a name or a phone number,
 * must be in the registry or explained in NOT_PERSONAL, and the registry names no column that is
 * gone.
 */
let columns: DatabaseColumn[];

beforeAll(async () => {
  const db = new Client({ connectionString: process.env['DATABASE_URL'] });
  await db.connect();
  try {
    const { rows } = await db.query<DatabaseColumn>(`
      SELECT c.table_name AS table, c.column_name AS column, fk.references
        FROM information_schema.columns c
        LEFT JOIN (
          SELECT kcu.table_name, kcu.column_name, ccu.table_name AS references
            FROM information_schema.table_constraints tc
            JOIN information_schema.key_column_usage kcu
              ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
            JOIN information_schema.constraint_column_usage ccu
              ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
           WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'
        ) fk ON fk.table_name = c.table_name AND fk.column_name = c.column_name
       WHERE c.table_schema = 'public'`);
    columns = rows;
  } finally {
    await db.end();
  }
});

it('registers every column that holds or points at a person', () => {
  expect(columns.length).toBeGreaterThan(300);
  expect(uncoveredColumns(columns, PERSONAL_DATA, NOT_PERSONAL)).toEqual([]);
});

it('names only tables and columns that exist', () => {
  expect(staleEntries(columns, PERSONAL_DATA, NOT_PERSONAL)).toEqual([]);
});

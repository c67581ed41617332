import { Client } from 'pg';
import { runMigrations } from '../src/app/database/migrate';
import { ADMIN_DATABASE_URL, databaseUrlFor, runId, TEST_REDIS_URL } from './test-env';

/** One fresh database per run, built by the migrations; one Redis key prefix per run. */
export default async function globalSetup(): Promise<void> {
  const id = runId();
  const database = `blup_test_${id}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  process.env['BLUP_TEST_DATABASE'] = database;
  process.env['DATABASE_URL'] = databaseUrlFor(database);
  process.env['REDIS_URL'] = TEST_REDIS_URL;
  process.env['REDIS_PREFIX'] = `blup_test_${id}`;
  await runMigrations({ databaseUrl: process.env['DATABASE_URL'] });
}

import type { DataSource } from 'typeorm';

/** The smallest statement that proves the database answers. */
export async function pingDatabase(db: DataSource): Promise<void> {
  await db.query('SELECT 1');
}

import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/** Runs pending migrations on a short-lived connection, each in its own transaction. */
export async function runMigrations(config: Pick<AppConfig, 'databaseUrl'>): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl));
  await dataSource.initialize();
  try {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    const names = done.map((m) => m.name);
    new Logger('Migrations').log(
      names.length ? `Applied ${names.join(', ')}` : 'Database is up to date.',
    );
    return names;
  } finally {
    await dataSource.destroy();
  }
}

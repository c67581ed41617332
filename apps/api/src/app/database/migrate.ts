import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { importDiskFiles } from '../files/disk-import';
import { createFileStore } from '../files/files.module';
import { dataSourceOptions } from './data-source-options';

/** What `migrate` needs: the database, and for the file import the store and STORAGE_DIR. */
export type MigrateConfig = Pick<AppConfig, 'databaseUrl'> &
  Partial<Pick<AppConfig, 'files'>> & { video?: Pick<AppConfig['video'], 'storageDir'> };

/**
 * Runs pending migrations on a short-lived connection, each in its own transaction; then, given
 * the file store and STORAGE_DIR, copies files older installations kept on disk into the store.
 */
export async function runMigrations(config: MigrateConfig): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl));
  await dataSource.initialize();
  try {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    const names = done.map((m) => m.name);
    const logger = new Logger('Migrations');
    logger.log(names.length ? `Applied ${names.join(', ')}` : 'Database is up to date.');
    if (config.files && config.video) {
      const store = createFileStore(config.files, dataSource);
      try {
        const copied = await importDiskFiles(store, dataSource.manager, config.video.storageDir);
        logger.log(
          `Copied ${copied} file(s) from ${config.video.storageDir} into the file store (${store.name}).`,
        );
      } finally {
        await store.close();
      }
    }
    return names;
  } finally {
    await dataSource.destroy();
  }
}

import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AppConfig, FilesConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { FileStore } from './file-store';
import { PostgresFileStore } from './postgres-file-store';
import { S3FileStore } from './s3-file-store';

/** The store configuration picked: S3 when FILE_STORE=s3 (with its bucket), else PostgreSQL. */
export function createFileStore(files: FilesConfig, db: DataSource): FileStore {
  if (files.store === 's3') {
    if (!files.s3) throw new Error('FILE_STORE=s3 needs S3_BUCKET.');
    return new S3FileStore(files.s3);
  }
  return new PostgresFileStore(db);
}

/**
 * The file store (issue 18), for every module: inject `FileStore`. Global, like the
 * configuration, since most domains keep a file or two.
 */
@Global()
@Module({
  providers: [
    {
      provide: FileStore,
      inject: [APP_CONFIG, DataSource],
      useFactory: (config: AppConfig, db: DataSource) => createFileStore(config.files, db),
    },
  ],
  exports: [FileStore],
})
export class FilesModule {}

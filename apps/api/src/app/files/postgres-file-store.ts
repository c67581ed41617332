import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import {
  checkFileKey,
  FileExistsError,
  FileStore,
  type PutOptions,
  type StoredFileBody,
  type StoredFileInfo,
} from './file-store';
import {
  deleteStoredFiles,
  insertStoredFile,
  storedFileData,
  storedFileInfo,
  upsertStoredFile,
} from './files.queries';

/**
 * Files as rows of `stored_files` (the default): nothing more to run, backed up with the
 * database. A file is read whole into memory; the uploads kept here are tens of megabytes at most.
 */
export class PostgresFileStore extends FileStore {
  readonly name = 'postgres';

  constructor(private readonly db: DataSource) {
    super();
  }

  async put(key: string, data: Buffer, contentType: string, options?: PutOptions): Promise<void> {
    checkFileKey(key);
    if (options?.overwrite) {
      await upsertStoredFile(this.db.manager, key, data, contentType);
    } else if (!(await insertStoredFile(this.db.manager, key, data, contentType))) {
      throw new FileExistsError(key);
    }
  }

  async get(key: string): Promise<StoredFileBody | null> {
    const row = await storedFileData(this.db.manager, checkFileKey(key));
    if (!row) return null;
    return { size: row.size, contentType: row.content_type, body: Readable.from([row.data]) };
  }

  async stat(key: string): Promise<StoredFileInfo | null> {
    const row = await storedFileInfo(this.db.manager, checkFileKey(key));
    return row ? { size: row.size, contentType: row.content_type } : null;
  }

  async delete(keys: readonly string[]): Promise<void> {
    keys.forEach(checkFileKey);
    if (keys.length) await deleteStoredFiles(this.db.manager, keys);
  }
}

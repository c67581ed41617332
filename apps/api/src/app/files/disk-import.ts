import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { EntityManager } from 'typeorm';
import { FileExistsError, type FileStore, isFileKey } from './file-store';
import { referencedFiles } from './files.queries';

/** Whether a regular file is at the path; a missing one (or folder on the way) is not. */
async function onDisk(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return false;
    throw error;
  }
}

/**
 * Installations from before the file store (issue 18) kept their files under STORAGE_DIR.
 * Copies into the store each file a row points at that the store lacks and the disk has;
 * deletes nothing from the disk. Safe to run again (and by two processes at once): a file the
 * store has is left alone. Returns how many files it copied.
 */
export async function importDiskFiles(
  store: FileStore,
  em: EntityManager,
  storageDir: string,
): Promise<number> {
  const root = resolve(storageDir);
  let copied = 0;
  for (const { key, content_type } of await referencedFiles(em)) {
    if (!isFileKey(key)) continue;
    const path = join(root, key);
    if (!(await onDisk(path)) || (await store.stat(key))) continue;
    try {
      await store.put(key, await readFile(path), content_type);
      copied += 1;
    } catch (error) {
      if (!(error instanceof FileExistsError)) throw error;
    }
  }
  return copied;
}

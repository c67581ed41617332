import { StreamableFile } from '@nestjs/common';
import type { FileStore } from './file-store';

/** How a download presents itself: its type and Content-Disposition, as the owning row says. */
export interface DownloadHeaders {
  type: string;
  disposition?: string;
}

/**
 * A stored file as a response body with its length, or null when the store has no file under
 * the key (the caller answers with its own 404).
 */
export async function storedDownload(
  files: FileStore,
  key: string,
  headers: DownloadHeaders,
): Promise<StreamableFile | null> {
  const file = await files.get(key);
  if (!file) return null;
  return new StreamableFile(file.body, { ...headers, length: file.size });
}

/** One chunk of a resumable upload, from `Content-Range: bytes start-end/total` (UpChunk). */
export interface ChunkRange {
  start: number;
  /** Inclusive. */
  end: number;
  total: number;
}

/** The chunk a Content-Range header names, or null when it is missing or makes no sense. */
export function parseContentRange(header: string | undefined): ChunkRange | null {
  const match = /^bytes (\d{1,15})-(\d{1,15})\/(\d{1,15})$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const [start, end, total] = match.slice(1).map(Number);
  if (start > end || end >= total) return null;
  return { start, end, total };
}

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

/** A satisfiable byte range of a file (both ends inclusive). */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * The range a `Range` request header asks for in a file of `size` bytes: null for the whole
 * file (no header), 'unsatisfiable' for a range outside the file or one we do not serve
 * (several ranges, other units), as a 416 answers it.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | null | 'unsatisfiable' {
  if (header === undefined || header.trim() === '') return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return 'unsatisfiable';
  if (match[1] === '') {
    // The last n bytes.
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

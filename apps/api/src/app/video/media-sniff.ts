import type { FileHandle } from 'node:fs/promises';

/** The video containers an upload may be, recognised by their first bytes. */
export type VideoContainer = 'mp4' | 'quicktime' | 'webm';

export const CONTAINER_MIME: Record<VideoContainer, string> = {
  mp4: 'video/mp4',
  quicktime: 'video/quicktime',
  webm: 'video/webm',
};

export const CONTAINER_EXTENSION: Record<VideoContainer, string> = {
  mp4: 'mp4',
  quicktime: 'mov',
  webm: 'webm',
};

/** How many leading bytes `sniffVideo` needs. */
export const SNIFF_BYTES = 12;

/** QuickTime files from old tools may start with one of these atoms instead of `ftyp`. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * The container a file's first bytes announce, or null when they are not a video we accept:
 * ISO-BMFF (`ftyp` box: MP4, or QuickTime with the `qt  ` brand), older QuickTime atoms, and
 * EBML (WebM and Matroska).
 */
export function sniffVideo(head: Buffer): VideoContainer | null {
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return 'webm';
  if (head.length < 8) return null;
  const type = head.toString('latin1', 4, 8);
  if (type === 'ftyp') {
    return head.length >= 12 && head.toString('latin1', 8, 12) === 'qt  ' ? 'quicktime' : 'mp4';
  }
  return QUICKTIME_ATOMS.has(type) ? 'quicktime' : null;
}

/**
 * The duration an MP4 or QuickTime file states in its movie header (`moov` → `mvhd`), in
 * seconds; null when it has none we can read. Reads box headers only, wherever `moov` is.
 */
export async function probeMp4Duration(file: FileHandle, size: number): Promise<number | null> {
  const moov = await findBox(file, 0, size, 'moov');
  if (!moov) return null;
  const mvhd = await findBox(file, moov.bodyStart, moov.end, 'mvhd');
  if (!mvhd) return null;
  const body = Buffer.alloc(Math.min(32, mvhd.end - mvhd.bodyStart));
  await file.read(body, 0, body.length, mvhd.bodyStart);
  const version = body[0];
  let timescale: number;
  let duration: number;
  if (version === 1 && body.length >= 32) {
    timescale = body.readUInt32BE(20);
    duration = Number(body.readBigUInt64BE(24));
  } else if (version === 0 && body.length >= 20) {
    timescale = body.readUInt32BE(12);
    duration = body.readUInt32BE(16);
  } else {
    return null;
  }
  if (!timescale || !duration || duration === 0xffffffff) return null;
  return Math.round((duration / timescale) * 1000) / 1000;
}

interface Box {
  bodyStart: number;
  end: number;
}

async function findBox(
  file: FileHandle,
  from: number,
  to: number,
  type: string,
): Promise<Box | null> {
  const header = Buffer.alloc(16);
  let offset = from;
  while (offset + 8 <= to) {
    const { bytesRead } = await file.read(header, 0, 16, offset);
    if (bytesRead < 8) return null;
    let size = header.readUInt32BE(0);
    let headerSize = 8;
    if (size === 1) {
      if (bytesRead < 16) return null;
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = to - offset;
    }
    if (size < headerSize) return null;
    if (header.toString('latin1', 4, 8) === type) {
      return { bodyStart: offset + headerSize, end: Math.min(offset + size, to) };
    }
    offset += size;
  }
  return null;
}

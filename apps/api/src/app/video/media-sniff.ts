import type { FileHandle } from 'node:fs/promises';
import { FILE_KIND_HEAD_BYTES, fileKindAmong } from '../common/file-kind';

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
export const SNIFF_BYTES = FILE_KIND_HEAD_BYTES;

/** `file-type`'s kinds of the containers we accept: the ISO-BMFF video brands are MP4. */
const CONTAINER_OF_KIND: Record<string, VideoContainer> = {
  mp4: 'mp4',
  m4v: 'mp4',
  m4p: 'mp4',
  f4v: 'mp4',
  f4p: 'mp4',
  '3gp': 'mp4',
  '3g2': 'mp4',
  mov: 'quicktime',
  webm: 'webm',
  mkv: 'webm',
};

/**
 * The container a file's first bytes announce (read by `file-type`), or null when they are not
 * a video we accept: MP4 (`ftyp` box), QuickTime, and EBML (WebM and Matroska).
 */
export async function sniffVideo(head: Buffer): Promise<VideoContainer | null> {
  const kind = await fileKindAmong(head, Object.keys(CONTAINER_OF_KIND));
  return kind ? CONTAINER_OF_KIND[kind.ext] : null;
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

import { extname } from 'node:path';

export interface ResourceType {
  extension: '.pdf' | '.docx' | '.xlsx';
  mimeType: string;
}

const TYPES: Record<string, ResourceType> = {
  '.pdf': { extension: '.pdf', mimeType: 'application/pdf' },
  '.docx': {
    extension: '.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  '.xlsx': {
    extension: '.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
};

const PDF_MAGIC = Buffer.from('%PDF-');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * The resource type of an upload when its extension AND its first bytes agree: a PDF starts
 * with `%PDF-`; DOCX and XLSX are ZIP files holding a `word/` or `xl/` part. Null otherwise.
 */
export function detectResourceType(fileName: string, content: Buffer): ResourceType | null {
  const type = TYPES[extname(fileName).toLowerCase()];
  if (!type) return null;
  switch (type.extension) {
    case '.pdf':
      return content.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC) ? type : null;
    case '.docx':
      return isZip(content) && content.includes('word/') ? type : null;
    case '.xlsx':
      return isZip(content) && content.includes('xl/') ? type : null;
  }
}

function isZip(content: Buffer): boolean {
  return content.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC);
}

/**
 * The client's file name, fit to show and to put in Content-Disposition (never a path): the last
 * path segment, without control characters, at most 200 characters.
 */
export function displayFileName(original: string, fallback: string): string {
  const base = original.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  const chars = [...clean];
  return (chars.length > 200 ? chars.slice(chars.length - 200).join('') : clean) || fallback;
}

/** `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/[\\"]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

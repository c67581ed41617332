import { extname } from 'node:path';

export interface AgreementType {
  extension: string;
  mimeType: string;
}

const PDF = Buffer.from('%PDF-');
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPG = Buffer.from([0xff, 0xd8, 0xff]);

const startsWith = (content: Buffer, magic: Buffer): boolean =>
  content.subarray(0, magic.length).equals(magic);

const TYPES: Record<string, { mimeType: string; matches: (content: Buffer) => boolean }> = {
  '.pdf': { mimeType: 'application/pdf', matches: (c) => startsWith(c, PDF) },
  '.doc': { mimeType: 'application/msword', matches: (c) => startsWith(c, OLE) },
  '.docx': {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    matches: (c) => startsWith(c, ZIP) && c.includes('word/'),
  },
  '.png': { mimeType: 'image/png', matches: (c) => startsWith(c, PNG) },
  '.jpg': { mimeType: 'image/jpeg', matches: (c) => startsWith(c, JPG) },
  '.jpeg': { mimeType: 'image/jpeg', matches: (c) => startsWith(c, JPG) },
};

/**
 * The type of an uploaded agreement when its extension AND its first bytes agree (PDF, Word,
 * PNG or JPEG); null otherwise, so a renamed executable is refused.
 */
export function detectAgreementType(fileName: string, content: Buffer): AgreementType | null {
  const extension = extname(fileName).toLowerCase();
  const type = TYPES[extension];
  return type && type.matches(content) ? { extension, mimeType: type.mimeType } : null;
}

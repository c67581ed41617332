import { extname } from 'node:path';
import { fileKindAmong } from '../common/file-kind';

export interface AgreementType {
  extension: string;
  mimeType: string;
}

/** Each extension, its MIME type, and the kinds (`file-type`'s) its bytes may be. */
const TYPES: Record<string, { mimeType: string; kinds: string[] }> = {
  '.pdf': { mimeType: 'application/pdf', kinds: ['pdf', 'ai'] },
  // A Word 97-2003 document is a Compound File.
  '.doc': { mimeType: 'application/msword', kinds: ['cfb'] },
  '.docx': {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kinds: ['docx'],
  },
  '.png': { mimeType: 'image/png', kinds: ['png', 'apng'] },
  '.jpg': { mimeType: 'image/jpeg', kinds: ['jpg'] },
  '.jpeg': { mimeType: 'image/jpeg', kinds: ['jpg'] },
};

/**
 * The type of an uploaded agreement when its extension AND its bytes agree (PDF, Word, PNG or
 * JPEG); null otherwise, so a renamed executable is refused.
 */
export async function detectAgreementType(
  fileName: string,
  content: Buffer,
): Promise<AgreementType | null> {
  const extension = extname(fileName).toLowerCase();
  const type = TYPES[extension];
  if (!type || !(await fileKindAmong(content, type.kinds))) return null;
  return { extension, mimeType: type.mimeType };
}

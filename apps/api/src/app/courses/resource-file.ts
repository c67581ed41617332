import { extname } from 'node:path';
import { fileKindAmong } from '../common/file-kind';

export interface ResourceType {
  extension: '.pdf' | '.docx' | '.xlsx';
  mimeType: string;
}

/** Each extension, and the kinds (`file-type`'s) its bytes may be: an Illustrator file is a PDF. */
const TYPES: Record<string, ResourceType & { kinds: string[] }> = {
  '.pdf': { extension: '.pdf', mimeType: 'application/pdf', kinds: ['pdf', 'ai'] },
  '.docx': {
    extension: '.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kinds: ['docx'],
  },
  '.xlsx': {
    extension: '.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    kinds: ['xlsx'],
  },
};

/**
 * The resource type of an upload when its extension AND its bytes agree (a PDF; a DOCX or XLSX,
 * a ZIP holding a Word or Excel document). Null otherwise.
 */
export async function detectResourceType(
  fileName: string,
  content: Buffer,
): Promise<ResourceType | null> {
  const type = TYPES[extname(fileName).toLowerCase()];
  if (!type || !(await fileKindAmong(content, type.kinds))) return null;
  return { extension: type.extension, mimeType: type.mimeType };
}

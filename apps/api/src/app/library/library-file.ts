import { LIBRARY_FILE_TYPES, type LibraryFileExtension } from '@blup/contracts';
import { unzipSync } from 'fflate';
import { extname } from 'node:path';

/** A file the library takes: its extension and media type, agreed by name and content. */
export interface LibraryFileType {
  extension: LibraryFileExtension;
  mediaType: string;
}

/** The main part of each Office Open XML kind, and the content type `[Content_Types].xml` gives it. */
const OOXML_MAIN: Record<Exclude<LibraryFileExtension, '.pdf'>, { part: string; type: string }> = {
  '.docx': {
    part: 'word/document.xml',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  '.xlsx': {
    part: 'xl/workbook.xml',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
  '.pptx': {
    part: 'ppt/presentation.xml',
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  },
};

/** `[Content_Types].xml` is a few kB; anything far larger is not one (or a zip bomb). */
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;
/** …and deflates to 1–3 kB; this caps what inflating it can cost, whatever its header claims. */
const MAX_CONTENT_TYPES_COMPRESSED = 64 * 1024;

/** Whether an entry is a plausible `[Content_Types].xml`: small, and no larger packed than its
 *  header says it is unpacked (a bomb understates that size, and would be inflated to the end). */
function isContentTypesEntry(file: { name: string; size: number; originalSize: number }): boolean {
  return (
    file.name === '[Content_Types].xml' &&
    file.originalSize <= MAX_CONTENT_TYPES_BYTES &&
    file.size <= MAX_CONTENT_TYPES_COMPRESSED &&
    file.size <= file.originalSize + 1024
  );
}

/**
 * The library type of an upload when its name AND its bytes agree, else null: a PDF starts with
 * `%PDF-`; a .docx/.xlsx/.pptx is a ZIP whose `[Content_Types].xml` names that kind's main part,
 * and which holds that part. A renamed program, a ZIP of something else or text named .pdf is null.
 */
export function detectLibraryFile(fileName: string, content: Uint8Array): LibraryFileType | null {
  const extension = extname(fileName).toLowerCase();
  if (!(extension in LIBRARY_FILE_TYPES)) return null;
  const ext = extension as LibraryFileExtension;
  const type = { extension: ext, mediaType: LIBRARY_FILE_TYPES[ext] };
  if (ext === '.pdf') return startsWith(content, '%PDF-') ? type : null;
  return isOoxml(content, OOXML_MAIN[ext]) ? type : null;
}

function startsWith(content: Uint8Array, text: string): boolean {
  const head = Buffer.from(text, 'latin1');
  return (
    content.length >= head.length && Buffer.from(content.subarray(0, head.length)).equals(head)
  );
}

function isOoxml(content: Uint8Array, main: { part: string; type: string }): boolean {
  if (!startsWith(content, 'PK\x03\x04')) return false;
  const names = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    // Only [Content_Types].xml is inflated; the others are just listed.
    files = unzipSync(content, {
      filter: (file) => {
        names.add(file.name);
        return isContentTypesEntry(file);
      },
    });
  } catch {
    return false;
  }
  const types = files['[Content_Types].xml'];
  if (!types) return false;
  // The part [Content_Types].xml declares as this kind's main document must be in the zip
  // (usually word/document.xml, xl/workbook.xml or ppt/presentation.xml).
  const xml = Buffer.from(types).toString('utf8');
  for (const override of xml.matchAll(/<Override\b[^>]*>/g)) {
    const partName = /PartName\s*=\s*["']\/?([^"']+)["']/.exec(override[0])?.[1];
    const contentType = /ContentType\s*=\s*["']([^"']+)["']/.exec(override[0])?.[1];
    if (partName && contentType === main.type && names.has(partName)) return true;
  }
  return false;
}

import { libraryDownloadUrl, type LibraryDocumentDto } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

export type LibraryFileType = 'pdf' | 'docx' | 'xlsx' | 'pptx';

/** The file's type by its name's ending (the API has checked its content). */
export function fileTypeOf(fileName: string): LibraryFileType {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'docx' || ext === 'xlsx' || ext === 'pptx' ? ext : 'pdf';
}

export const fileTypeKey = (fileName: string): TranslationKey =>
  `library.fileTypes.${fileTypeOf(fileName)}`;

export const phaseKey = (phase: string): TranslationKey =>
  `courses.phases.${phase}` as TranslationKey;

export const kindKey = (kind: string): TranslationKey => `library.kinds.${kind}` as TranslationKey;

/** The address that downloads the document's newest version. */
export const downloadUrl = (doc: LibraryDocumentDto): string =>
  libraryDownloadUrl(doc.id, doc.currentVersionId);

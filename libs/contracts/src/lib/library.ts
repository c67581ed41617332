import type { Page, PageQuery } from './common';
import type { Phase } from './roles';

/**
 * The phase library (issue 16, point 3): templates and work manuals for each phase of a BLUP
 * process (Optakt and the four modules). Every upload of a document is a new version; the old
 * versions stay downloadable. A document can be linked from a circle session, a course lesson or
 * a newsletter, which then shows it. Everyone signed in reads; the secretariat writes and links.
 */

/** A fill-in template, or a manual to read. */
export enum LibraryDocumentKind {
  Template = 'template',
  Manual = 'manual',
}

export const LIBRARY_DOCUMENT_KINDS = /* @__PURE__ */ Object.values(
  LibraryDocumentKind,
) as readonly LibraryDocumentKind[];

/** What a document may be linked from. */
export enum LibraryLinkTarget {
  Session = 'session',
  Lesson = 'lesson',
  Newsletter = 'newsletter',
}

export const LIBRARY_LINK_TARGETS = /* @__PURE__ */ Object.values(
  LibraryLinkTarget,
) as readonly LibraryLinkTarget[];

/** The file types the library takes, by extension; each is checked by its content too. */
export const LIBRARY_FILE_TYPES = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;

export type LibraryFileExtension = keyof typeof LIBRARY_FILE_TYPES;

export const LIBRARY_LIMITS = {
  titleMaxLength: 200,
  descriptionMaxLength: 4000,
  versionNoteMaxLength: 500,
} as const;

/** One uploaded file of a document. */
export interface LibraryVersionDto {
  id: string;
  /** 1 for the first upload, then 2, 3, … */
  number: number;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** What changed, in words (may be empty). */
  note: string;
  uploadedByName: string | null;
  /** ISO instant. */
  createdAt: string;
}

/** A document as the list shows it: its newest version's file. */
export interface LibraryDocumentDto {
  id: string;
  phase: Phase;
  kind: LibraryDocumentKind;
  title: string;
  description: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** The newest version's number. */
  currentVersion: number;
  /** The newest version's id (the download address). */
  currentVersionId: string;
  /** ISO instant: the newest upload or edit. */
  updatedAt: string;
}

/** A document with all its versions, newest first, and where it is linked from. */
export interface LibraryDocumentDetailDto extends LibraryDocumentDto {
  versions: LibraryVersionDto[];
  links: LibraryLinkDto[];
}

/** A link from a session, lesson or newsletter to a document. */
export interface LibraryLinkDto {
  documentId: string;
  target: LibraryLinkTarget;
  targetId: string;
  /** ISO instant. */
  createdAt: string;
}

/** `GET /api/library/documents?q=&phase=&page=&pageSize=`: `q` searches in Danish. */
export interface LibrarySearchQuery extends PageQuery {
  phase?: Phase;
}

export type LibraryDocumentPage = Page<LibraryDocumentDto>;

/**
 * `POST /api/library/documents` (multipart): the file in `file` and this as JSON in `document`.
 */
export interface CreateLibraryDocumentInput {
  phase: Phase;
  kind: LibraryDocumentKind;
  title: string;
  description?: string;
}

/** `POST /api/library/documents/:id/versions` (multipart): the file in `file`, an optional `note`. */
export interface LibraryVersionInput {
  note?: string;
}

/** `PATCH /api/library/documents/:id`. */
export interface UpdateLibraryDocumentInput {
  title?: string;
  description?: string;
  phase?: Phase;
  kind?: LibraryDocumentKind;
}

/** `PUT /api/library/documents/:id/links/:target/:targetId` adds; `DELETE` removes. */
export interface LibraryLinkInput {
  target: LibraryLinkTarget;
  targetId: string;
}

/** The download address of a version. */
export function libraryDownloadUrl(documentId: string, versionId: string): string {
  return `/api/library/documents/${documentId}/versions/${versionId}/file`;
}

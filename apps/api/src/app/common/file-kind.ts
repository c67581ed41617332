import { fileTypeFromBuffer } from 'file-type';

/** What a file's bytes say it is: file-type's extension and MIME type. */
export interface FileKind {
  ext: string;
  mime: string;
}

/** Enough leading bytes for `fileKind` to know every kind we accept (file-type's sample size). */
export const FILE_KIND_HEAD_BYTES = 4100;

/**
 * The kind of file the bytes are, as `file-type` reads them (signatures, the parts list of a
 * ZIP for DOCX and XLSX, the brand of an MP4), or null when it does not know them.
 */
export async function fileKind(content: Uint8Array): Promise<FileKind | null> {
  return (await fileTypeFromBuffer(content)) ?? null;
}

/** The kind of the bytes when it is one of `exts`, else null: a renamed file is refused. */
export async function fileKindAmong(
  content: Uint8Array,
  exts: readonly string[],
): Promise<FileKind | null> {
  const kind = await fileKind(content);
  return kind && exts.includes(kind.ext) ? kind : null;
}

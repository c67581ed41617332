import { HttpStatus, Injectable, StreamableFile } from '@nestjs/common';
import {
  ErrorCode,
  type LibraryDocumentDetailDto,
  type LibraryDocumentDto,
  type LibraryDocumentKind,
  type LibraryLinkDto,
  type LibraryLinkTarget,
  type Page,
  type Phase,
} from '@blup/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { canWriteLibrary } from '../access/library-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { attachmentHeader, displayFileName } from '../common/file-download';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import type { MemoryUpload } from '../common/upload-interceptor';
import { LibraryDocument, LibraryDocumentVersion, LibraryLink } from '../database/entities';
import { FileStore } from '../files/file-store';
import { storedDownload } from '../files/stored-download';
import { detectLibraryFile } from './library-file';
import {
  insertLibraryLink,
  libraryDocumentById,
  libraryDocumentsLinkedTo,
  libraryLinkTargetReadable,
  libraryLinkTargetExists,
  libraryVersionsOf,
  nextLibraryVersion,
  searchLibrary,
  type LibraryDocumentRow,
} from './library.queries';

const LIBRARY_DIR = 'library';
const HIDDEN = 'No such document.';

/** What a new document says about itself. */
export interface NewLibraryDocument {
  phase: Phase;
  kind: LibraryDocumentKind;
  title: string;
  description?: string;
}

/** What may be changed on a document without a new file. */
export interface LibraryDocumentChanges {
  phase?: Phase;
  kind?: LibraryDocumentKind;
  title?: string;
  description?: string;
}

/**
 * The phase library: documents with every uploaded file kept as a version (in the file store,
 * under library/, as lesson resources and agreements are kept), Danish search, downloads
 * and links from sessions, lessons and newsletters. Everyone signed in reads; the secretariat writes.
 */
@Injectable()
export class LibraryService {
  constructor(
    private readonly db: DataSource,
    private readonly files: FileStore,
  ) {}

  async search(query: PageQueryDto & { phase?: Phase }): Promise<Page<LibraryDocumentDto>> {
    const q = query.q?.trim() || null;
    const { rows, total } = await searchLibrary(
      this.db.manager,
      { q, phase: query.phase ?? null },
      pageWindow(query),
    );
    return toPage(rows.map(toDocumentDto), total, query);
  }

  async get(id: string): Promise<LibraryDocumentDetailDto> {
    const row = await libraryDocumentById(this.db.manager, id);
    if (!row) throw notFound(HIDDEN);
    const [versions, links] = await Promise.all([
      libraryVersionsOf(this.db.manager, id),
      this.db
        .getRepository(LibraryLink)
        .find({ where: { documentId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return {
      ...toDocumentDto(row),
      versions: versions.map((v) => ({
        id: v.id,
        number: v.number,
        fileName: v.file_name,
        mediaType: v.media_type,
        sizeBytes: v.size_bytes,
        note: v.note,
        uploadedByName: v.uploaded_by_name,
        createdAt: v.created_at.toISOString(),
      })),
      links: links.map(toLinkDto),
    };
  }

  /** A new document with its first version. */
  async create(
    actor: AuthUser,
    input: NewLibraryDocument,
    file: MemoryUpload | undefined,
  ): Promise<LibraryDocumentDetailDto> {
    this.assertWriter(actor);
    const checked = this.checkFile(file);
    const stored = await this.store(checked);
    try {
      const id = await this.db.transaction(async (tx) => {
        const doc = await tx.getRepository(LibraryDocument).save(
          tx.getRepository(LibraryDocument).create({
            phase: input.phase,
            kind: input.kind,
            title: input.title.trim(),
            description: input.description?.trim() ?? '',
            currentVersion: 1,
            createdBy: actor.id,
          }),
        );
        await this.insertVersion(tx, doc.id, 1, stored, '', actor.id);
        return doc.id;
      });
      return this.get(id);
    } catch (error) {
      await this.remove(stored.key);
      throw error;
    }
  }

  /** A new file for a document; the older ones stay. */
  async addVersion(
    actor: AuthUser,
    id: string,
    note: string | undefined,
    file: MemoryUpload | undefined,
  ): Promise<LibraryDocumentDetailDto> {
    await this.findWritable(actor, id);
    const checked = this.checkFile(file);
    const stored = await this.store(checked);
    try {
      await this.db.transaction(async (tx) => {
        const number = await nextLibraryVersion(tx, id);
        if (number === null) throw notFound(HIDDEN);
        await this.insertVersion(tx, id, number, stored, note?.trim() ?? '', actor.id);
        await tx
          .getRepository(LibraryDocument)
          .update(id, { currentVersion: number, updatedAt: new Date() });
      });
    } catch (error) {
      await this.remove(stored.key);
      throw error;
    }
    return this.get(id);
  }

  async update(
    actor: AuthUser,
    id: string,
    changes: LibraryDocumentChanges,
  ): Promise<LibraryDocumentDetailDto> {
    await this.findWritable(actor, id);
    const set: Partial<LibraryDocument> = { updatedAt: new Date() };
    if (changes.phase !== undefined) set.phase = changes.phase;
    if (changes.kind !== undefined) set.kind = changes.kind;
    if (changes.title !== undefined) set.title = changes.title.trim();
    if (changes.description !== undefined) set.description = changes.description.trim();
    await this.db.getRepository(LibraryDocument).update(id, set);
    return this.get(id);
  }

  /** Deletes a document with all its versions' files and its links. */
  async delete(actor: AuthUser, id: string): Promise<void> {
    await this.findWritable(actor, id);
    const versions = await this.db
      .getRepository(LibraryDocumentVersion)
      .find({ where: { documentId: id }, select: { id: true, fileKey: true } });
    await this.db.getRepository(LibraryDocument).delete(id);
    await this.remove(...versions.map((v) => v.fileKey));
  }

  /** One version's file, as an attachment with its name. */
  async download(documentId: string, versionId: string): Promise<StreamableFile> {
    const version = await this.db
      .getRepository(LibraryDocumentVersion)
      .findOneBy({ id: versionId, documentId });
    if (!version) throw notFound('No such document or version.');
    const file = await storedDownload(this.files, version.fileKey, {
      type: version.mediaType,
      disposition: attachmentHeader(version.fileName),
    });
    if (!file) throw notFound('The file of this version is missing.');
    return file;
  }

  async link(
    actor: AuthUser,
    id: string,
    target: LibraryLinkTarget,
    targetId: string,
  ): Promise<LibraryLinkDto> {
    await this.findWritable(actor, id);
    if (!(await libraryLinkTargetExists(this.db.manager, target, targetId))) {
      throw fieldError(ErrorCode.UnknownReference, 'targetId', `No such ${target}.`);
    }
    const repo = this.db.getRepository(LibraryLink);
    await insertLibraryLink(this.db.manager, {
      documentId: id,
      target,
      targetId,
      createdBy: actor.id,
    });
    const link = await repo.findOneByOrFail({ documentId: id, target, targetId });
    return toLinkDto(link);
  }

  async unlink(
    actor: AuthUser,
    id: string,
    target: LibraryLinkTarget,
    targetId: string,
  ): Promise<void> {
    await this.findWritable(actor, id);
    await this.db.getRepository(LibraryLink).delete({ documentId: id, target, targetId });
  }

  /** 404 when there is no such session, lesson or newsletter, or the actor may not read it. */
  async linkedTo(
    actor: AuthUser,
    target: LibraryLinkTarget,
    targetId: string,
    query: PageQueryDto,
  ): Promise<Page<LibraryDocumentDto>> {
    if (!(await libraryLinkTargetReadable(this.db.manager, actor, target, targetId))) {
      throw notFound(`No such ${target}.`);
    }
    const { rows, total } = await libraryDocumentsLinkedTo(
      this.db.manager,
      target,
      targetId,
      pageWindow(query),
    );
    return toPage(rows.map(toDocumentDto), total, query);
  }

  private assertWriter(actor: AuthUser): void {
    if (!canWriteLibrary(actor)) {
      throw secretariatOnly('Only the secretariat changes the library.');
    }
  }

  /** 404 when there is no such document (everyone may see them all), 403 when not a writer. */
  private async findWritable(actor: AuthUser, id: string): Promise<void> {
    const exists = await this.db.getRepository(LibraryDocument).existsBy({ id });
    if (!exists) throw notFound(HIDDEN);
    this.assertWriter(actor);
  }

  private checkFile(file: MemoryUpload | undefined): CheckedFile {
    if (!file) {
      throw fieldError(ErrorCode.BadRequest, 'file', 'Send one file in the form field "file".');
    }
    const type = detectLibraryFile(file.originalname, file.buffer);
    if (!type) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.LibraryFileInvalid,
        'The file must be a .docx, .pdf, .pptx or .xlsx file, and its content must be that kind of file.',
        { details: { file: ['Not a .docx, .pdf, .pptx or .xlsx file by its content.'] } },
      );
    }
    return {
      buffer: file.buffer,
      size: file.size,
      extension: type.extension,
      mediaType: type.mediaType,
      fileName: displayFileName(file.originalname, `dokument${type.extension}`),
    };
  }

  private async store(file: CheckedFile): Promise<StoredFile> {
    const key = `${LIBRARY_DIR}/${randomUUID()}${file.extension}`;
    await this.files.put(key, file.buffer, file.mediaType);
    return { key, fileName: file.fileName, mediaType: file.mediaType, size: file.size };
  }

  private async insertVersion(
    tx: EntityManager,
    documentId: string,
    number: number,
    stored: StoredFile,
    note: string,
    uploadedBy: string,
  ): Promise<void> {
    await tx.getRepository(LibraryDocumentVersion).insert({
      documentId,
      number,
      fileKey: stored.key,
      fileName: stored.fileName,
      mediaType: stored.mediaType,
      sizeBytes: stored.size,
      note,
      uploadedBy,
    });
  }

  /** Tidying after the rows are gone (or were never saved): a failure is only logged. */
  private async remove(...keys: string[]): Promise<void> {
    await this.files.tidy(keys, 'library files');
  }
}

interface CheckedFile {
  buffer: Buffer;
  size: number;
  extension: string;
  mediaType: string;
  fileName: string;
}

interface StoredFile {
  key: string;
  fileName: string;
  mediaType: string;
  size: number;
}

function toDocumentDto(row: LibraryDocumentRow): LibraryDocumentDto {
  return {
    id: row.id,
    phase: row.phase,
    kind: row.kind as LibraryDocumentKind,
    title: row.title,
    description: row.description,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: row.size_bytes,
    currentVersion: row.current_version,
    currentVersionId: row.version_id,
    updatedAt: row.updated_at.toISOString(),
  };
}

function toLinkDto(link: LibraryLink): LibraryLinkDto {
  return {
    documentId: link.documentId,
    target: link.target,
    targetId: link.targetId,
    createdAt: link.createdAt.toISOString(),
  };
}

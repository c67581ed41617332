import type { LibraryDocumentKind, LibraryLinkTarget, Phase } from '@blup/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A template or manual of the phase library (issue 16, point 3); its files are its versions. */
@Entity('library_documents')
export class LibraryDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  phase: Phase;

  @Column({ type: 'varchar', length: 10 })
  kind: LibraryDocumentKind;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** The newest version's number (1, 2, …). */
  @Column({ name: 'current_version', type: 'integer', default: 0 })
  currentVersion: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** One uploaded file of a document; none is replaced or removed while the document lives. */
@Entity('library_document_versions')
export class LibraryDocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'integer' })
  number: number;

  /** The file's key in the file store. */
  @Column({ name: 'file_key', type: 'varchar', length: 200 })
  fileKey: string;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'media_type', type: 'varchar', length: 100 })
  mediaType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'varchar', length: 500, default: '' })
  note: string;

  @Column({ name: 'uploaded_by', type: 'uuid', nullable: true })
  uploadedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A document linked from a circle session, a course lesson or a newsletter. */
@Entity('library_links')
export class LibraryLink {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @PrimaryColumn({ type: 'varchar', length: 12 })
  target: LibraryLinkTarget;

  @PrimaryColumn({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const LIBRARY_ENTITIES = [LibraryDocument, LibraryDocumentVersion, LibraryLink];

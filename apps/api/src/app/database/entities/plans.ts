import type { DocumentKind } from '@blup/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A village's living document of one kind (and year, for the yearly kinds): its draft. */
@Entity('village_documents')
export class VillageDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Column({ type: 'varchar', length: 20 })
  kind: DocumentKind;

  /** 0 for the kinds that are not yearly. */
  @Column({ type: 'smallint', default: 0 })
  year: number;

  @Column({ type: 'jsonb' })
  draft: object;

  /** 0 until the first save. */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ name: 'published_version', type: 'integer', nullable: true })
  publishedVersion: number | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** An immutable published snapshot of a document. */
@Entity('village_document_versions')
export class VillageDocumentVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'jsonb' })
  content: object;

  @Column({ name: 'published_by', type: 'uuid', nullable: true })
  publishedBy: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' })
  publishedAt: Date;
}

/** One saved change (or publish, or take-down) in a document's history. */
@Entity('village_document_changes')
export class VillageDocumentChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 500 })
  summary: string;

  @Column({ name: 'changed_by', type: 'uuid', nullable: true })
  changedBy: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' })
  changedAt: Date;
}

/** An image of a document (the story's), as re-encoded on upload. */
@Entity('village_document_images')
export class VillageDocumentImage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId: string;

  @Column({ type: 'varchar', length: 20 })
  mime: string;

  @Column({ type: 'integer' })
  width: number;

  @Column({ type: 'integer' })
  height: number;

  @Column({ type: 'integer' })
  bytes: number;

  @Column({ type: 'bytea' })
  data: Buffer;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A village's public address, `/landsby/<slug>`, kept when the village is renamed. */
@Entity('village_public_pages')
export class VillagePublicPage {
  @PrimaryColumn({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @Column({ type: 'varchar', length: 80 })
  slug: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const PLAN_ENTITIES = [
  VillageDocument,
  VillageDocumentVersion,
  VillageDocumentChange,
  VillageDocumentImage,
  VillagePublicPage,
];

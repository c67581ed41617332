import type { ErasureState, PrivacyExportStatus, PrivacySubjectKind } from '@blup/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An export of everything held about one person (issue 17): a zip built by the worker. */
@Entity('privacy_exports')
export class PrivacyExport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 8 })
  subjectKind: PrivacySubjectKind;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  /** For an email subject (somebody without an account); lower-case. */
  @Column({ name: 'subject_email', type: 'varchar', length: 254, nullable: true })
  subjectEmail: string | null;

  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ type: 'varchar', length: 10, default: 'queued' })
  status: PrivacyExportStatus;

  @Column({ type: 'smallint', default: 0 })
  progress: number;

  /** The zip's key in the file store, while ready. */
  @Column({ name: 'file_key', type: 'varchar', length: 200, nullable: true })
  fileKey: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes: string | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt: Date | null;
}

/**
 * A request to erase a person (issue 17). The subject's email and name are kept only while the
 * request is open (the steps need them) and are cleared when it is done or cancelled.
 */
@Entity('erasure_requests')
export class ErasureRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'subject_kind', type: 'varchar', length: 8 })
  subjectKind: PrivacySubjectKind;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'subject_email', type: 'varchar', length: 254, nullable: true })
  subjectEmail: string | null;

  @Column({ name: 'subject_name', type: 'varchar', length: 120, nullable: true })
  subjectName: string | null;

  @Column({ type: 'varchar', length: 12, default: 'cooling_off' })
  state: ErasureState;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'requested_by_id', type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'erase_after', type: 'timestamptz' })
  eraseAfter: Date;

  @Column({ name: 'approved_by_id', type: 'uuid', nullable: true })
  approvedById: string | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  /** The names of the steps done, in order; a re-run skips them. */
  @Column({ name: 'steps_done', type: 'text', array: true, default: () => "'{}'" })
  stepsDone: string[];

  @Column({ name: 'steps_total', type: 'integer', default: 0 })
  stepsTotal: number;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** One line of the erasure audit log: an event of a request, never the erased data. */
@Entity('erasure_audit')
export class ErasureAuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'varchar', length: 60 })
  event: string;

  @Column({ type: 'integer', nullable: true })
  rows: number | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'text', nullable: true })
  error: string | null;
}

export const PRIVACY_ENTITIES = [PrivacyExport, ErasureRequest, ErasureAuditEntry];

import type { NewsletterBlock, NewsletterSendMode, NewsletterStatus } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * One newsletter: written once (for a cohort-wide planned session, one circle session, or
 * standalone for a cohort, a village or a course), sent to many. Exactly one target column is
 * set (a CHECK in the migration).
 */
@Entity('newsletters')
export class Newsletter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ name: 'cohort_id', type: 'uuid', nullable: true })
  cohortId: string | null;

  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  preheader: string;

  /** Sanitised on save (text blocks) and again on render. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  blocks: NewsletterBlock[];

  @Column({ name: 'include_panel', type: 'boolean', default: false })
  includePanel: boolean;

  @Column({ name: 'send_mode', type: 'varchar', length: 16, nullable: true })
  sendMode: NewsletterSendMode | null;

  @Column({ name: 'days_before', type: 'integer', nullable: true })
  daysBefore: number | null;

  @Column({ name: 'send_at', type: 'timestamptz', nullable: true })
  sendAt: Date | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: NewsletterStatus;

  /** The unguessable part of the public web version's address. */
  @Column({ name: 'web_token', type: 'varchar', length: 64 })
  webToken: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ name: 'updated_by_id', type: 'uuid', nullable: true })
  updatedById: string | null;

  @Column({ name: 'scheduled_by_id', type: 'uuid', nullable: true })
  scheduledById: string | null;

  @Column({ name: 'sending_started_at', type: 'timestamptz', nullable: true })
  sendingStartedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

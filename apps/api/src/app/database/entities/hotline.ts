import type { HotlineState, HotlineVia } from '@blup/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A question to the secretariat (issue 16, point 2); the village and municipality are the asker's when asked. */
@Entity('hotline_requests')
export class HotlineRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'asker_id', type: 'uuid' })
  askerId: string;

  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @Column({ name: 'page_path', type: 'varchar', length: 500 })
  pagePath: string;

  @Column({ type: 'varchar', length: 200 })
  subject: string;

  @Column({ type: 'varchar', length: 10, default: 'new' })
  state: HotlineState;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'last_message_at', type: 'timestamptz', default: () => 'now()' })
  lastMessageAt: Date;

  @Column({ name: 'first_response_at', type: 'timestamptz', nullable: true })
  firstResponseAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;
}

/** One message on a request, from the asker or the secretariat, written in the app or by mail. */
@Entity('hotline_messages')
export class HotlineMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  /** Null for a reply by mail (the asker, identified by the signed reply address and sender). */
  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @Column({ name: 'from_secretariat', type: 'boolean' })
  fromSecretariat: boolean;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'varchar', length: 4 })
  via: HotlineVia;

  /** The Message-ID of a reply by mail: the same mail delivered twice is kept once. */
  @Column({ name: 'mail_message_id', type: 'varchar', length: 250, nullable: true })
  mailMessageId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A question and answer people see before they ask; often saved from a request's answer. */
@Entity('hotline_faq')
export class HotlineFaq {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 300 })
  question: string;

  @Column({ type: 'text' })
  answer: string;

  @Column({ type: 'boolean', default: false })
  published: boolean;

  @Column({ name: 'source_request_id', type: 'uuid', nullable: true })
  sourceRequestId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

export const HOTLINE_ENTITIES = [HotlineRequest, HotlineMessage, HotlineFaq];

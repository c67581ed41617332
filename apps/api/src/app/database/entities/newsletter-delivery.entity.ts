import type { Locale } from '@blup/contracts';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type NewsletterDeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'bounced';

/**
 * One recipient of one newsletter, snapshotted when sending starts (UNIQUE per newsletter and
 * email). `messageId` is fixed when the row is written and reused on every retry.
 */
@Entity('newsletter_deliveries')
export class NewsletterDelivery {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'newsletter_id', type: 'uuid' })
  newsletterId: string;

  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  name: string;

  @Column({ type: 'varchar', length: 2, default: 'da' })
  locale: Locale;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ name: 'subscriber_id', type: 'uuid', nullable: true })
  subscriberId: string | null;

  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @Column({ name: 'session_id', type: 'uuid', nullable: true })
  sessionId: string | null;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: NewsletterDeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'message_id', type: 'varchar', length: 200 })
  messageId: string;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

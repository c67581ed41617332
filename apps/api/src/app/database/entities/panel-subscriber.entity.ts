import type { Locale, PanelSubscriberSource, PanelSubscriberStatus } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Village } from './village.entity';

/** Someone on a village's citizen panel (a mailing list for people without accounts). */
@Entity('panel_subscribers')
export class PanelSubscriber {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'village_id', type: 'uuid' })
  villageId: string;

  @ManyToOne('Village', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'village_id' })
  village?: Village;

  /** Trimmed and lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120, default: '' })
  name: string;

  @Column({ type: 'varchar', length: 2, default: 'da' })
  locale: Locale;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: PanelSubscriberStatus;

  @Column({ type: 'varchar', length: 16 })
  source: PanelSubscriberSource;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'unsubscribed_at', type: 'timestamptz', nullable: true })
  unsubscribedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

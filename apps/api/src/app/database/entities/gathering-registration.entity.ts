import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { GatheringAnswers } from '@blup/contracts';

/** One registration for a gathering: signed in (`userId`) or a guest with only an email. */
@Entity('gathering_registrations')
export class GatheringRegistration {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'gathering_id', type: 'uuid' })
  gatheringId: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Lower-cased; one registration per address and gathering. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'village_name', type: 'varchar', length: 120, nullable: true })
  villageName: string | null;

  @Column({ name: 'municipality_name', type: 'varchar', length: 120, nullable: true })
  municipalityName: string | null;

  /** pending | confirmed | waitlisted | cancelled */
  @Column({ type: 'varchar', length: 20, default: 'confirmed' })
  status: string;

  /** Places taken when confirmed: the `countsPeople` answer, at least 1. */
  @Column({ type: 'integer', default: 1 })
  places: number;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  answers: GatheringAnswers;

  /** SHA-256 of the token in the cancel link. */
  @Column({ name: 'cancel_token_hash', type: 'varchar', length: 128, select: false })
  cancelTokenHash: string;

  /** SHA-256 of a guest's confirmation link token. */
  @Column({
    name: 'confirm_token_hash',
    type: 'varchar',
    length: 128,
    nullable: true,
    select: false,
  })
  confirmTokenHash: string | null;

  /** Unique within the gathering: the code under the QR code. */
  @Column({ name: 'check_in_code', type: 'varchar', length: 16 })
  checkInCode: string;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** Set in the same transaction that queues the reminder mail: at most one reminder. */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Arrival order: the waitlist moves up by it. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

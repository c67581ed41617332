import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One person signed up for an info meeting, without an account (issue 6). */
@Entity('info_meeting_signups')
export class InfoMeetingSignup {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId: string;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** Lower-cased. */
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'village_name', type: 'varchar', length: 120, nullable: true })
  villageName: string | null;

  @Column({ name: 'municipality_name', type: 'varchar', length: 120, nullable: true })
  municipalityName: string | null;

  /** SHA-256 of the token in the cancel link. */
  @Column({ name: 'cancel_token_hash', type: 'varchar', length: 128, select: false })
  cancelTokenHash: string;

  /** Set in the same transaction that queues the reminder mail: at most one reminder. */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

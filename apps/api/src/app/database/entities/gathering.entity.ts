import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { GatheringQuestion } from '@blup/contracts';

/**
 * A gathering (issue 16): a workshop, course, conference or info meeting, in person, online or
 * both. Info meetings (issue 6) are gatherings of kind `info_meeting`.
 */
@Entity('gatherings')
export class Gathering {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 40, default: 'info_meeting' })
  kind: string;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 20, default: 'online' })
  mode: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;

  /** The meeting link (https), for online and hybrid gatherings. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phase: string | null;

  @Column({ type: 'varchar', length: 40, default: 'anyone' })
  audience: string;

  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @Column({ name: 'cohort_id', type: 'uuid', nullable: true })
  cohortId: string | null;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  questions: GatheringQuestion[];

  /** Null: registration closes at the start. */
  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ type: 'text', nullable: true })
  minutes: string | null;

  @Column({ name: 'minutes_goal_ids', type: 'uuid', array: true, default: '{}' })
  minutesGoalIds: string[];

  @Column({ name: 'minutes_initiative_ids', type: 'uuid', array: true, default: '{}' })
  minutesInitiativeIds: string[];

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  /** Who made the current version (the 409 for a save from an older one names them). */
  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

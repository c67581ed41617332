import type { AgendaItem, CircleKind, Material, Phase } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Cohort } from './cohort.entity';

/**
 * One slot of a cohort's circle calendar, planned once by the secretariat: it creates a session
 * in every circle of its kind, and later edits reach those sessions not adjusted on that point.
 */
@Entity('session_plans')
export class SessionPlan {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne('Cohort', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column({ name: 'circle_kind', type: 'varchar', length: 16 })
  circleKind: CircleKind;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  phase: Phase;

  @Column({ type: 'varchar', length: 300, default: '' })
  topic: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  agenda: AgendaItem[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  materials: Material[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

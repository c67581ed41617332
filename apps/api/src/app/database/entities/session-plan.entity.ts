import type { CircleKind } from '@blup/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SessionContent } from './session-content';
import type { Cohort } from './cohort.entity';

/**
 * One slot of a cohort's circle calendar, planned once by the secretariat: it creates a session
 * in every circle of its kind, and later edits reach those sessions not adjusted on that point.
 */
@Entity('session_plans')
export class SessionPlan extends SessionContent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne('Cohort', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column({ name: 'circle_kind', type: 'varchar', length: 16 })
  circleKind: CircleKind;
}

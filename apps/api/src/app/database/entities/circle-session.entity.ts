import type { NextStep, SessionStatus } from '@blup/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SessionContent } from './session-content';
import type { Circle } from './circle.entity';
import type { SessionPlan } from './session-plan.entity';

/** One online meeting of one circle. (Sign-in sessions are `UserSession`.) */
@Entity('circle_sessions')
export class CircleSession extends SessionContent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'circle_id', type: 'uuid' })
  circleId: string;

  @ManyToOne('Circle', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'circle_id' })
  circle?: Circle;

  /** The cohort plan slot it came from; null for a session added to one circle only. */
  @Column({ name: 'plan_id', type: 'uuid', nullable: true })
  planId: string | null;

  @ManyToOne('SessionPlan', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'plan_id' })
  plan?: SessionPlan | null;

  /** This session's own link; null means the circle's room. */
  @Column({ name: 'meeting_url', type: 'varchar', length: 500, nullable: true })
  meetingUrl: string | null;

  @Column({ type: 'varchar', length: 16, default: 'planned' })
  status: SessionStatus;

  @Column({ type: 'text', default: '' })
  notes: string;

  @Column({ name: 'next_steps', type: 'jsonb', default: () => "'[]'" })
  nextSteps: NextStep[];

  /** RFC 5545 SEQUENCE: bumped whenever time, place, content or status changes. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  /** Times were set for this circle alone: plan edits no longer move them. */
  @Column({ name: 'times_adjusted', type: 'boolean', default: false })
  timesAdjusted: boolean;

  /** Title, topic, agenda or materials were set for this circle alone. */
  @Column({ name: 'content_adjusted', type: 'boolean', default: false })
  contentAdjusted: boolean;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;
}

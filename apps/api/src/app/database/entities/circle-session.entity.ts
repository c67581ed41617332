import type { AgendaItem, Material, NextStep, Phase, SessionStatus } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Circle } from './circle.entity';
import type { SessionPlan } from './session-plan.entity';

/** One online meeting of one circle. (Sign-in sessions are `UserSession`.) */
@Entity('circle_sessions')
export class CircleSession {
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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

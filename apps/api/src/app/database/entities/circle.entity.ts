import type { CircleKind } from '@blup/contracts';
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
import type { User } from './user.entity';
import type { Village } from './village.entity';

/**
 * A study circle. Membership is not stored: a village circle's members are its village's
 * steering group (its municipality's coordinators are guests); the coordinator circle's members
 * are the coordinators of the municipalities with a village in the cohort. So it follows the
 * people and cohort records as they change.
 */
@Entity('circles')
export class Circle {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @ManyToOne('Cohort', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cohort_id' })
  cohort?: Cohort;

  @Column({ type: 'varchar', length: 16 })
  kind: CircleKind;

  /** Village circles only. */
  @Column({ name: 'village_id', type: 'uuid', nullable: true })
  villageId: string | null;

  @ManyToOne('Village', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'village_id' })
  village?: Village | null;

  /** The secretariat member who leads the circle. */
  @Column({ name: 'facilitator_id', type: 'uuid', nullable: true })
  facilitatorId: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'facilitator_id' })
  facilitator?: User | null;

  /** The circle's fixed meeting room: an https URL (Jitsi, Zoom, Teams …). */
  @Column({ name: 'room_url', type: 'varchar', length: 500, nullable: true })
  roomUrl: string | null;

  /** Set when the village left the cohort; the circle and its history are kept. */
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true })
  archivedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { OfferingApproval, OfferingAudience, OfferingKind } from '@blup/contracts';

/** Something the secretariat offers: a cohort, a mini-BLUP module or an academy course (issue 6). */
@Entity('offerings')
export class Offering {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OfferingKind;

  @Column({ type: 'varchar', length: 120 })
  name: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ name: 'starts_on', type: 'date', nullable: true })
  startsOn: string | null;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  /** Null = unlimited. */
  @Column({ type: 'integer', nullable: true })
  capacity: number | null;

  @Column({ name: 'price_dkk', type: 'integer', default: 0 })
  priceDkk: number;

  @Column({ type: 'varchar', length: 16, default: 'automatic' })
  approval: OfferingApproval;

  @Column({ type: 'varchar', length: 24, nullable: true })
  audience: OfferingAudience | null;

  @Column({ name: 'cohort_id', type: 'uuid', nullable: true })
  cohortId: string | null;

  @Column({ name: 'module_id', type: 'uuid', nullable: true })
  moduleId: string | null;

  @Column({ name: 'course_id', type: 'uuid', nullable: true })
  courseId: string | null;

  @Column({ name: 'enrol_closes_at', type: 'timestamptz', nullable: true })
  enrolClosesAt: Date | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person's progress through one lesson. The unique seconds watched are kept in the
 * `coverage` column (an int4multirange, merged atomically in SQL so heartbeats from two tabs
 * lose nothing); it is not mapped here: only the progress service touches it, in SQL.
 */
@Entity('lesson_progress')
export class LessonProgress {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'lesson_id', type: 'uuid' })
  lessonId: string;

  /** Sum of the coverage ranges, kept beside them for cheap aggregates. */
  @Column({ name: 'covered_seconds', type: 'integer', default: 0 })
  coveredSeconds: number;

  @Column({ name: 'position_seconds', type: 'double precision', default: 0 })
  positionSeconds: number;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

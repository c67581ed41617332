import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A learner invited to a course. (Members of villages in a cohort see the village-process
 * courses without a row here; enrolment will replace both.)
 */
@Entity('course_access')
export class CourseAccess {
  @PrimaryColumn({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'granted_by_id', type: 'uuid', nullable: true })
  grantedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

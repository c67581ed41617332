import type { Phase } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Course } from './course.entity';
import type { Lesson } from './lesson.entity';

/** An ordered part of a course; for the BLUP course, the kick-off or one of the four modules. */
@Entity('course_modules')
export class CourseModule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'course_id', type: 'uuid' })
  courseId: string;

  @ManyToOne('Course', 'modules', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  phase: Phase | null;

  /** When in the process it runs, e.g. "okt.–dec.". */
  @Column({ type: 'varchar', length: 40, default: '' })
  months: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @OneToMany('Lesson', 'module')
  lessons?: Lesson[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

import type { CourseAudience, Locale } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CourseModule } from './course-module.entity';

/** A video course: the BLUP course for villages, or a single academy course. */
@Entity('courses')
export class Course {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'text', default: '' })
  summary: string;

  @Column({ type: 'varchar', length: 32 })
  audience: CourseAudience;

  @Column({ type: 'varchar', length: 2, default: 'da' })
  language: Locale;

  /** Order in the catalogue. */
  @Column({ type: 'integer', default: 0 })
  position: number;

  /** Null while a draft; learners never see unpublished content. */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @OneToMany('CourseModule', 'course')
  modules?: CourseModule[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

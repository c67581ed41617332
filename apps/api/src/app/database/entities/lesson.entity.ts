import type { LessonKind, Locale, VideoProviderName, VideoStatus } from '@blup/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { CourseModule } from './course-module.entity';

/** A caption track of the lesson: a WebVTT file in the file store, or a Mux text track. */
export interface StoredCaption {
  language: Locale;
  label: string;
  /** The .vtt file's key in the file store. */
  fileKey: string;
  /** Mux's text-track id, where the provider is Mux. */
  muxTrackId?: string | null;
}

/** One lesson: a video, a text, or a downloadable resource. */
@Entity('lessons')
export class Lesson {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @ManyToOne('CourseModule', 'lessons', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'module_id' })
  module?: CourseModule;

  @Column({ type: 'varchar', length: 160 })
  title: string;

  @Column({ type: 'varchar', length: 16 })
  kind: LessonKind;

  @Column({ type: 'integer' })
  position: number;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  /** Newsletters can point to inspiration videos. */
  @Column({ type: 'boolean', default: false })
  inspiration: boolean;

  /** Text lessons: sanitised HTML. */
  @Column({ type: 'text', default: '' })
  body: string;

  @Column({ name: 'duration_seconds', type: 'double precision', nullable: true })
  durationSeconds: number | null;

  @Column({ name: 'video_provider', type: 'varchar', length: 16, nullable: true })
  videoProvider: VideoProviderName | null;

  @Column({ name: 'video_status', type: 'varchar', length: 16, default: 'none' })
  videoStatus: VideoStatus;

  @Column({ name: 'video_upload_id', type: 'varchar', length: 128, nullable: true })
  videoUploadId: string | null;

  @Column({ name: 'video_asset_id', type: 'varchar', length: 128, nullable: true })
  videoAssetId: string | null;

  @Column({ name: 'video_playback_id', type: 'varchar', length: 128, nullable: true })
  videoPlaybackId: string | null;

  /** Local provider: storage key of the video file. */
  @Column({ name: 'video_file_key', type: 'varchar', length: 255, nullable: true })
  videoFileKey: string | null;

  @Column({ name: 'video_error', type: 'text', nullable: true })
  videoError: string | null;

  /** Time of the newest provider event applied, so an older event arriving late changes nothing. */
  @Column({ name: 'video_event_at', type: 'timestamptz', nullable: true })
  videoEventAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  captions: StoredCaption[];

  @Column({ name: 'resource_file_key', type: 'varchar', length: 255, nullable: true })
  resourceFileKey: string | null;

  @Column({ name: 'resource_file_name', type: 'varchar', length: 255, nullable: true })
  resourceFileName: string | null;

  @Column({ name: 'resource_mime_type', type: 'varchar', length: 127, nullable: true })
  resourceMimeType: string | null;

  @Column({ name: 'resource_size_bytes', type: 'integer', nullable: true })
  resourceSizeBytes: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

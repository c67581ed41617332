import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VideoProviderName } from '@blup/contracts';
import { DataSource } from 'typeorm';
import { LessonVideoService } from '../courses/lesson-video.service';
import type { Lesson } from '../database/entities';
import { applyTransition, startUpload, type VideoTransition } from './video-state';
import { lockLessonByRef, type LessonRef } from './video.queries';

export type { LessonRef } from './video.queries';

export type ApplyOutcome = 'applied' | 'ignored' | 'no_lesson';

/**
 * Moves lessons' videos through their states, one event at a time per lesson (row lock). The
 * state machine is the video module's; the lesson's columns are written through courses.
 */
@Injectable()
export class VideoStateService {
  private readonly logger = new Logger(VideoStateService.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly lessonVideos: LessonVideoService,
  ) {}

  /** A new upload for the lesson: waiting for the file, whatever it was before. */
  async startUpload(
    lessonId: string,
    provider: VideoProviderName,
    uploadId: string,
  ): Promise<void> {
    await this.lessonVideos.update(lessonId, {
      ...startUpload(uploadId),
      videoProvider: provider,
      videoFileKey: null,
    });
  }

  async apply(
    ref: LessonRef,
    transition: VideoTransition,
    extra: Partial<Pick<Lesson, 'videoFileKey'>> = {},
  ): Promise<ApplyOutcome> {
    return this.db.transaction(async (manager) => {
      const lesson = await lockLessonByRef(manager, ref);
      if (!lesson) return 'no_lesson';
      const patch = applyTransition(lesson, transition);
      if (!patch) {
        this.logger.debug({ msg: 'video event changes nothing', lessonId: lesson.id, transition });
        return 'ignored';
      }
      await this.lessonVideos.update(lesson.id, { ...patch, ...extra }, manager);
      if (patch.videoStatus && patch.videoStatus !== lesson.videoStatus) {
        this.logger.log({
          msg: 'lesson video status',
          lessonId: lesson.id,
          from: lesson.videoStatus,
          to: patch.videoStatus,
        });
      }
      return 'applied';
    });
  }
}

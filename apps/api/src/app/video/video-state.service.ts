import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { VideoProviderName } from '@blup/contracts';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { Lesson } from '../database/entities';
import { applyTransition, startUpload, type VideoTransition } from './video-state';

/** How a provider's event names its lesson: by our id (Mux passthrough), upload or asset id. */
export interface LessonRef {
  lessonId?: string | null;
  uploadId?: string | null;
  assetId?: string | null;
}

export type ApplyOutcome = 'applied' | 'ignored' | 'no_lesson';

/** Moves lessons' videos through their states, one event at a time per lesson (row lock). */
@Injectable()
export class VideoStateService {
  private readonly logger = new Logger(VideoStateService.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new upload for the lesson: waiting for the file, whatever it was before. */
  async startUpload(
    lessonId: string,
    provider: VideoProviderName,
    uploadId: string,
  ): Promise<void> {
    await this.db.getRepository(Lesson).update(lessonId, {
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
      const lesson = await this.lockLesson(manager, ref);
      if (!lesson) return 'no_lesson';
      const patch = applyTransition(lesson, transition);
      if (!patch) {
        this.logger.debug({ msg: 'video event changes nothing', lessonId: lesson.id, transition });
        return 'ignored';
      }
      await manager.getRepository(Lesson).update(lesson.id, { ...patch, ...extra });
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

  private async lockLesson(manager: EntityManager, ref: LessonRef): Promise<Lesson | null> {
    const query = manager
      .getRepository(Lesson)
      .createQueryBuilder('l')
      .setLock('pessimistic_write');
    if (ref.lessonId && isUUID(ref.lessonId)) {
      return query.where('l.id = :id', { id: ref.lessonId }).getOne();
    }
    if (ref.uploadId) {
      const byUpload = await query.where('l.video_upload_id = :id', { id: ref.uploadId }).getOne();
      if (byUpload) return byUpload;
    }
    if (ref.assetId) {
      return manager
        .getRepository(Lesson)
        .createQueryBuilder('l')
        .setLock('pessimistic_write')
        .where('l.video_asset_id = :id', { id: ref.assetId })
        .getOne();
    }
    return null;
  }
}

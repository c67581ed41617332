import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  markLessonComplete,
  recordWatchedStretch,
  type LessonProgressRow,
  type WatchedStretch,
} from './lesson-progress.queries';

/**
 * The one writer of `lesson_progress` (courses owns it): the catalogue completes text and
 * resource lessons when they are opened, progress records heartbeats and "mark as done". Methods
 * take an optional EntityManager so they run inside the caller's transaction.
 */
@Injectable()
export class LessonProgressService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Completes the lesson for the person; a lesson completed before keeps its first time. */
  async complete(userId: string, lessonId: string, manager?: EntityManager): Promise<void> {
    await markLessonComplete(manager ?? this.db, userId, lessonId);
  }

  /** Adds a watched stretch of a video lesson to the person's coverage; returns the new row. */
  recordWatched(
    userId: string,
    lessonId: string,
    stretch: WatchedStretch,
    manager?: EntityManager,
  ): Promise<LessonProgressRow> {
    return recordWatchedStretch(manager ?? this.db, userId, lessonId, stretch);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@blup/contracts';
import { DataSource, EntityManager } from 'typeorm';
import {
  markLessonComplete,
  recordHeartbeat,
  type HeartbeatClaim,
  type HeartbeatOutcome,
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

  /**
   * Adds a watched stretch to the viewer's coverage of a video lesson, in one statement that also
   * checks the lesson is one they may see (the rules `LessonAccessService.canView` applies) and
   * that the claim fits its duration. Returns what it saw of the lesson, and the new row when it
   * wrote one; nothing changes otherwise.
   */
  recordHeartbeat(
    viewer: { id: string; role: Role },
    lessonId: string,
    claim: HeartbeatClaim,
    manager?: EntityManager,
  ): Promise<HeartbeatOutcome> {
    return recordHeartbeat(manager ?? this.db, viewer, lessonId, claim);
  }
}

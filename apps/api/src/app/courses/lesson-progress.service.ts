import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupCommit } from '../common/group-commit';
import {
  markLessonComplete,
  recordHeartbeats,
  type Heartbeat,
  type HeartbeatOutcome,
} from './lesson-progress.queries';

/** The most heartbeats one statement records. */
const MAX_HEARTBEATS_PER_WRITE = 500;

/**
 * The one writer of `lesson_progress` (courses owns it): the catalogue completes text and
 * resource lessons when they are opened, progress records heartbeats and "mark as done".
 * `complete` takes an optional EntityManager so it runs inside the caller's transaction.
 */
/**
 * Two heartbeat statements may run at once (on different rows): with one, the statement's time
 * in PostgreSQL, not the API, set the pace, and one database core sat idle.
 */
const HEARTBEAT_WRITES_IN_FLIGHT = 2;

@Injectable()
export class LessonProgressService {
  /**
   * Heartbeats arriving while one statement is in flight go together in the next (group commit):
   * hundreds of players then cost a few statements a second, not one each.
   */
  private readonly heartbeats = new GroupCommit<Heartbeat, HeartbeatOutcome>(
    (beats) => recordHeartbeats(this.db, beats),
    {
      key: (beat) => `${beat.viewer.id}/${beat.lessonId}`,
      maxBatch: MAX_HEARTBEATS_PER_WRITE,
      concurrency: HEARTBEAT_WRITES_IN_FLIGHT,
    },
  );

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Completes the lesson for the person; a lesson completed before keeps its first time. */
  async complete(userId: string, lessonId: string, manager?: EntityManager): Promise<void> {
    await markLessonComplete(manager ?? this.db, userId, lessonId);
  }

  /**
   * Adds a watched stretch to the viewer's coverage of a video lesson, in one statement (shared
   * with the heartbeats sent at the same moment) that also checks the lesson is one they may see
   * (the rules `LessonAccessService.canView` applies) and that the claim fits its duration.
   * Answers, once the statement has committed, what it saw of the lesson, and the new row when it
   * wrote one; nothing changes otherwise.
   */
  recordHeartbeat(beat: Heartbeat): Promise<HeartbeatOutcome> {
    return this.heartbeats.submit(beat);
  }
}

import { isUUID } from 'class-validator';
import type { DataSource, EntityManager } from 'typeorm';
import { Lesson } from '../database/entities';
import type { MuxEvent } from './mux-events';

/** How a provider's event names its lesson: by our id (Mux passthrough), upload or asset id. */
export interface LessonRef {
  lessonId?: string | null;
  uploadId?: string | null;
  assetId?: string | null;
}

/**
 * The lesson an event names, locked until the transaction ends (one event at a time per lesson):
 * by our id if it carries one, else by upload id, else by asset id. Null when none matches.
 */
export async function lockLessonByRef(
  manager: EntityManager,
  ref: LessonRef,
): Promise<Lesson | null> {
  const locked = () =>
    manager.getRepository(Lesson).createQueryBuilder('l').setLock('pessimistic_write');
  if (ref.lessonId && isUUID(ref.lessonId)) {
    return locked().where('l.id = :id', { id: ref.lessonId }).getOne();
  }
  if (ref.uploadId) {
    const byUpload = await locked().where('l.video_upload_id = :id', { id: ref.uploadId }).getOne();
    if (byUpload) return byUpload;
  }
  if (ref.assetId) {
    return locked().where('l.video_asset_id = :id', { id: ref.assetId }).getOne();
  }
  return null;
}

/** Stores a webhook's event by its id; false when that id was stored before. */
export async function insertVideoEvent(db: DataSource, event: MuxEvent): Promise<boolean> {
  const inserted: { id: string }[] = await db.query(
    `INSERT INTO video_events (id, type, occurred_at, payload)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO NOTHING
     RETURNING id`,
    [event.id, event.type, new Date(event.created_at), JSON.stringify(event)],
  );
  return inserted.length > 0;
}

/** Whether the stored event has been processed. */
export async function videoEventProcessed(db: DataSource, eventId: string): Promise<boolean> {
  const [row] = await db.query<{ processed_at: Date | null }[]>(
    'SELECT processed_at FROM video_events WHERE id = $1',
    [eventId],
  );
  return Boolean(row?.processed_at);
}

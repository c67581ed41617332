import { CourseAudience, LessonKind } from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { Course, CourseModule, Lesson } from '../src/app/database/entities';

/** A published BLUP-course video lesson (course, module, lesson), written through the repositories. */
export async function videoLesson(
  db: DataSource,
  { kind = LessonKind.Video, published = true }: { kind?: LessonKind; published?: boolean } = {},
): Promise<Lesson> {
  const at = published ? new Date() : null;
  const course = await db.getRepository(Course).save(
    db.getRepository(Course).create({
      title: `Kursus ${randomBytes(3).toString('hex')}`,
      audience: CourseAudience.VillageProcess,
      language: 'da',
      position: 0,
      publishedAt: at,
    }),
  );
  const module = await db
    .getRepository(CourseModule)
    .save(
      db
        .getRepository(CourseModule)
        .create({ courseId: course.id, title: 'Modul 1', position: 0, publishedAt: at }),
    );
  return db
    .getRepository(Lesson)
    .save(
      db
        .getRepository(Lesson)
        .create({ moduleId: module.id, title: 'Lektion', kind, position: 0, publishedAt: at }),
    );
}

export function reload(db: DataSource, lesson: { id: string }): Promise<Lesson> {
  return db.getRepository(Lesson).findOneByOrFail({ id: lesson.id });
}

/** Waits for the worker (running in the test app) to have processed the given events. */
export async function processed(db: DataSource, eventIds: string[]): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const rows: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM video_events WHERE id = ANY($1) AND processed_at IS NOT NULL',
      [eventIds],
    );
    if (rows[0].n === eventIds.length) return;
    await sleep(50);
  }
  throw new Error(`Video events ${eventIds.join(', ')} were not processed in time.`);
}

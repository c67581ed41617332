import { HttpStatus } from '@nestjs/common';
import { ErrorCode, MaterialKind, SESSION_LIMITS, type Material } from '@blup/contracts';
import { AppException, fieldError } from '../common/app-exception';
import { isHttpsUrl } from '../common/https-url';

/**
 * The rules every new or changed session obeys, as pure functions so the specs beside this file
 * pin them without a database. Each failure is a 400 naming the field it is about; `prefix`
 * places the field inside a bigger request (`sessions.3.` in a plan).
 */

export interface TimeSpan {
  startsAt: Date;
  endsAt: Date;
}

export interface TimeCheck {
  now: Date;
  /** A new session, or one whose start moves: it may not start in the past. */
  mustBeFuture: boolean;
  prefix?: string;
}

/** Ends after it starts, lasts at most SESSION_LIMITS.durationMinutes, and (when new or moved) lies ahead. */
export function checkTimes(span: TimeSpan, { now, mustBeFuture, prefix = '' }: TimeCheck): void {
  const minutes = (span.endsAt.getTime() - span.startsAt.getTime()) / 60_000;
  if (minutes <= 0) {
    throw fieldError(
      ErrorCode.SessionEndsBeforeStart,
      `${prefix}endsAt`,
      'The session must end after it starts: choose a later end time.',
      { field: `${prefix}endsAt` },
    );
  }
  if (minutes > SESSION_LIMITS.durationMinutes) {
    const hours = SESSION_LIMITS.durationMinutes / 60;
    throw fieldError(
      ErrorCode.SessionTooLong,
      `${prefix}endsAt`,
      `A session can last at most ${hours} hours: choose an earlier end time.`,
      { hours },
    );
  }
  if (mustBeFuture && span.startsAt.getTime() <= now.getTime()) {
    throw fieldError(
      ErrorCode.SessionInPast,
      `${prefix}startsAt`,
      'The session would start in the past: choose a time ahead.',
    );
  }
}

export interface ExistingSession extends TimeSpan {
  id: string;
  circleId: string;
  title: string;
}

/** The first session of `others` in the same circle whose time overlaps `span` (touching is fine). */
export function findOverlap<T extends ExistingSession>(
  span: TimeSpan & { circleId: string; id?: string },
  others: readonly T[],
): T | null {
  return (
    others.find(
      (o) =>
        o.circleId === span.circleId &&
        o.id !== span.id &&
        o.startsAt.getTime() < span.endsAt.getTime() &&
        span.startsAt.getTime() < o.endsAt.getTime(),
    ) ?? null
  );
}

export function overlapError(other: { title: string; startsAt: Date }, prefix = ''): AppException {
  const startsAt = other.startsAt.toISOString();
  return fieldError(
    ErrorCode.SessionOverlaps,
    `${prefix}startsAt`,
    `The session overlaps “${other.title}” (${startsAt}) in the same circle: choose another time.`,
    { title: other.title, startsAt },
  );
}

/** A lesson's page in the web client (apps/web: /lessons/:id). */
export function lessonUrl(lessonId: string): string {
  return `/lessons/${lessonId}`;
}

/**
 * Materials as stored: a lesson names an existing lesson (`knownLessons`) and gets its page as
 * url; every other kind needs an https url and names no lesson.
 */
export function resolveMaterials(
  materials: readonly Material[],
  knownLessons: ReadonlySet<string>,
  prefix = '',
): Material[] {
  return materials.map((m, i) => {
    const at = `${prefix}materials.${i}`;
    if (m.kind === MaterialKind.Lesson) {
      if (!m.lessonId) {
        throw fieldError(
          ErrorCode.ValidationFailed,
          `${at}.lessonId`,
          `${at}.lessonId must name the lesson for a material of kind lesson`,
        );
      }
      if (!knownLessons.has(m.lessonId)) {
        throw fieldError(
          ErrorCode.UnknownReference,
          `${at}.lessonId`,
          `There is no lesson with the id ${m.lessonId}. Choose a lesson from the courses.`,
        );
      }
      return { kind: m.kind, title: m.title, url: lessonUrl(m.lessonId), lessonId: m.lessonId };
    }
    if (!isHttpsUrl(m.url)) {
      throw fieldError(
        ErrorCode.UrlNotHttps,
        `${at}.url`,
        `${at}.url must be an https link, e.g. https://example.org/file.pdf`,
      );
    }
    return { kind: m.kind, title: m.title, url: m.url, lessonId: null };
  });
}

/** The lesson ids materials name, to look up in one query. */
export function lessonIdsOf(lists: readonly (readonly Material[] | undefined)[]): string[] {
  const ids = new Set<string>();
  for (const list of lists)
    for (const m of list ?? [])
      if (m.kind === MaterialKind.Lesson && m.lessonId) ids.add(m.lessonId);
  return [...ids];
}

/** A 400 for a write the state of the thing does not allow (e.g. a session in a closed circle). */
export function badRequest(message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, ErrorCode.BadRequest, message);
}

/** `blup-<slug>-<8 random chars>`: a readable, unguessable room name. */
export function roomSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || 'kreds';
}

export function roomUrl(baseUrl: string, name: string, random: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}blup-${roomSlug(name)}-${random}`;
}

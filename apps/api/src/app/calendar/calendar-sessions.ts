import {
  AgendaItemKind,
  CIRCLE_TIME_ZONE,
  CircleKind,
  SessionStatus,
  type AgendaItem,
  type Locale,
} from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { CalendarEvent } from './ical-writer';

/** What a calendar entry or a reminder mail says about one session. */
export interface CalendarSession {
  id: string;
  circleId: string;
  title: string;
  topic: string;
  startsAt: Date;
  endsAt: Date;
  agenda: AgendaItem[];
  status: SessionStatus;
  sequence: number;
  createdAt: Date;
  updatedAt: Date;
  circleKind: CircleKind;
  villageName: string | null;
  /** The session's own link, else its circle's room; null when neither is set. */
  joinUrl: string | null;
}

interface Row {
  id: string;
  circle_id: string;
  title: string;
  topic: string;
  starts_at: Date;
  ends_at: Date;
  agenda: AgendaItem[];
  status: SessionStatus;
  sequence: number;
  created_at: Date;
  updated_at: Date;
  kind: CircleKind;
  village_name: string | null;
  join_url: string | null;
}

const SELECT = `
  SELECT s.id, s.circle_id, s.title, s.topic, s.starts_at, s.ends_at, s.agenda, s.status,
         s.sequence, s.created_at, s.updated_at, c.kind, v.name AS village_name,
         COALESCE(s.meeting_url, c.room_url) AS join_url
    FROM circle_sessions s
    JOIN circles c ON c.id = s.circle_id
    LEFT JOIN villages v ON v.id = c.village_id`;

function toSession(r: Row): CalendarSession {
  return {
    id: r.id,
    circleId: r.circle_id,
    title: r.title,
    topic: r.topic,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    agenda: r.agenda ?? [],
    status: r.status,
    sequence: r.sequence,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    circleKind: r.kind,
    villageName: r.village_name,
    joinUrl: r.join_url,
  };
}

/** Sessions by id, in no particular order; missing ids are left out. */
export async function loadCalendarSessions(
  em: EntityManager,
  ids: readonly string[],
): Promise<CalendarSession[]> {
  if (!ids.length) return [];
  const rows = await em.query<Row[]>(`${SELECT} WHERE s.id = ANY($1::uuid[])`, [ids]);
  return rows.map(toSession);
}

/** How far back a feed reaches, and the most sessions it holds. */
export const FEED_PAST_DAYS = 90;
export const FEED_MAX_SESSIONS = 500;

/**
 * A person's sessions for their feed: those of the circles they take part in (as member or
 * guest) and those they facilitate, cancelled ones included so calendars drop them; from
 * FEED_PAST_DAYS back, soonest first, at most FEED_MAX_SESSIONS.
 */
export async function loadFeedSessions(
  em: EntityManager,
  userId: string,
): Promise<CalendarSession[]> {
  const rows = await em.query<Row[]>(
    `${SELECT}
      WHERE s.circle_id IN (SELECT cp.circle_id FROM circle_participants cp WHERE cp.user_id = $1
                            UNION
                            SELECT f.id FROM circles f WHERE f.facilitator_id = $1)
        AND s.starts_at >= now() - make_interval(days => $2)
      ORDER BY s.starts_at, s.id
      LIMIT $3`,
    [userId, FEED_PAST_DAYS, FEED_MAX_SESSIONS],
  );
  return rows.map(toSession);
}

interface Words {
  calendarName: string;
  coordinatorCircle: string;
  cancelled: string;
  agenda: string;
  join: string;
  page: string;
  minutes: string;
  kinds: Record<AgendaItemKind, string>;
}

const WORDS: Record<Locale, Words> = {
  da: {
    calendarName: 'BLUP studiekredse',
    coordinatorCircle: 'Koordinatorkreds',
    cancelled: 'AFLYST',
    agenda: 'Dagsorden',
    join: 'Deltag',
    page: 'Mødeside',
    minutes: 'min',
    kinds: {
      [AgendaItemKind.Inspiration]: 'Inspiration',
      [AgendaItemKind.Discussion]: 'Drøftelse',
      [AgendaItemKind.KnowledgeSharing]: 'Videndeling',
      [AgendaItemKind.Coordination]: 'Koordinering',
    },
  },
  en: {
    calendarName: 'BLUP study circles',
    coordinatorCircle: 'Coordinator circle',
    cancelled: 'CANCELLED',
    agenda: 'Agenda',
    join: 'Join',
    page: 'Session page',
    minutes: 'min',
    kinds: {
      [AgendaItemKind.Inspiration]: 'Inspiration',
      [AgendaItemKind.Discussion]: 'Discussion',
      [AgendaItemKind.KnowledgeSharing]: 'Knowledge sharing',
      [AgendaItemKind.Coordination]: 'Coordination',
    },
  },
};

export function words(locale: Locale): Words {
  return WORDS[locale] ?? WORDS.da;
}

/** The circle a session belongs to, as people call it: the village, or the coordinator circle. */
export function circleName(session: CalendarSession, locale: Locale): string {
  return session.circleKind === CircleKind.Village && session.villageName
    ? session.villageName
    : words(locale).coordinatorCircle;
}

export function sessionPageUrl(publicUrl: string, sessionId: string): string {
  return `${publicUrl}/sessions/${sessionId}`;
}

export function sessionIcsUrl(publicUrl: string, sessionId: string): string {
  return `${publicUrl}/api/sessions/${sessionId}/calendar.ics`;
}

/** One session as a calendar entry, worded in the reader's language. */
export function toCalendarEvent(
  session: CalendarSession,
  locale: Locale,
  publicUrl: string,
): CalendarEvent {
  const w = words(locale);
  const cancelled = session.status === SessionStatus.Cancelled;
  const description: string[] = [];
  if (cancelled) description.push(w.cancelled, '');
  if (session.topic.trim()) description.push(session.topic.trim(), '');
  if (session.agenda.length) {
    description.push(`${w.agenda}:`);
    for (const item of session.agenda) {
      const kind = w.kinds[item.kind] ?? item.kind;
      description.push(`- ${kind}: ${item.title} (${item.minutes} ${w.minutes})`);
    }
    description.push('');
  }
  if (session.joinUrl) description.push(`${w.join}: ${session.joinUrl}`);
  description.push(`${w.page}: ${sessionPageUrl(publicUrl, session.id)}`);
  const summary = `${session.title} – ${circleName(session, locale)}`;
  return {
    uid: `${session.id}@blup-akademiet`,
    sequence: session.sequence,
    cancelled,
    start: session.startsAt,
    end: session.endsAt,
    summary: cancelled ? `${w.cancelled}: ${summary}` : summary,
    description: description.join('\n'),
    location: session.joinUrl,
    url: session.joinUrl,
    created: session.createdAt,
    lastModified: session.updatedAt,
  };
}

/** A file name for one session: its title as ASCII words, and its Copenhagen date. */
export function icsFileName(session: Pick<CalendarSession, 'title' | 'startsAt'>): string {
  const slug = session.title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: CIRCLE_TIME_ZONE }).format(
    session.startsAt,
  );
  return `${slug || 'studiekreds'}-${date}.ics`;
}

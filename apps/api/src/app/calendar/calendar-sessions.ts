import {
  AgendaItemKind,
  CIRCLE_TIME_ZONE,
  CircleKind,
  SessionStatus,
  type AgendaItem,
  type Locale,
} from '@blup/contracts';
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

type Term = Record<Locale, string>;

/** Each term in Danish and English, side by side. */
const TERMS: Record<Exclude<keyof Words, 'kinds'>, Term> & {
  kinds: Record<AgendaItemKind, Term>;
} = {
  calendarName: { da: 'BLUP studiekredse', en: 'BLUP study circles' },
  coordinatorCircle: { da: 'Koordinatorkreds', en: 'Coordinator circle' },
  cancelled: { da: 'AFLYST', en: 'CANCELLED' },
  agenda: { da: 'Dagsorden', en: 'Agenda' },
  join: { da: 'Deltag', en: 'Join' },
  page: { da: 'Mødeside', en: 'Session page' },
  minutes: { da: 'min', en: 'min' },
  kinds: {
    [AgendaItemKind.Inspiration]: { da: 'Inspiration', en: 'Inspiration' },
    [AgendaItemKind.Discussion]: { da: 'Drøftelse', en: 'Discussion' },
    [AgendaItemKind.KnowledgeSharing]: { da: 'Videndeling', en: 'Knowledge sharing' },
    [AgendaItemKind.Coordination]: { da: 'Koordinering', en: 'Coordination' },
  },
};

function wordsIn(locale: Locale): Words {
  const pick = <K extends string>(terms: Record<K, Term>): Record<K, string> =>
    Object.fromEntries(
      Object.entries<Term>(terms).map(([key, term]) => [key, term[locale]]),
    ) as Record<K, string>;
  const { kinds, ...rest } = TERMS;
  return { ...pick(rest), kinds: pick(kinds) };
}

const WORDS: Record<Locale, Words> = { da: wordsIn('da'), en: wordsIn('en') };

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

import {
  NewsletterTargetKind,
  surveyPublicPath,
  type GoalStatus,
  type InitiativeStatus,
  type Locale,
  type NewsletterBlock,
  type NextStep,
} from '@blup/contracts';
import { copenhagenClock, copenhagenLongDate } from '../common/copenhagen-time';
import { unsubscribeToken } from '../citizen-panel/unsubscribe-link';
import {
  escapeHtml,
  mergeHtml,
  mergeText,
  newsletterHtmlToText,
  styleNewsletterHtml,
  type MergeValues,
} from './newsletter-html';
import type { NewsletterRecipient, RenderedNewsletter } from './newsletter-ports';
import { signedVillage } from './newsletter-link';
import { personalKey } from '../surveys/survey-keys';

/** A lesson or inspiration video as a card shows it. */
export interface LessonCard {
  id: string;
  title: string;
  moduleTitle: string;
  courseTitle: string;
  /** A line or two from the lesson's text, if it has any. */
  summary: string;
  inspiration: boolean;
}

/**
 * A village goal or initiative as its card shows it, loaded only when the village's plan is
 * published (else there is no card: the plan was taken down since the newsletter was written).
 */
export interface VillageCard {
  kind: 'goal' | 'initiative';
  id: string;
  title: string;
  status: GoalStatus | InitiativeStatus;
  villageName: string;
  /** The village's public page. */
  pageUrl: string;
  /** Goals: the SDGs with their UN colours. */
  sdgs: readonly { number: number; colour: string }[];
  indicator: string;
  baseline: number | null;
  targetValue: number | null;
  currentValue: number | null;
  /** Initiatives: 0–100 and the next milestone. */
  progress: number | null;
  milestoneWhat: string | null;
  milestoneDate: string | null;
}

/** The black or white ink that reads on an SDG colour (WCAG contrast, as the web's `inkOn`). */
export function inkOn(colour: string): '#000000' | '#ffffff' {
  const channel = (i: number) => {
    const c = parseInt(colour.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/** One village's (or the coordinator circle's) session, as the session box shows it. */
export interface SessionFacts {
  id: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** The session's meeting link, else its circle's room. */
  joinUrl: string | null;
  villageId: string | null;
  villageName: string | null;
  cancelled: boolean;
}

/** Everything rendering needs, loaded once per newsletter (no database while rendering). */
export interface RenderSource {
  publicUrl: string;
  signingSecret: string;
  newsletter: {
    id: string;
    subject: string;
    preheader: string;
    blocks: readonly NewsletterBlock[];
    webToken: string;
    targetKind: NewsletterTargetKind;
    /** The target's name: session or plan title, cohort, village or course name. */
    targetTitle: string;
  };
  lessons: ReadonlyMap<string, LessonCard>;
  /** The village cards' goals and initiatives, by `kind:id` (published villages only). */
  villageCards?: ReadonlyMap<string, VillageCard>;
  /** The survey blocks' open surveys, by `villageId:purpose`. */
  surveys?: ReadonlyMap<string, { id: string; title: string; publicToken: string }>;
  villages: ReadonlyMap<string, { id: string; name: string }>;
  /** Session targets: the sessions in scope (one per village, or the one session). */
  sessions: readonly SessionFacts[];
  /**
   * Per village: the next steps recorded at its circle's last held session before the
   * newsletter's session (only loaded when a next-steps block asks for them).
   */
  lastSteps?: ReadonlyMap<string, LastSessionSteps>;
}

/** The next steps a village's circle recorded at a held session. */
export interface LastSessionSteps {
  title: string;
  startsAt: Date;
  steps: readonly NextStep[];
}

/** Who one copy is for. `null` person: the web version (personalised by village only). */
export interface CopyFor {
  person: NewsletterRecipient | null;
  villageId: string | null;
  /** Defaults to the person's locale, else Danish. */
  locale?: Locale;
}

/** A due date (YYYY-MM-DD) as a long date, read at noon Danish time. */
function dueDay(date: string, locale: Locale): string {
  return copenhagenLongDate(new Date(`${date}T12:00:00Z`), locale);
}

interface Words {
  everyone: string;
  sessionHeading: string;
  when: (start: Date, end: Date) => string;
  join: string;
  noRoom: string;
  sessionPage: string;
  addToCalendar: string;
  nextSteps: string;
  fromSession: (title: string, day: Date) => string;
  stepDone: string;
  stepOpen: string;
  stepDue: (date: string) => string;
  watchVideo: string;
  openLesson: string;
  video: string;
  lesson: string;
  readOnWeb: string;
  unsubscribe: string;
  why: (kind: 'member' | 'panel' | 'course' | 'web', place: string) => string;
  coordinatorCircle: string;
  yourVillage: string;
  eachVillage: string;
  villageGoal: (village: string) => string;
  initiative: (village: string) => string;
  sdgs: string;
  goalStatus: Record<GoalStatus, string>;
  initiativeStatus: Record<InitiativeStatus, string>;
  measured: (indicator: string, now: string, target: string | null, start: string | null) => string;
  percentDone: (percent: number) => string;
  milestone: (what: string, date: string | null) => string;
  readPlan: (village: string) => string;
  survey: (village: string) => string;
  answerSurvey: string;
  personalLink: string;
}

const WORDS: Record<Locale, Words> = {
  da: {
    everyone: 'alle',
    sessionHeading: 'Næste møde',
    when: (s, e) =>
      `${copenhagenLongDate(s, 'da')} kl. ${copenhagenClock(s, '.')}–${copenhagenClock(e, '.')}`,
    join: 'Gå til mødet',
    noRoom: 'Linket til mødet kommer på mødesiden.',
    sessionPage: 'Mødeside',
    addToCalendar: 'Føj til kalender',
    nextSteps: 'Næste skridt',
    fromSession: (title, day) => `Aftalt på mødet »${title}« ${copenhagenLongDate(day, 'da')}:`,
    stepDone: 'Klaret',
    stepOpen: 'Ikke klaret endnu',
    stepDue: (date) => `senest ${dueDay(date, 'da')}`,
    watchVideo: 'Se videoen',
    openLesson: 'Åbn lektionen',
    video: 'Inspirationsvideo',
    lesson: 'Lektion',
    readOnWeb: 'Læs nyhedsbrevet i din browser',
    unsubscribe: 'Afmeld nyhedsbrevet eller ret dine valg',
    why: (kind, place) => {
      if (kind === 'panel')
        return `Du får dette nyhedsbrev, fordi du har tilmeldt dig borgerpanelet i ${place}.`;
      if (kind === 'course')
        return `Du får dette nyhedsbrev, fordi du har adgang til kurset ${place} i BLUP Akademiet.`;
      if (kind === 'member')
        return `Du får dette nyhedsbrev, fordi du er med i studiekredsen${place ? ` i ${place}` : ''} i BLUP Akademiet.`;
      return 'Nyhedsbrev fra BLUP Akademiet.';
    },
    coordinatorCircle: 'Koordinatorkredsen',
    yourVillage: 'jeres landsby',
    eachVillage: 'Hver landsby mødes til sin egen tid:',
    villageGoal: (village) => `Landsbymål i ${village}`,
    initiative: (village) => `Initiativ i ${village}`,
    sdgs: 'Verdensmål',
    goalStatus: {
      idea: 'Det er en idé',
      in_progress: 'Arbejdet er i gang',
      on_track: 'Det er på vej',
      reached: 'Målet er nået',
      paused: 'Det er sat på pause',
    },
    initiativeStatus: {
      idea: 'Det er en idé',
      planned: 'Det er planlagt',
      in_progress: 'Arbejdet er i gang',
      done: 'Det er gennemført',
      paused: 'Det er sat på pause',
    },
    measured: (indicator, now, target, start) =>
      `${indicator}: nu ${now}${target ? ` af ${target}` : ''}${start ? ` (fra ${start})` : ''}.`,
    percentDone: (percent) => `${percent} procent færdigt.`,
    milestone: (what, date) => `Næste skridt: ${what}${date ? `, senest ${date}` : ''}.`,
    readPlan: (village) => `Læs ${village}s udviklingsplan`,
    survey: (village) => `Spørgeskema i ${village}`,
    answerSurvey: 'Svar på spørgeskemaet',
    personalLink:
      'Linket er dit eget: det gemmer ét svar fra dig. Del det offentlige link, hvis andre vil svare.',
  },
  en: {
    everyone: 'everyone',
    sessionHeading: 'Next session',
    when: (s, e) =>
      `${copenhagenLongDate(s, 'en')}, ${copenhagenClock(s, ':')}–${copenhagenClock(e, ':')} (Danish time)`,
    join: 'Join the session',
    noRoom: 'The meeting link will be on the session page.',
    sessionPage: 'Session page',
    addToCalendar: 'Add to calendar',
    nextSteps: 'Next steps',
    fromSession: (title, day) =>
      `Agreed at the session “${title}” on ${copenhagenLongDate(day, 'en')}:`,
    stepDone: 'Done',
    stepOpen: 'Not done yet',
    stepDue: (date) => `by ${dueDay(date, 'en')}`,
    watchVideo: 'Watch the video',
    openLesson: 'Open the lesson',
    video: 'Inspiration video',
    lesson: 'Lesson',
    readOnWeb: 'Read the newsletter in your browser',
    unsubscribe: 'Unsubscribe or change your choices',
    why: (kind, place) => {
      if (kind === 'panel')
        return `You get this newsletter because you joined the citizen panel of ${place}.`;
      if (kind === 'course')
        return `You get this newsletter because you have access to the course ${place} in BLUP Akademiet.`;
      if (kind === 'member')
        return `You get this newsletter because you take part in the study circle${place ? ` of ${place}` : ''} in BLUP Akademiet.`;
      return 'A newsletter from BLUP Akademiet.';
    },
    coordinatorCircle: 'The coordinator circle',
    yourVillage: 'your village',
    eachVillage: 'Each village meets at its own time:',
    villageGoal: (village) => `Village goal in ${village}`,
    initiative: (village) => `Initiative in ${village}`,
    sdgs: 'Global Goals',
    goalStatus: {
      idea: 'It is an idea',
      in_progress: 'Work is under way',
      on_track: 'It is on track',
      reached: 'The goal is reached',
      paused: 'It is paused',
    },
    initiativeStatus: {
      idea: 'It is an idea',
      planned: 'It is planned',
      in_progress: 'Work is under way',
      done: 'It is done',
      paused: 'It is paused',
    },
    measured: (indicator, now, target, start) =>
      `${indicator}: now ${now}${target ? ` of ${target}` : ''}${start ? ` (from ${start})` : ''}.`,
    percentDone: (percent) => `${percent} percent done.`,
    milestone: (what, date) => `Next step: ${what}${date ? `, by ${date}` : ''}.`,
    readPlan: (village) => `Read the development plan of ${village}`,
    survey: (village) => `Questionnaire in ${village}`,
    answerSurvey: 'Answer the questionnaire',
    personalLink:
      'The link is your own: it keeps one answer from you. Share the public link if others want to answer.',
  },
};

/** The public web version of one copy: village-neutral, or one village's (signed, see newsletter-link). */
export function webVersionUrl(
  source: Pick<RenderSource, 'publicUrl' | 'signingSecret'>,
  webToken: string,
  villageId: string | null,
): string {
  const base = `${source.publicUrl}/newsletters/web/${webToken}`;
  return villageId ? `${base}?v=${signedVillage(source.signingSecret, webToken, villageId)}` : base;
}

/** A public add-to-calendar file for the session a copy leads into (tokened like the web version). */
export function calendarFileUrl(
  source: Pick<RenderSource, 'publicUrl' | 'signingSecret'>,
  webToken: string,
  villageId: string | null,
): string {
  const base = `${source.publicUrl}/api/newsletters/web/${webToken}/calendar.ics`;
  return villageId ? `${base}?v=${signedVillage(source.signingSecret, webToken, villageId)}` : base;
}

/**
 * The session a copy leads into: the recipient's own (given), else the village's, else the only
 * (or earliest) one in scope.
 */
export function sessionFor(
  sessions: readonly SessionFacts[],
  villageId: string | null,
  sessionId: string | null = null,
): SessionFacts | null {
  if (sessionId) {
    const own = sessions.find((s) => s.id === sessionId);
    if (own) return own;
  }
  if (villageId) {
    const village = sessions.find((s) => s.villageId === villageId);
    if (village) return village;
  }
  const live = sessions.filter((s) => !s.cancelled);
  const pool = live.length ? live : sessions;
  return pool.length
    ? [...pool].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0]
    : null;
}

/**
 * Work that is the same for every copy (sanitising and styling a text block, formatting a
 * session's time), done once per loaded newsletter: a fan-out renders thousands of copies from
 * one source.
 */
const CACHE = new WeakMap<RenderSource, Map<string, unknown>>();

function memo<T>(source: RenderSource, key: string, make: () => T): T {
  let cache = CACHE.get(source);
  if (!cache) CACHE.set(source, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}

function preparedText(source: RenderSource, html: string): { html: string; text: string } {
  return memo(source, `text:${html}`, () => ({
    html: styleNewsletterHtml(html, source.publicUrl),
    text: newsletterHtmlToText(html),
  }));
}

const BUTTON =
  'display:inline-block;background:#2e6b3f;color:#ffffff;text-decoration:none;font-family:Arial,Helvetica,sans-serif;font-size:17px;padding:12px 20px;border-radius:8px';
const SMALL = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#4a5a4d';
const BODY = 'font-family:Arial,Helvetica,sans-serif;font-size:17px;line-height:1.5;color:#1d2b1f';

interface Part {
  html: string;
  text: string;
}

function button(label: string, url: string): string {
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer" style="${BUTTON}">${escapeHtml(label)}</a>`;
}

function box(inner: string): string {
  return `<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="margin:0 0 20px;background:#eef4ec;border-radius:10px"><tr><td style="padding:16px 18px">${inner}</td></tr></table>`;
}

function lessonCard(
  card: LessonCard | undefined,
  video: boolean,
  w: Words,
  publicUrl: string,
): Part {
  if (!card) return { html: '', text: '' };
  const url = `${publicUrl}/lessons/${card.id}`;
  const label = video ? w.video : w.lesson;
  const action = video ? w.watchVideo : w.openLesson;
  const summary = card.summary
    ? `<p style="margin:0 0 12px;${BODY}">${escapeHtml(card.summary)}</p>`
    : '';
  const html = box(
    `<p style="margin:0 0 4px;${SMALL};font-weight:bold;text-transform:uppercase;letter-spacing:0.04em">${escapeHtml(label)}</p>
<p style="margin:0 0 6px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3;font-weight:bold;color:#1d2b1f">${escapeHtml(card.title)}</p>
<p style="margin:0 0 10px;${SMALL}">${escapeHtml(`${card.courseTitle} · ${card.moduleTitle}`)}</p>
${summary}<p style="margin:0">${button(action, url)}</p>`,
  );
  const text = [
    `${label}: ${card.title}`,
    `${card.courseTitle} · ${card.moduleTitle}`,
    ...(card.summary ? [card.summary] : []),
    `${action}: ${url}`,
  ].join('\n');
  return { html, text };
}

/** A number as the reader writes it (Danish decimal comma). */
function numberIn(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(value);
}

/** A goal or initiative card: what it is, where it stands in words, and the village's page. */
function villageCard(card: VillageCard | undefined, w: Words, locale: Locale): Part {
  if (!card) return { html: '', text: '' };
  const goal = card.kind === 'goal';
  const label = goal ? w.villageGoal(card.villageName) : w.initiative(card.villageName);
  const lines: string[] = [];
  if (goal) {
    lines.push(`${w.goalStatus[card.status as GoalStatus] ?? card.status}.`);
    if (card.indicator && card.currentValue !== null) {
      lines.push(
        w.measured(
          card.indicator,
          numberIn(card.currentValue, locale),
          card.targetValue === null ? null : numberIn(card.targetValue, locale),
          card.baseline === null ? null : numberIn(card.baseline, locale),
        ),
      );
    }
  } else {
    lines.push(`${w.initiativeStatus[card.status as InitiativeStatus] ?? card.status}.`);
    if (card.progress !== null) lines.push(w.percentDone(card.progress));
    if (card.milestoneWhat) {
      const date = card.milestoneDate ? dueDay(card.milestoneDate, locale) : null;
      lines.push(w.milestone(card.milestoneWhat, date));
    }
  }
  const sdgHtml = card.sdgs.length
    ? `<p style="margin:0 0 10px;${SMALL}">${escapeHtml(w.sdgs)}: ${card.sdgs
        .map(
          (sdg) =>
            `<span style="display:inline-block;min-width:28px;padding:4px 6px;margin:0 4px 4px 0;border-radius:4px;text-align:center;font-weight:bold;background:${escapeHtml(sdg.colour)};color:${inkOn(sdg.colour)}">${sdg.number}</span>`,
        )
        .join('')}</p>`
    : '';
  const action = w.readPlan(card.villageName);
  const html = box(
    `<p style="margin:0 0 4px;${SMALL};font-weight:bold;text-transform:uppercase;letter-spacing:0.04em">${escapeHtml(label)}</p>
<p style="margin:0 0 6px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3;font-weight:bold;color:#1d2b1f">${escapeHtml(card.title)}</p>
${sdgHtml}<p style="margin:0 0 12px;${BODY}">${escapeHtml(lines.join(' '))}</p>
<p style="margin:0">${button(action, card.pageUrl)}</p>`,
  );
  const text = [
    `${label}: ${card.title}`,
    ...(card.sdgs.length ? [`${w.sdgs}: ${card.sdgs.map((sdg) => sdg.number).join(', ')}`] : []),
    lines.join(' '),
    `${action}: ${card.pageUrl}`,
  ].join('\n');
  return { html, text };
}

/**
 * A village's open questionnaire: its title and a button to answer. A recipient's link carries
 * their personal key (one answer per person); the web version links the public page.
 */
function surveyBox(
  source: RenderSource,
  villageId: string | null,
  purpose: string,
  person: NewsletterRecipient | null,
  w: Words,
): Part {
  const survey = villageId ? source.surveys?.get(`${villageId}:${purpose}`) : undefined;
  if (!survey || !villageId) return { html: '', text: '' };
  const key = person ? personalKey(source.signingSecret, survey.id, person.email) : null;
  const url = `${source.publicUrl}${surveyPublicPath(survey.publicToken)}${key ? `?p=${encodeURIComponent(key)}` : ''}`;
  const label = w.survey(source.villages.get(villageId)?.name ?? '');
  const html = box(
    `<p style="margin:0 0 4px;${SMALL};font-weight:bold;text-transform:uppercase;letter-spacing:0.04em">${escapeHtml(label)}</p>
<p style="margin:0 0 12px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3;font-weight:bold;color:#1d2b1f">${escapeHtml(survey.title)}</p>
<p style="margin:0 0 12px">${button(w.answerSurvey, url)}</p>
${key ? `<p style="margin:0;${SMALL}">${escapeHtml(w.personalLink)}</p>` : ''}`,
  );
  const text = [
    `${label}: ${survey.title}`,
    `${w.answerSurvey}: ${url}`,
    ...(key ? [w.personalLink] : []),
  ].join('\n');
  return { html, text };
}

/** The session box of the village-neutral web version: each village's own time, no links. */
function neutralSessionBox(source: RenderSource, w: Words): Part {
  const live = source.sessions.filter((s) => !s.cancelled);
  if (!live.length) return { html: '', text: '' };
  const lines = live.map(
    (s) => `${s.villageName ?? w.coordinatorCircle}: ${w.when(s.startsAt, s.endsAt)}`,
  );
  const html = `<p style="margin:0 0 4px;${SMALL};font-weight:bold;text-transform:uppercase;letter-spacing:0.04em">${escapeHtml(w.sessionHeading)}</p>
<p style="margin:0 0 6px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3;font-weight:bold;color:#1d2b1f">${escapeHtml(live[0].title)}</p>
<p style="margin:0 0 8px;${BODY}">${escapeHtml(w.eachVillage)}</p>
<ul style="margin:0;padding-left:24px;${BODY}">${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`;
  return {
    html: box(html),
    text: [
      `${w.sessionHeading}: ${live[0].title}`,
      w.eachVillage,
      ...lines.map((l) => `- ${l}`),
    ].join('\n'),
  };
}

function sessionBox(
  session: SessionFacts | null,
  w: Words,
  source: RenderSource,
  villageId: string | null,
  forMember: boolean,
): Part {
  if (!session) return { html: '', text: '' };
  const when = memo(source, `when:${session.id}:${w.sessionHeading}`, () =>
    w.when(session.startsAt, session.endsAt),
  );
  const calendarVillage = villageId ?? session.villageId;
  const calendar = memo(source, `calendar:${calendarVillage ?? ''}`, () =>
    calendarFileUrl(source, source.newsletter.webToken, calendarVillage),
  );
  const page = `${source.publicUrl}/sessions/${session.id}`;
  const lines: string[] = [`${w.sessionHeading}: ${session.title}`, when];
  let html = `<p style="margin:0 0 4px;${SMALL};font-weight:bold;text-transform:uppercase;letter-spacing:0.04em">${escapeHtml(w.sessionHeading)}</p>
<p style="margin:0 0 6px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3;font-weight:bold;color:#1d2b1f">${escapeHtml(session.title)}</p>
<p style="margin:0 0 12px;${BODY}">${escapeHtml(when)}</p>`;
  if (session.joinUrl) {
    html += `<p style="margin:0 0 8px">${button(w.join, session.joinUrl)}</p>
<p style="margin:0 0 12px;${SMALL};word-break:break-all">${escapeHtml(session.joinUrl)}</p>`;
    lines.push(`${w.join}: ${session.joinUrl}`);
  } else {
    html += `<p style="margin:0 0 12px;${SMALL}">${escapeHtml(w.noRoom)}</p>`;
    lines.push(w.noRoom);
  }
  html += `<p style="margin:0;${SMALL}"><a href="${escapeHtml(calendar)}" target="_blank" rel="noopener noreferrer" style="color:#2e6b3f">${escapeHtml(w.addToCalendar)}</a>`;
  lines.push(`${w.addToCalendar}: ${calendar}`);
  if (forMember) {
    html += ` · <a href="${escapeHtml(page)}" target="_blank" rel="noopener noreferrer" style="color:#2e6b3f">${escapeHtml(w.sessionPage)}</a>`;
    lines.push(`${w.sessionPage}: ${page}`);
  }
  html += '</p>';
  return { html: box(html), text: lines.join('\n') };
}

/** The steps a village recorded at its last session: each with owner, due date, done or not. */
function recordedSteps(
  block: { heading?: string },
  last: LastSessionSteps,
  w: Words,
  values: MergeValues,
): Part {
  const heading = mergeText(block.heading?.trim() || w.nextSteps, values);
  const intro = w.fromSession(last.title, last.startsAt);
  const facts = (step: NextStep): string =>
    [
      step.ownerName,
      step.dueDate ? w.stepDue(step.dueDate) : null,
      step.done ? w.stepDone : w.stepOpen,
    ]
      .filter(Boolean)
      .join(' · ');
  const items = last.steps
    .map(
      (step) =>
        `<li style="margin:0 0 6px">${step.done ? '<s>' : ''}${escapeHtml(step.text)}${step.done ? '</s>' : ''}<br><span style="${SMALL}">${escapeHtml(facts(step))}</span></li>`,
    )
    .join('');
  return {
    html: box(
      `<p style="margin:0 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3;font-weight:bold;color:#1d2b1f">${escapeHtml(heading)}</p>
<p style="margin:0 0 8px;${SMALL}">${escapeHtml(intro)}</p>
<ol style="margin:0;padding-left:24px;${BODY}">${items}</ol>`,
    ),
    text: [
      heading,
      intro,
      ...last.steps.map((step, i) => `${i + 1}. ${step.text} (${facts(step)})`),
    ].join('\n'),
  };
}

function nextSteps(
  block: { heading?: string; items: string[] },
  w: Words,
  values: MergeValues,
): Part {
  const heading = mergeText(block.heading?.trim() || w.nextSteps, values);
  const steps = block.items.map((item) => mergeText(item, values));
  const items = steps.map((item) => `<li style="margin:0 0 6px">${escapeHtml(item)}</li>`).join('');
  return {
    html: box(
      `<p style="margin:0 0 8px;font-family:Arial,Helvetica,sans-serif;font-size:19px;line-height:1.3;font-weight:bold;color:#1d2b1f">${escapeHtml(heading)}</p>
<ol style="margin:0;padding-left:24px;${BODY}">${items}</ol>`,
    ),
    text: [heading, ...steps.map((item, i) => `${i + 1}. ${item}`)].join('\n'),
  };
}

/**
 * One copy of a newsletter: subject, a table-based responsive HTML mail (max 600 px, inline
 * styles), the plain-text part and the list headers. Pure: everything comes from `source`.
 */
export function renderCopy(source: RenderSource, copy: CopyFor): RenderedNewsletter {
  const person = copy.person;
  const locale: Locale = copy.locale ?? person?.locale ?? 'da';
  const w = WORDS[locale] ?? WORDS.da;
  const n = source.newsletter;
  const villageId = copy.villageId ?? person?.villageId ?? null;
  const village = villageId ? (source.villages.get(villageId) ?? null) : null;
  const sessionTarget =
    n.targetKind === NewsletterTargetKind.Plan || n.targetKind === NewsletterTargetKind.Session;
  // The village-neutral web version of a cohort-wide session: no one village's time or room.
  const neutral =
    sessionTarget &&
    person === null &&
    village === null &&
    new Set(source.sessions.map((s) => s.villageId)).size > 1;
  const session =
    sessionTarget && !neutral
      ? sessionFor(source.sessions, villageId, person?.sessionId ?? null)
      : null;
  const villageName =
    village?.name ??
    session?.villageName ??
    (session && session.villageId === null ? w.coordinatorCircle : w.yourVillage);
  const values: MergeValues = {
    navn: person?.name.trim() || w.everyone,
    landsby: villageName,
  };
  const subject = mergeText(n.subject, values)
    .replace(/[\r\n]+/g, ' ')
    .trim();
  const preheader = mergeText(n.preheader, values);
  // Signed per village, the same for every copy of it: one HMAC per village, not per copy.
  const webUrl = memo(source, `web:${village?.id ?? ''}`, () =>
    webVersionUrl(source, n.webToken, village?.id ?? null),
  );
  const forMember = person !== null && person.subscriberId === null;

  const parts: Part[] = n.blocks.map((block): Part => {
    switch (block.type) {
      case 'text': {
        const prepared = preparedText(source, block.html);
        return { html: mergeHtml(prepared.html, values), text: mergeText(prepared.text, values) };
      }
      case 'lesson':
      case 'video':
        return lessonCard(
          source.lessons.get(block.lessonId),
          block.type === 'video',
          w,
          source.publicUrl,
        );
      case 'next_steps': {
        const last = block.fromLastSession && villageId ? source.lastSteps?.get(villageId) : null;
        if (last?.steps.length) return recordedSteps(block, last, w, values);
        return block.items.length ? nextSteps(block, w, values) : { html: '', text: '' };
      }
      case 'village_card':
        return villageCard(source.villageCards?.get(`${block.kind}:${block.id}`), w, locale);
      case 'survey':
        return surveyBox(source, villageId, block.purpose, person, w);
      case 'session':
        return neutral
          ? neutralSessionBox(source, w)
          : sessionBox(session, w, source, villageId, forMember);
      default:
        return { html: '', text: '' };
    }
  });

  const headers: Record<string, string> = {};
  let unsubscribeUrl: string | null = null;
  let why = w.why('web', '');
  if (person) {
    const subject = person.subscriberId
      ? { kind: 'subscriber' as const, id: person.subscriberId }
      : person.userId
        ? { kind: 'user' as const, id: person.userId }
        : null;
    if (subject) {
      const token = unsubscribeToken(source.signingSecret, subject);
      headers['List-Unsubscribe'] = `<${source.publicUrl}/api/unsubscribe/${token}>`;
      headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      unsubscribeUrl = `${source.publicUrl}/panel/preferences?token=${encodeURIComponent(token)}`;
    }
    if (person.subscriberId) why = w.why('panel', villageName);
    else if (n.targetKind === NewsletterTargetKind.Course) why = w.why('course', n.targetTitle);
    else why = w.why('member', village?.name ?? session?.villageName ?? '');
  }

  const footerLinks = [
    `<a href="${escapeHtml(webUrl)}" target="_blank" rel="noopener noreferrer" style="color:#2e6b3f">${escapeHtml(w.readOnWeb)}</a>`,
    ...(unsubscribeUrl
      ? [
          `<a href="${escapeHtml(unsubscribeUrl)}" target="_blank" rel="noopener noreferrer" style="color:#2e6b3f">${escapeHtml(w.unsubscribe)}</a>`,
        ]
      : []),
  ].join('<br>');
  const body = parts
    .map((p) => p.html)
    .filter(Boolean)
    .join('\n');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="x-apple-disable-message-reformatting"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f6f1">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;color:transparent">${escapeHtml(preheader)}</div>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="background:#f3f6f1"><tr><td align="center" style="padding:16px 8px">
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:600px;width:100%;background:#ffffff;border-radius:12px"><tr><td style="padding:24px;${BODY}">
<p style="margin:0 0 8px;${SMALL};color:#2e6b3f;font-weight:bold">BLUP Akademiet${village ? ` · ${escapeHtml(village.name)}` : ''}</p>
<h1 style="margin:0 0 20px;font-family:Arial,Helvetica,sans-serif;font-size:24px;line-height:1.3;color:#1d2b1f">${escapeHtml(subject)}</h1>
${body}
</td></tr></table>
<table role="presentation" width="100%" cellspacing="0" cellpadding="0" style="max-width:600px;width:100%"><tr><td style="padding:16px 24px;${SMALL}">
<p style="margin:0 0 8px;${SMALL}">${escapeHtml(why)}</p>
<p style="margin:0;${SMALL}">${footerLinks}</p>
</td></tr></table>
</td></tr></table></body></html>`;

  const textParts = [
    subject,
    '',
    ...parts
      .map((p) => p.text)
      .filter(Boolean)
      .flatMap((t) => [t, '']),
  ];
  textParts.push('-- ', why, `${w.readOnWeb}: ${webUrl}`);
  if (unsubscribeUrl) textParts.push(`${w.unsubscribe}: ${unsubscribeUrl}`);
  return { subject, html, text: textParts.join('\n'), headers, webUrl };
}

import {
  addDays,
  AgendaItemKind,
  AttendanceStatus,
  CIRCLE_TIME_ZONE,
  CircleKind,
  instantOf,
  MaterialKind,
  Phase,
  Role,
  RsvpAnswer,
  SessionStatus,
  wallTimeOf,
  type AgendaItem,
  type Material,
} from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import {
  COORDINATOR_EVERY_DAYS,
  COORDINATOR_FIRST_DAY,
  VILLAGE_SESSION_DAYS,
  weekdayOnOrAfter,
} from './demo-calendar';
import {
  Circle,
  CircleSession,
  SessionAttendance,
  SessionPlan,
  SessionRsvp,
  type Cohort,
  type User,
  type Village,
} from '../database/entities';

/**
 * Demo study circles for every demo cohort: a village circle per village and a coordinator
 * circle, 12 village sessions and 6 coordinator sessions each, on the demo calendar
 * (demo-calendar.ts): relative to the moment of seeding, so the running cohort always has held
 * sessions (with attendance, notes and next steps) and upcoming ones (with answers).
 */

interface Topic {
  title: string;
  phase: Phase;
  topic: string;
}

/** Next steps the demo villages agree at their held sessions, one each, in turn. */
const DEMO_VILLAGE_STEPS = [
  'Spørg tre naboer, hvad de savner i landsbyen',
  'Book forsamlingshuset til fremtidsværkstedet',
  'Lav et opslag til landsbyens Facebook-gruppe',
  'Tal med borgerforeningen om spørgeskemaet',
  'Find to unge, der vil være med i styregruppen',
];

export const DEMO_VILLAGE_TOPICS: readonly Topic[] = [
  {
    phase: Phase.Mobilisation,
    title: 'Velkommen i studiekredsen',
    topic: 'BLUP som værktøj, og hvordan vi arbejder sammen',
  },
  {
    phase: Phase.Mobilisation,
    title: 'Sådan får I flere frivillige med',
    topic: 'Mobilisering af frivillige',
  },
  {
    phase: Phase.Mobilisation,
    title: 'Borgerpanelet',
    topic: 'Sådan samler I landsbyens borgerpanel',
  },
  {
    phase: Phase.Mapping,
    title: 'Data fra kommunen',
    topic: 'Hvad fortæller tallene om jeres landsby?',
  },
  {
    phase: Phase.Mapping,
    title: 'Spørgeskemaet',
    topic: 'Spørgeskemaundersøgelse i lokalsamfundet',
  },
  {
    phase: Phase.Mapping,
    title: 'Foreninger, institutioner og erhverv',
    topic: 'Hvem skal I tale med?',
  },
  {
    phase: Phase.Facilitation,
    title: 'Forbered fremtidsværkstedet',
    topic: 'Program, roller og lokaler',
  },
  { phase: Phase.Facilitation, title: 'At facilitere', topic: 'Sådan leder I en god proces' },
  { phase: Phase.Facilitation, title: 'Invitationen', topic: 'Sådan inviterer I hele landsbyen' },
  { phase: Phase.Organisation, title: 'Storytelling', topic: 'Fortællingen om jeres landsby' },
  { phase: Phase.Organisation, title: 'Rapporten', topic: 'Sådan skriver I udviklingsplanen' },
  { phase: Phase.Organisation, title: 'Årshjul og konferencen', topic: 'Organisering efter BLUP' },
];

export const DEMO_COORDINATOR_TOPICS: readonly Topic[] = [
  {
    phase: Phase.Mobilisation,
    title: 'Kommunens rolle i BLUP',
    topic: 'Kontaktperson, aftaler og forventninger',
  },
  {
    phase: Phase.Mapping,
    title: 'Data til kortlægningen',
    topic: 'Hvilke data kan kommunen give landsbyerne?',
  },
  { phase: Phase.Facilitation, title: 'Fremtidsværkstederne', topic: 'Hvordan kommunen bakker op' },
  { phase: Phase.Facilitation, title: 'Projekter og partnerskaber', topic: 'Fra idé til handling' },
  {
    phase: Phase.Organisation,
    title: 'Organisering efter BLUP',
    topic: 'Hvem tager over, når processen slutter?',
  },
  { phase: Phase.Organisation, title: 'Erfaringer og næste hold', topic: 'Hvad tager vi med?' },
];

const AGENDA: readonly AgendaItem[] = [
  { kind: AgendaItemKind.Inspiration, title: 'Inspirationsoplæg', minutes: 20 },
  { kind: AgendaItemKind.Discussion, title: 'Drøftelse', minutes: 30 },
  { kind: AgendaItemKind.KnowledgeSharing, title: 'Videndeling mellem landsbyerne', minutes: 25 },
  { kind: AgendaItemKind.Coordination, title: 'Koordinering og næste skridt', minutes: 15 },
];

const DAY = 86_400_000;

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface Series {
  kind: CircleKind;
  topics: readonly Topic[];
  /** Copenhagen date of each session, in topic order. */
  days: string[];
  time: string;
  minutes: number;
}

export interface DemoCirclesResult {
  circles: number;
  sessions: number;
}

/** Writes circles, plans, sessions, answers and attendance for the demo cohorts. */
export async function writeDemoCircles(
  em: EntityManager,
  cohorts: Cohort[],
  villages: Village[],
  people: User[],
  now = new Date(),
): Promise<DemoCirclesResult> {
  const facilitators = people.filter((p) => p.role === Role.Secretariat);
  const lessonByPhase = await demoLessons(em);
  let circleCount = 0;
  let sessionCount = 0;

  for (const [index, cohort] of cohorts.entries()) {
    const facilitator = facilitators[index % facilitators.length] ?? null;
    const inCohort = villages.filter((v) => v.cohortId === cohort.id);
    if (!inCohort.length) continue;
    const circles = await em.getRepository(Circle).save([
      ...inCohort.map((v) =>
        em.create(Circle, {
          cohortId: cohort.id,
          kind: CircleKind.Village,
          villageId: v.id,
          facilitatorId: facilitator?.id ?? null,
          roomUrl: `https://meet.jit.si/blup-demo-${slug(v.name)}`,
          archivedAt: null,
        }),
      ),
      em.create(Circle, {
        cohortId: cohort.id,
        kind: CircleKind.Coordinator,
        villageId: null,
        facilitatorId: facilitator?.id ?? null,
        roomUrl: `https://meet.jit.si/blup-demo-koordinatorer-${slug(cohort.name)}`,
        archivedAt: null,
      }),
    ]);
    circleCount += circles.length;

    // The cohort's start is its first village session; the coordinators meet from that week.
    const start = cohort.startDate;
    const firstTuesday = weekdayOnOrAfter(addDays(start, COORDINATOR_FIRST_DAY), 2);
    const series: Series[] = [
      {
        kind: CircleKind.Village,
        topics: DEMO_VILLAGE_TOPICS,
        days: VILLAGE_SESSION_DAYS.map((d) => addDays(start, d)),
        time: '19:00',
        minutes: 90,
      },
      {
        kind: CircleKind.Coordinator,
        topics: DEMO_COORDINATOR_TOPICS,
        days: DEMO_COORDINATOR_TOPICS.map((_, n) =>
          addDays(firstTuesday, n * COORDINATOR_EVERY_DAYS),
        ),
        time: '14:00',
        minutes: 90,
      },
    ];

    for (const s of series) {
      const kindCircles = circles.filter((c) => c.kind === s.kind);
      for (const [n, topic] of s.topics.entries()) {
        const startsAt = instantOf(s.days[n], s.time, CIRCLE_TIME_ZONE);
        const endsAt = new Date(startsAt.getTime() + s.minutes * 60_000);
        const materials = materialsFor(topic.phase, lessonByPhase);
        const plan = await em.getRepository(SessionPlan).save(
          em.create(SessionPlan, {
            cohortId: cohort.id,
            circleKind: s.kind,
            title: topic.title,
            phase: topic.phase,
            topic: topic.topic,
            startsAt,
            endsAt,
            agenda: [...AGENDA],
            materials,
          }),
        );
        const isPast = endsAt.getTime() < now.getTime();
        // Steps agreed before the last held session are done; the last one's are still open.
        const following = s.days[n + 1] ? instantOf(s.days[n + 1], s.time, CIRCLE_TIME_ZONE) : null;
        const lastHeld = isPast && (!following || following.getTime() > now.getTime());
        const sessions = await em.getRepository(CircleSession).save(
          kindCircles.map((c, i) =>
            em.create(CircleSession, {
              circleId: c.id,
              planId: plan.id,
              title: topic.title,
              phase: topic.phase,
              topic: topic.topic,
              startsAt,
              endsAt,
              agenda: [...AGENDA],
              materials,
              meetingUrl: null,
              status: isPast ? SessionStatus.Held : SessionStatus.Planned,
              notes: isPast
                ? 'God snak om, hvem vi mangler at få med. Vi deler oplægget med styregruppen.'
                : '',
              nextSteps: isPast
                ? [
                    {
                      text: 'Send referat til styregruppen',
                      ownerId: null,
                      ownerName: 'Koordinationsgruppen',
                      dueDate: addDays(wallTimeOf(endsAt, CIRCLE_TIME_ZONE).date, 7),
                      done: true,
                    },
                    {
                      // Each village agrees its own next step, so each newsletter copy differs.
                      text: DEMO_VILLAGE_STEPS[(i + n) % DEMO_VILLAGE_STEPS.length],
                      ownerId: null,
                      ownerName: 'Styregruppen',
                      dueDate: addDays(wallTimeOf(endsAt, CIRCLE_TIME_ZONE).date, 14),
                      done: !lastHeld,
                    },
                  ]
                : [],
              sequence: 0,
              timesAdjusted: false,
              contentAdjusted: false,
              cancelledAt: null,
            }),
          ),
        );
        sessionCount += sessions.length;
        await writeParticipation(em, sessions, kindCircles, villages, people, isPast, facilitator);
      }
    }
  }
  return { circles: circleCount, sessions: sessionCount };
}

/** Attendance for held sessions (one member excused now and then); answers for upcoming ones. */
async function writeParticipation(
  em: EntityManager,
  sessions: CircleSession[],
  circles: Circle[],
  villages: Village[],
  people: User[],
  isPast: boolean,
  facilitator: User | null,
): Promise<void> {
  const attendance: SessionAttendance[] = [];
  const answers: SessionRsvp[] = [];
  for (const session of sessions) {
    const circle = circles.find((c) => c.id === session.circleId);
    if (!circle) continue;
    const municipalityIds = new Set(
      villages.filter((v) => v.cohortId === circle.cohortId).map((v) => v.municipalityId),
    );
    const members = people.filter((p) =>
      circle.kind === CircleKind.Village
        ? p.role === Role.SteeringMember && p.villageId === circle.villageId
        : p.role === Role.Coordinator && municipalityIds.has(p.municipalityId ?? ''),
    );
    for (const [i, member] of members.entries()) {
      if (isPast) {
        attendance.push(
          em.create(SessionAttendance, {
            sessionId: session.id,
            userId: member.id,
            status:
              i === members.length - 1 && members.length > 2
                ? AttendanceStatus.Excused
                : AttendanceStatus.Present,
            recordedById: facilitator?.id ?? null,
            recordedAt: session.endsAt,
          }),
        );
      } else if (i % 3 !== 2 && session.startsAt.getTime() - Date.now() < 30 * DAY) {
        answers.push(
          em.create(SessionRsvp, {
            sessionId: session.id,
            userId: member.id,
            answer: i % 3 === 0 ? RsvpAnswer.Yes : RsvpAnswer.Maybe,
            answeredAt: new Date(),
          }),
        );
      }
    }
  }
  if (attendance.length) await em.getRepository(SessionAttendance).save(attendance);
  if (answers.length) await em.getRepository(SessionRsvp).save(answers);
}

/** One lesson of the BLUP course per phase, to link as session material. */
async function demoLessons(em: EntityManager): Promise<Map<string, { id: string; title: string }>> {
  const rows = await em.query<{ id: string; title: string; phase: string }[]>(
    `SELECT DISTINCT ON (m.phase) l.id, l.title, m.phase
       FROM lessons l JOIN course_modules m ON m.id = l.module_id
      WHERE m.phase IS NOT NULL AND l.kind = 'video'
      ORDER BY m.phase, m.position, l.position`,
  );
  return new Map(rows.map((r) => [r.phase, { id: r.id, title: r.title }]));
}

function materialsFor(
  phase: Phase,
  lessons: Map<string, { id: string; title: string }>,
): Material[] {
  const lesson = lessons.get(phase);
  return lesson
    ? [
        {
          kind: MaterialKind.Lesson,
          title: lesson.title,
          url: `/lessons/${lesson.id}`,
          lessonId: lesson.id,
        },
      ]
    : [];
}

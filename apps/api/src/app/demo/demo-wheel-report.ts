import { WheelFrequency, type WheelActivity, type WheelContent } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import type { User, Village } from '../database/entities';
import { wheelKind } from '../plans/kinds/wheel.kind';
import { generateReport, toReportSurvey } from '../plans/report-draft';
import {
  findReportFocusAreas,
  findReportGoals,
  findReportIdeaLists,
  findReportSessions,
  findReportSurveys,
} from '../plans/wheel-report.queries';

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

const activity = (a: Partial<WheelActivity> & Pick<WheelActivity, 'id' | 'title' | 'who'>) => ({
  months: [1],
  day: null,
  frequency: WheelFrequency.Yearly,
  startTime: null,
  endTime: null,
  place: '',
  note: '',
  ...a,
});

/** Glumsø og Omegn's year, as its steering group drew it (invented, plausible). */
export const GLUMSO_WHEEL: WheelContent = {
  activities: [
    activity({
      id: 'generalforsamling',
      title: 'Generalforsamling i borgerforeningen',
      who: 'Borgerforeningen',
      months: [2],
      day: { kind: 'weekday', weekday: 'TH', nth: -1 },
      startTime: '19:00',
      endTime: '21:30',
      place: 'Glumsø Forsamlingshus',
    }),
    activity({
      id: 'affald',
      title: 'Affaldsindsamling langs vejene',
      who: 'Grundejerforeningen',
      months: [4],
      day: { kind: 'weekday', weekday: 'SU', nth: 1 },
      startTime: '10:00',
      endTime: '13:00',
      place: 'Start ved stationen',
      note: 'Kommunen leverer poser og handsker.',
    }),
    activity({
      id: 'faellesspisning',
      title: 'Fællesspisning',
      who: 'Forsamlingshusets bestyrelse',
      months: [1, 2, 3, 4, 5, 9, 10, 11, 12],
      frequency: WheelFrequency.Monthly,
      day: { kind: 'weekday', weekday: 'TH', nth: 2 },
      startTime: '18:00',
      endTime: '20:00',
      place: 'Glumsø Forsamlingshus',
    }),
    activity({
      id: 'loebeklub',
      title: 'Løbeklub for alle',
      who: 'Glumsø IF',
      months: [5, 6, 7, 8],
      frequency: WheelFrequency.Weekly,
      day: { kind: 'weekday', weekday: 'TU', nth: null },
      startTime: '18:30',
      place: 'Hallen',
    }),
    activity({
      id: 'sankthans',
      title: 'Sankthans ved søen',
      who: 'Borgerforeningen',
      months: [6],
      day: { kind: 'date', day: 23 },
      startTime: '20:00',
      endTime: '23:00',
      place: 'Glumsø Sø',
    }),
    activity({
      id: 'byfest',
      title: 'Byfest',
      who: 'Byfestudvalget',
      months: [8],
      day: { kind: 'weekday', weekday: 'SA', nth: 3 },
      place: 'Skolens boldbane',
    }),
    activity({
      id: 'styregruppe',
      title: 'Styregruppemøde',
      who: 'Styregruppen',
      months: ALL_MONTHS,
      frequency: WheelFrequency.Monthly,
      day: { kind: 'weekday', weekday: 'MO', nth: 1 },
      startTime: '19:30',
      endTime: '21:00',
      place: 'Biblioteket',
    }),
    activity({
      id: 'julemarked',
      title: 'Julemarked og juletræstænding',
      who: 'Handelsstandsforeningen',
      months: [11],
      day: { kind: 'weekday', weekday: 'SU', nth: -1 },
      place: 'Torvet',
    }),
    activity({
      id: 'budget',
      title: 'Ansøgning til landdistriktspuljen',
      who: 'Kassereren',
      months: [9],
      note: 'Fristen følger kommunens opslag.',
    }),
  ],
};

/**
 * The annual wheel and report for the demo: Glumsø og Omegn has a published wheel (version 1,
 * nine activities, most recurring) and a draft report for this year (2026 as the demo is
 * written; its dates are relative to now), made by the same code as "Lav udkast" from the
 * demo's goals, initiatives and sessions. Runs after `writeDemoPlans`, which gave the village
 * its public page.
 */
export async function writeDemoWheelReport(
  em: EntityManager,
  villages: Village[],
  people: User[],
  year = Number(
    new Date().toLocaleString('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' }),
  ),
): Promise<{ documents: number }> {
  const glumso = villages.find((v) => v.name === 'Glumsø og Omegn');
  if (!glumso) throw new Error('The demo wheel needs the village "Glumsø og Omegn".');
  const group = people.find((p) => p.villageId === glumso.id && p.coordinationGroup) ?? null;
  const parsed = wheelKind.parse(GLUMSO_WHEEL);
  if (!parsed.ok) throw new Error(`The demo wheel is invalid: ${JSON.stringify(parsed.details)}`);

  const [wheel] = (await em.query(
    `INSERT INTO village_documents (village_id, kind, draft, revision, published_version, updated_by, updated_at)
     VALUES ($1, 'wheel', $2, 1, NULL, $3, now() - interval '12 days') RETURNING id`,
    [glumso.id, JSON.stringify(parsed.content), group?.id ?? null],
  )) as { id: string }[];
  await em.query(
    `INSERT INTO village_document_versions (document_id, version, revision, content, published_by, published_at)
     VALUES ($1, 1, 1, $2, $3, now() - interval '11 days')`,
    [wheel.id, JSON.stringify(parsed.content), group?.id ?? null],
  );
  await em.query(`UPDATE village_documents SET published_version = 1 WHERE id = $1`, [wheel.id]);
  const added = parsed.content.activities.map((a) => `Aktiviteten »${a.title}« tilføjet`);
  await em.query(
    `INSERT INTO village_document_changes (document_id, revision, summary, changed_by, changed_at)
     VALUES ($1, 1, $2, $3, now() - interval '12 days'),
            ($1, 1, 'Version 1 offentliggjort', $3, now() - interval '11 days')`,
    [wheel.id, `Årshjulet påbegyndt: ${added.join('; ')}`.slice(0, 500), group?.id ?? null],
  );

  const sections = generateReport({
    villageName: glumso.name,
    year,
    goals: await findReportGoals(em, glumso.id, year),
    focusAreas: await findReportFocusAreas(em, glumso.id, year),
    sessions: await findReportSessions(em, glumso.id, year),
    surveys: (await findReportSurveys(em, glumso.id, year)).map(toReportSurvey),
    ideaLists: await findReportIdeaLists(em, glumso.id, year),
  });
  const [report] = (await em.query(
    `INSERT INTO village_documents (village_id, kind, year, draft, revision, updated_by, updated_at)
     VALUES ($1, 'report', $2, $3, 1, $4, now() - interval '2 days') RETURNING id`,
    [glumso.id, year, JSON.stringify({ sections }), group?.id ?? null],
  )) as { id: string }[];
  await em.query(
    `INSERT INTO village_document_changes (document_id, revision, summary, changed_by, changed_at)
     VALUES ($1, 1, $2, $3, now() - interval '2 days')`,
    [report.id, `Udkast lavet ud fra landsbyens data for ${year}`, group?.id ?? null],
  );
  return { documents: 2 };
}

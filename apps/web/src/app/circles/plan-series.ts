import {
  addDays,
  type AgendaItem,
  AgendaItemKind,
  CircleKind,
  Phase,
  type PlanSessionInput,
} from '@blup/contracts';
import { sessionSpan } from './session-times';

/** The modules a cohort's sessions are spread over, in order. */
export const PLAN_PHASES: readonly Phase[] = [
  Phase.Mobilisation,
  Phase.Mapping,
  Phase.Facilitation,
  Phase.Organisation,
];

/** What the secretariat fills in to plan a series of sessions. */
export interface SeriesInput {
  circleKind: CircleKind;
  /** `YYYY-MM-DD`, Danish date. */
  firstDate: string;
  /** `HH:mm`, Danish time. */
  startTime: string;
  durationMinutes: number;
  everyWeeks: number;
  count: number;
  /** `{n}` becomes the session's number, from 1. */
  titlePattern: string;
}

/** One row of the editable preview. */
export interface PlanRow {
  date: string;
  time: string;
  durationMinutes: number;
  title: string;
  phase: Phase;
  topic: string;
}

/** Session `index` of `count`, spread evenly over the four modules (12 → 3 per module). */
export function phaseFor(index: number, count: number): Phase {
  const slot = Math.floor((index * PLAN_PHASES.length) / Math.max(count, 1));
  return PLAN_PHASES[Math.min(slot, PLAN_PHASES.length - 1)];
}

/** The rows a series gives: every `everyWeeks` weeks from the first date, at the same wall-clock time. */
export function seriesRows(input: SeriesInput): PlanRow[] {
  const count = Math.max(0, Math.floor(input.count));
  return Array.from({ length: count }, (_, index) => ({
    date: addDays(input.firstDate, index * 7 * input.everyWeeks),
    time: input.startTime,
    durationMinutes: input.durationMinutes,
    title: input.titlePattern.replaceAll('{n}', String(index + 1)).trim(),
    phase: phaseFor(index, count),
    topic: '',
  }));
}

/** The request body for the rows: each time with the Copenhagen offset of its own date. */
export function planInputs(
  circleKind: CircleKind,
  rows: readonly PlanRow[],
  agenda: readonly AgendaItem[],
): PlanSessionInput[] {
  return rows.map((row) => ({
    circleKind,
    title: row.title,
    phase: row.phase,
    ...(row.topic.trim() ? { topic: row.topic.trim() } : {}),
    ...sessionSpan(row.date, row.time, row.durationMinutes),
    agenda: agenda.map((item) => ({ ...item })),
  }));
}

/** A first agenda for a two-hour study circle; the secretariat edits it. */
export function defaultAgenda(
  kind: CircleKind,
  titles: Record<AgendaItemKind, string>,
): AgendaItem[] {
  const item = (k: AgendaItemKind, minutes: number): AgendaItem => ({
    kind: k,
    title: titles[k],
    minutes,
  });
  return kind === CircleKind.Village
    ? [
        item(AgendaItemKind.Inspiration, 20),
        item(AgendaItemKind.Discussion, 45),
        item(AgendaItemKind.KnowledgeSharing, 30),
        item(AgendaItemKind.Coordination, 15),
      ]
    : [item(AgendaItemKind.KnowledgeSharing, 45), item(AgendaItemKind.Coordination, 45)];
}

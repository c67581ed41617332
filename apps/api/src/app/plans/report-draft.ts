import {
  GoalStatus,
  InitiativeStatus,
  PLAN_LIMITS,
  type ReportContent,
  type ReportSection,
} from '@blup/contracts';
import { MONTHS_DA } from './kinds/wheel.kind';
import { editedByHand } from './kinds/report.kind';

/** A goal as the report tells it: its status at the year's end and its updates in the year. */
export interface ReportGoal {
  title: string;
  statusAtEnd: GoalStatus;
  updates: { date: string; status: GoalStatus; note: string; value: number | null }[];
}

/** A study-circle session the village's circle held in the year, with who was there. */
export interface ReportSession {
  date: string;
  title: string;
  present: number;
}

/**
 * An initiative as the report tells it: as it stands when the draft is made (initiatives keep no
 * history), and whether it was created in the year, last changed in it, or last changed before
 * it (null: changed after the year, so whether it changed in it is not known).
 */
export interface ReportInitiative {
  title: string;
  status: InitiativeStatus;
  progress: number;
  milestoneWhat: string | null;
  milestoneDate: string | null;
  inYear: 'created' | 'changed' | 'unchanged' | null;
  /** The titles of the goals it serves. */
  goals: string[];
}

/** A focus area with its weighted roll-up (null without initiatives) and its initiatives. */
export interface ReportFocusArea {
  name: string;
  progress: number | null;
  initiatives: ReportInitiative[];
}

export interface ReportData {
  villageName: string;
  year: number;
  goals: ReportGoal[];
  focusAreas: ReportFocusArea[];
  sessions: ReportSession[];
}

const STATUS_DA: Record<GoalStatus, string> = {
  [GoalStatus.Idea]: 'idé',
  [GoalStatus.InProgress]: 'i gang',
  [GoalStatus.OnTrack]: 'på vej',
  [GoalStatus.Reached]: 'nået',
  [GoalStatus.Paused]: 'sat på pause',
};

const INITIATIVE_STATUS_DA: Record<InitiativeStatus, string> = {
  [InitiativeStatus.Idea]: 'idé',
  [InitiativeStatus.Planned]: 'planlagt',
  [InitiativeStatus.InProgress]: 'i gang',
  [InitiativeStatus.Done]: 'gennemført',
  [InitiativeStatus.Paused]: 'sat på pause',
};

/** "2026-03-04" as "4. marts". */
export function dateDa(date: string): string {
  const [, month, day] = date.split('-').map(Number);
  return `${day}. ${MONTHS_DA[month - 1]}`;
}

const number = (n: number): string => String(n).replace('.', ',');

function clipText(text: string): string {
  const max = PLAN_LIMITS.sectionTextMaxLength;
  const tail = '\n\n… (listen er forkortet her)';
  return text.length <= max ? text : `${text.slice(0, max - tail.length)}${tail}`;
}

function goalsText({ goals, year }: ReportData): string {
  if (!goals.length) return `Landsbyen havde ingen mål registreret i ${year}.`;
  const updates = goals.reduce((sum, goal) => sum + goal.updates.length, 0);
  const head =
    `${goals.length} mål; ` +
    `${updates} ${updates === 1 ? 'opdatering' : 'opdateringer'} i ${year}.`;
  const parts = goals.map((goal) => {
    const line = `${goal.title} (${STATUS_DA[goal.statusAtEnd]} ved årets udgang)`;
    if (!goal.updates.length) return `${line}: ingen opdateringer i ${year}.`;
    const steps = goal.updates.map((u) => {
      const value = u.value === null ? '' : ` (værdi ${number(u.value)})`;
      const note = u.note ? `: ${u.note.replace(/\s*\n+\s*/g, ' ')}` : '';
      return `• ${dateDa(u.date)}: ${STATUS_DA[u.status]}${value}${note}`;
    });
    return `${line}:\n${steps.join('\n')}`;
  });
  return clipText([head, ...parts].join('\n\n'));
}

function initiativesText({ focusAreas, year }: ReportData): string {
  const all = focusAreas.flatMap((area) => area.initiatives);
  if (!all.length) {
    return `Landsbyen havde ingen initiativer registreret i ${year}. Skriv her, hvis I arbejdede med nogen uden for platformen.`;
  }
  const created = all.filter((i) => i.inYear === 'created').length;
  const changed = all.filter((i) => i.inYear === 'changed').length;
  const areas = focusAreas.length;
  const head =
    `${areas} ${areas === 1 ? 'indsatsområde' : 'indsatsområder'} med ` +
    `${all.length} ${all.length === 1 ? 'initiativ' : 'initiativer'}: ` +
    `${created} ${created === 1 ? 'nyt' : 'nye'} og ${changed} ${changed === 1 ? 'ændret' : 'ændrede'} i ${year}. ` +
    'Status og fremdrift er, som de stod, da udkastet blev lavet.';
  const parts = focusAreas.map((area) => {
    if (!area.initiatives.length) return `${area.name}: ingen initiativer i ${year}.`;
    const progress = area.progress === null ? '' : ` (${number(area.progress)} % samlet, vægtet)`;
    const items = area.initiatives.map((i) => {
      const mark =
        i.inYear === 'created'
          ? ` (nyt i ${year})`
          : i.inYear === 'changed'
            ? ` (ændret i ${year})`
            : '';
      const when = i.milestoneDate
        ? `, ${dateDa(i.milestoneDate)} ${i.milestoneDate.slice(0, 4)}`
        : '';
      const milestone = i.milestoneWhat ? ` Næste milepæl: ${i.milestoneWhat}${when}.` : '';
      const goals = i.goals.length ? ` Mål: ${i.goals.join('; ')}.` : '';
      return `• ${i.title}${mark}: ${INITIATIVE_STATUS_DA[i.status]}, ${i.progress} %.${milestone}${goals}`;
    });
    return [`${area.name}${progress}:`, ...items].join('\n');
  });
  return clipText([head, ...parts].join('\n\n'));
}

function sessionsText({ sessions, year }: ReportData): string {
  if (!sessions.length) return `Landsbyens studiekreds holdt ingen møder i ${year}.`;
  const present = sessions.reduce((sum, s) => sum + s.present, 0);
  const head =
    `${sessions.length} ${sessions.length === 1 ? 'studiekredsmøde' : 'studiekredsmøder'} holdt i ${year}, ` +
    `i alt ${present} fremmødte.`;
  const lines = sessions.map((s) => `• ${dateDa(s.date)}: ${s.title}, ${s.present} til stede`);
  return clipText(`${head}\n\n${lines.join('\n')}`);
}

/**
 * The report's sections as "Lav udkast" makes them from the village's data for the year. The
 * gatherings and survey results are not in the platform yet: their sections say so in the text,
 * so nobody takes an empty section for an empty year. The initiatives section names no people
 * (the report can be published; the public page names nobody either).
 */
export function generateReport(data: ReportData): ReportSection[] {
  const section = (id: string, title: string, text: string): ReportSection => ({
    id,
    title,
    text,
    generated: text,
  });
  return [
    section(
      'intro',
      `Årsrapport ${data.year}`,
      `Årsrapporten for ${data.villageName} samler, hvad landsbyen arbejdede med i ${data.year}: målene og deres fremskridt, initiativerne og studiekredsens møder. Udkastet er lavet ud fra landsbyens data på BLUP Akademiet; styregruppen retter og supplerer det, før det offentliggøres.`,
    ),
    section('goals', 'Landsbymål', goalsText(data)),
    section('initiatives', 'Initiativer', initiativesText(data)),
    section('sessions', 'Studiekredsens møder', sessionsText(data)),
    section(
      'gatherings',
      'Borgermøder og arrangementer',
      'Platformen registrerer endnu ikke landsbyens borgermøder og arrangementer. Skriv her, hvilke I holdt, og hvor mange der kom.',
    ),
    section(
      'surveys',
      'Spørgeskemaer',
      'Spørgeskemaer er ikke bygget på platformen endnu; resultaterne kommer med her, når de er. Har I selv spurgt borgerne, så skriv resultaterne her.',
    ),
  ];
}

/**
 * Makes the draft again without throwing edits away: a generated section nobody touched is
 * replaced by the fresh one; one rewritten by hand stays as it is (unless `replaceEdited`);
 * sections the village added itself always stay. New generated sections join at the end.
 */
export function mergeReport(
  current: ReportContent,
  fresh: ReportSection[],
  replaceEdited: boolean,
): { content: ReportContent; keptEdited: string[] } {
  const byId = new Map(fresh.map((s) => [s.id, s]));
  const keptEdited: string[] = [];
  const sections = current.sections.map((section) => {
    const next = byId.get(section.id);
    if (!next || section.generated === null) return section;
    byId.delete(section.id);
    if (editedByHand(section) && !replaceEdited) {
      keptEdited.push(section.title);
      return section;
    }
    return next;
  });
  for (const section of fresh) {
    if (byId.has(section.id) && !current.sections.some((s) => s.id === section.id)) {
      sections.push(section);
    }
  }
  return { content: { sections }, keptEdited };
}

import {
  GoalStatus,
  InitiativeStatus,
  QuestionKind,
  PLAN_LIMITS,
  type ReportContent,
  type ReportSection,
  type SurveyPageDto,
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

/**
 * A published result of a survey question (the village chose to show it on its public page), over
 * the answers sent in the year: the options' counts (choice questions) or the values' (a scale).
 */
export interface ReportSurveyQuestion {
  title: string;
  kind: QuestionKind;
  /** Respondents in the year who answered it. */
  answered: number;
  /** Options by label with their counts, most chosen first (choice questions). */
  options: { label: string; count: number }[];
  /** The scale's mean, or null. */
  mean: number | null;
}

/** A survey as `findReportSurveys` reads it: its pages and the published questions' counts. */
export interface ReportSurveyRow {
  title: string;
  pages: SurveyPageDto[];
  responses: number;
  firstDate: string;
  lastDate: string;
  counts: { questionId: string; optionId: string | null; number: number | null; count: number }[];
  /** Question id → respondents in the year who answered it. */
  answered: Record<string, number>;
}

/** The kinds whose published result the report can tell in a line. */
const REPORTED_KINDS = new Set([
  QuestionKind.SingleChoice,
  QuestionKind.MultipleChoice,
  QuestionKind.Scale,
]);

/** A survey's row as the report tells it: its published choice and scale questions, in order. */
export function toReportSurvey(row: ReportSurveyRow): ReportSurvey {
  const questions = row.pages.flatMap((page) => page.questions);
  const published = questions
    .filter((q) => q.published && !q.personalData && REPORTED_KINDS.has(q.kind))
    .map((q): ReportSurveyQuestion => {
      const counts = row.counts.filter((c) => c.questionId === q.id);
      const answered = row.answered[q.id] ?? 0;
      if (q.kind === QuestionKind.Scale) {
        const values = counts.filter((c) => c.number !== null);
        const total = values.reduce((sum, c) => sum + c.count, 0);
        const sum = values.reduce((acc, c) => acc + (c.number as number) * c.count, 0);
        const mean = total ? Math.round((sum / total) * 10) / 10 : null;
        return { title: q.title, kind: q.kind, answered, options: [], mean };
      }
      const options = q.options
        .map((o) => ({
          label: o.label,
          count: counts.find((c) => c.optionId === o.id)?.count ?? 0,
        }))
        .filter((o) => o.count > 0)
        .sort((a, b) => b.count - a.count);
      return { title: q.title, kind: q.kind, answered, options, mean: null };
    });
  const { title, responses, firstDate, lastDate } = row;
  return { title, responses, firstDate, lastDate, published };
}

/** A survey of the village that took answers in the year. */
export interface ReportSurvey {
  title: string;
  responses: number;
  firstDate: string;
  lastDate: string;
  published: ReportSurveyQuestion[];
}

/** An idea list of the village that was made or voted on in the year, as it stands now. */
export interface ReportIdeaList {
  title: string;
  /** Phones that placed dots in the year. */
  voters: number;
  /** The ideas with most dots (online and paper), most first. */
  top: { title: string; dots: number }[];
  /** Ideas that became initiatives. */
  chosen: number;
}

export interface ReportData {
  villageName: string;
  year: number;
  goals: ReportGoal[];
  focusAreas: ReportFocusArea[];
  sessions: ReportSession[];
  surveys: ReportSurvey[];
  ideaLists: ReportIdeaList[];
  /** The village's gatherings held in the year (issue 16); left out, the section asks for them. */
  gatherings?: ReportGathering[];
}

/** A gathering the village held in the year, with how many came (checked in) and registered. */
export interface ReportGathering {
  /** YYYY-MM-DD, Danish time. */
  date: string;
  title: string;
  checkedIn: number;
  registered: number;
}

/** The gatherings section: how many, how many came, and each with its numbers. */
export function gatheringsText(data: Pick<ReportData, 'gatherings' | 'year'>): string {
  const list = data.gatherings;
  if (list === undefined) {
    return 'Platformen registrerer endnu ikke landsbyens borgermøder og arrangementer. Skriv her, hvilke I holdt, og hvor mange der kom.';
  }
  if (list.length === 0) {
    return `Landsbyen holdt ingen møder eller arrangementer på platformen i ${data.year}. Skriv her, hvis I holdt nogen uden for platformen.`;
  }
  const came = list.reduce((n, g) => n + g.checkedIn, 0);
  const head = `${list.length} ${list.length === 1 ? 'møde eller arrangement' : 'møder og arrangementer'} i ${data.year}; ${came} ${came === 1 ? 'deltager' : 'deltagere'} tjekkede ind.`;
  const lines = list.map(
    (g) => `• ${dateDa(g.date)}: ${g.title} (${g.checkedIn} kom, ${g.registered} tilmeldt)`,
  );
  return clipText(`${head}\n\n${lines.join('\n')}`);
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

const percentOf = (count: number, of: number): string =>
  of ? `${number(Math.round((count / of) * 100))} %` : '0 %';

function surveyQuestionText(q: ReportSurveyQuestion): string {
  const of = `(${q.answered} svar)`;
  if (q.kind === QuestionKind.Scale) {
    const mean = q.mean === null ? 'ingen svar' : `gennemsnit ${number(q.mean)} af 5`;
    return `  ${q.title}: ${mean} ${of}`;
  }
  if (!q.options.length) return `  ${q.title}: ingen svar`;
  const top = q.options
    .slice(0, 3)
    .map((o) => `${o.label} ${percentOf(o.count, q.answered)}`)
    .join(', ');
  return `  ${q.title}: ${top} ${of}`;
}

function surveysText({ surveys, ideaLists, year }: ReportData): string {
  if (!surveys.length && !ideaLists.length) {
    return `Landsbyen havde ingen spørgeskemaer eller idéafstemninger på platformen i ${year}. Har I spurgt borgerne på anden vis, så skriv resultaterne her.`;
  }
  const parts: string[] = [];
  if (surveys.length) {
    const answers = surveys.reduce((sum, survey) => sum + survey.responses, 0);
    const lines = surveys.map((survey) => {
      const when =
        survey.firstDate === survey.lastDate
          ? dateDa(survey.firstDate)
          : `${dateDa(survey.firstDate)} til ${dateDa(survey.lastDate)}`;
      const head = `• ${survey.title}: ${survey.responses} svar (${when}).`;
      return [head, ...survey.published.map(surveyQuestionText)].join('\n');
    });
    const shown = surveys.some((survey) => survey.published.length)
      ? ' Kun de resultater, landsbyen har valgt at vise på sin offentlige side, er taget med.'
      : '';
    parts.push(
      `${surveys.length} ${surveys.length === 1 ? 'spørgeskema' : 'spørgeskemaer'} fik i alt ${answers} svar i ${year}.${shown}\n\n${lines.join('\n\n')}`,
    );
  }
  for (const list of ideaLists) {
    const top = list.top.length
      ? ` Flest prikker: ${list.top.map((idea) => `${idea.title} (${idea.dots})`).join(', ')}.`
      : '';
    const chosen = list.chosen
      ? ` ${list.chosen} ${list.chosen === 1 ? 'idé er blevet til et initiativ' : 'idéer er blevet til initiativer'}.`
      : '';
    parts.push(
      `Prioritering af idéer, »${list.title}«: ${list.voters} ${list.voters === 1 ? 'person' : 'personer'} satte prikker i ${year}.${top}${chosen}`,
    );
  }
  return clipText(parts.join('\n\n'));
}

/**
 * The report's sections as "Lav udkast" makes them from the village's data for the year. The
 * gatherings section counts the village's gatherings held in the year and who came (issue 16). Survey results go in only where the village published them. The initiatives section names no people
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
      `Årsrapporten for ${data.villageName} samler, hvad landsbyen arbejdede med i ${data.year}: målene og deres fremskridt, initiativerne, studiekredsens møder og borgernes svar. Udkastet er lavet ud fra landsbyens data på BLUP Akademiet; styregruppen retter og supplerer det, før det offentliggøres.`,
    ),
    section('goals', 'Landsbymål', goalsText(data)),
    section('initiatives', 'Initiativer', initiativesText(data)),
    section('sessions', 'Studiekredsens møder', sessionsText(data)),
    section('gatherings', 'Borgermøder og arrangementer', gatheringsText(data)),
    section('surveys', 'Spørgeskemaer og prioritering af idéer', surveysText(data)),
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

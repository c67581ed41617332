import { Role, type SurveyAnswerValue, type SurveyPageDto } from '@blup/contracts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Municipality, User, Village } from '../database/entities';
import {
  MAPPING_TEMPLATE_ID,
  NEEDS_TEMPLATE_ID,
  SURVEY_TEMPLATES,
} from '../database/migrations/survey-templates';
import { checkAnswers, type AnswerRow } from '../surveys/survey-answers';

const DAY = 86_400_000;

/** A small deterministic pseudo-random generator (same answers on every seed). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

type Answers = Record<string, SurveyAnswerValue>;
type Draw = () => number;

const pick = <T>(r: Draw, list: T[], weights?: number[]): T => {
  if (!weights) return list[Math.floor(r() * list.length)];
  let x = r() * weights.reduce((a, b) => a + b, 0);
  for (const [i, w] of weights.entries()) if ((x -= w) < 0) return list[i];
  return list[list.length - 1];
};
const some = (r: Draw, list: string[], max: number, p = 0.35): string[] =>
  list.filter(() => r() < p).slice(0, max);
const shuffled = (r: Draw, list: string[]): string[] =>
  list
    .map((v) => [r(), v] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v);

const IDEAS = [
  'En fast bus til Næstved om aftenen, så de unge kan komme hjem.',
  'Fælles solceller på hallen.',
  'Et mødested for unge i den gamle brugs.',
  'Flere stier rundt om søen, så vi kan gå en tur sammen.',
  'Et byttemarked hver måned i forsamlingshuset.',
  'Bedre mobildækning ved skolen.',
  'Fællesspisning for nye tilflyttere.',
];

/** One villager's answers to the mapping questionnaire (a copy of the template). */
function mappingAnswers(n: number): Answers {
  const r = rng(7_919 * (n + 1));
  const frivillig = pick(r, ['ja', 'maaske', 'nej'], [3, 4, 5]);
  const a: Answers = {
    alder: pick(r, ['u18', '18-29', '30-49', '50-66', '67'], [1, 2, 5, 6, 4]),
    bopael: pick(r, ['under2', '2-10', 'over10', 'tilknyttet'], [2, 4, 7, 1]),
    trivsel: pick(r, [1, 2, 3, 4, 5], [1, 2, 4, 8, 6]),
    frivillig,
  };
  if (r() < 0.8) a['husstand'] = pick(r, ['alene', 'par', 'boern', 'andet'], [2, 4, 4, 1]);
  const kvaliteter = some(
    r,
    ['natur', 'faellesskab', 'foreninger', 'skole', 'ro', 'boliger', 'naerhed'],
    3,
    0.4,
  );
  if (kvaliteter.length) a['kvaliteter'] = kvaliteter;
  const tilbud: Record<string, string> = {};
  for (const row of ['indkoeb', 'transport', 'internet', 'moedesteder', 'stier']) {
    if (r() < 0.85)
      tilbud[row] = pick(
        r,
        ['1', '2', '3', '4', '5'],
        row === 'transport' ? [5, 4, 2, 1, 1] : [1, 2, 3, 4, 2],
      );
  }
  if (Object.keys(tilbud).length) a['tilbud'] = tilbud;
  if (r() < 0.7)
    a['temaer'] = shuffled(r, ['energi', 'mobilitet', 'moedested', 'natur', 'bosaetning', 'unge']);
  const sdgs = some(r, ['3', '4', '7', '11', '12', '13', '15', '17'], 3, 0.3);
  if (sdgs.length) a['verdensmaal'] = sdgs;
  if (r() < 0.25)
    a['mangler'] = pick(r, [
      'Et sted at mødes om aftenen.',
      'Busser i weekenden.',
      'En dagligvarebutik.',
    ]);
  if (r() < 0.3) a['ide'] = pick(r, IDEAS);
  if (frivillig !== 'nej' && r() < 0.6)
    a['hvordan'] = some(
      r,
      ['praktisk', 'arrangementer', 'kommunikation', 'arbejdsgruppe', 'vaerksted'],
      5,
      0.45,
    );
  return a;
}

/** One answer to the needs analysis; `bias` shifts how well the municipality's cooperation works. */
function needsAnswers(n: number, bias: number): Answers {
  const r = rng(104_729 * (n + 1) + bias);
  const a: Answers = {
    rolle: pick(r, ['lokalraad', 'ansat', 'politiker'], [6, 3, 2]),
    samarbejde: Math.min(5, Math.max(1, pick(r, [1, 2, 3, 4, 5], [1, 3, 5, 3, 1]) + bias)),
  };
  if (r() < 0.9) a['erfaring'] = pick(r, ['under2', '2-5', 'over5']);
  const udsagn: Record<string, string> = {};
  for (const row of ['roller', 'tillid', 'svar', 'sammen'])
    udsagn[row] = pick(r, ['1', '2', '3', '4', '5']);
  a['udsagn'] = udsagn;
  const barrierer = some(
    r,
    ['tid', 'viden', 'kontakt', 'oekonomi', 'forventninger', 'regler'],
    3,
    0.4,
  );
  if (barrierer.length) a['barrierer'] = barrierer;
  if (r() < 0.8)
    a['kompetencer'] = shuffled(r, [
      'facilitering',
      'projekt',
      'strategi',
      'kommunikation',
      'samskabelse',
      'baeredygtighed',
    ]);
  const formater = some(r, ['netvaerk', 'vaerksted', 'online', 'webinar'], 4, 0.45);
  if (formater.length) a['formater'] = formater;
  if (r() < 0.3)
    a['behov'] = pick(r, [
      'At lede et møde, hvor alle kommer til orde.',
      'Hvordan vi søger fonde sammen.',
      'Hvem i kommunen gør hvad.',
    ]);
  a['fokusgruppe'] = pick(r, ['ja', 'nej'], [1, 3]);
  return a;
}

async function insertSurvey(
  em: EntityManager,
  s: {
    villageId?: string;
    municipalityId?: string;
    templateId: string;
    title: string;
    authorId: string | null;
    opensDaysAgo: number;
    closesInDays: number;
  },
): Promise<{ id: string; pages: SurveyPageDto[] }> {
  const template = SURVEY_TEMPLATES.find((t) => t.id === s.templateId);
  if (!template) throw new Error(`The demo surveys need template ${s.templateId}.`);
  const now = Date.now();
  const [row] = (await em.query(
    `INSERT INTO surveys (owner_kind, village_id, municipality_id, purpose, title, intro, status,
                          opens_at, closes_at, public_token, pages, copied_from_id, created_by, updated_by)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10::jsonb, $11, $12, $12) RETURNING id`,
    [
      s.villageId ? 'village' : 'municipality',
      s.villageId ?? null,
      s.municipalityId ?? null,
      template.purpose,
      s.title,
      template.intro,
      new Date(now - s.opensDaysAgo * DAY),
      new Date(now + s.closesInDays * DAY),
      randomBytes(18).toString('base64url'),
      JSON.stringify(template.pages),
      template.id,
      s.authorId,
    ],
  )) as { id: string }[];
  return { id: row.id, pages: template.pages };
}

/**
 * Writes `count` responses and their answer rows in two statements (unnest), whatever the count:
 * each checked by the same rules as a real submit, spread over the days the survey has run.
 */
async function insertResponses(
  em: EntityManager,
  survey: { id: string; pages: SurveyPageDto[] },
  count: number,
  answersOf: (n: number) => Answers,
  days: number,
): Promise<void> {
  const ids: string[] = [];
  const devices: string[] = [];
  const answers: string[] = [];
  const times: Date[] = [];
  const rows: (AnswerRow & { responseId: string })[] = [];
  const now = Date.now();
  for (let n = 0; n < count; n++) {
    const checked = checkAnswers(survey.pages, answersOf(n), []);
    const id = randomUUID();
    ids.push(id);
    devices.push(createHash('sha256').update(`demo-device-${survey.id}-${n}`).digest('hex'));
    answers.push(JSON.stringify(checked.answers));
    // Most answers come in the first days after the link went out, a few every day since.
    times.push(new Date(now - days * DAY * (1 - Math.sqrt((n + 0.5) / count))));
    rows.push(...checked.rows.map((row) => ({ ...row, responseId: id })));
  }
  await em.query(
    `INSERT INTO survey_responses (id, survey_id, device_hash, language, answers, submitted_at)
     SELECT r.id, $1, r.device, 'da', r.answers::jsonb, r.at
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::timestamptz[]) AS r(id, device, answers, at)`,
    [survey.id, ids, devices, answers, times],
  );
  await em.query(
    `INSERT INTO survey_answers (response_id, survey_id, question_id, option_id, row_id, number, text)
     SELECT a.r, $1, a.q, a.o, a.w, a.n, a.t
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[]) AS a(r, q, o, w, n, t)`,
    [
      survey.id,
      rows.map((a) => a.responseId),
      rows.map((a) => a.questionId),
      rows.map((a) => a.optionId),
      rows.map((a) => a.rowId),
      rows.map((a) => a.number),
      rows.map((a) => a.text),
    ],
  );
}

/**
 * The questionnaires of the demo: the secretariat's two templates (again after a reset, which
 * empties the table), Glumsø og Omegn mid-way through its mapping questionnaire (a copy of the
 * template, open for three more weeks, 312 answers), and the needs analysis copied by the
 * coordinators of Næstved, Sønderborg and Kerteminde, with answers from each.
 */
export async function writeDemoSurveys(
  em: EntityManager,
  municipalities: Municipality[],
  villages: Village[],
  people: User[],
): Promise<{ surveys: number; responses: number }> {
  for (const t of SURVEY_TEMPLATES) {
    await em.query(
      `INSERT INTO surveys (id, owner_kind, purpose, title, intro, status, public_token, pages)
       VALUES ($1, 'template', $2, $3, $4, 'draft', $5, $6::jsonb) ON CONFLICT (id) DO NOTHING`,
      [
        t.id,
        t.purpose,
        t.title,
        t.intro,
        randomBytes(18).toString('base64url'),
        JSON.stringify(t.pages),
      ],
    );
  }
  const glumso = villages.find((v) => v.name === 'Glumsø og Omegn');
  if (!glumso) throw new Error('The demo surveys need the village "Glumsø og Omegn".');
  const group = people.find((p) => p.villageId === glumso.id && p.coordinationGroup);
  const mapping = await insertSurvey(em, {
    villageId: glumso.id,
    templateId: MAPPING_TEMPLATE_ID,
    title: 'Hvordan er det at bo i Glumsø og omegn?',
    authorId: group?.id ?? null,
    opensDaysAgo: 18,
    closesInDays: 21,
  });
  let responses = 312;
  await insertResponses(em, mapping, 312, mappingAnswers, 18);
  const needs: [string, number, number][] = [
    ['Næstved', 46, 0],
    ['Sønderborg', 31, 1],
    ['Kerteminde', 24, -1],
  ];
  for (const [name, count, bias] of needs) {
    const municipality = municipalities.find((m) => m.name === name);
    if (!municipality) throw new Error(`The demo needs analysis needs the municipality "${name}".`);
    const coordinator = people.find(
      (p) => p.municipalityId === municipality.id && p.role === Role.Coordinator,
    );
    const copy = await insertSurvey(em, {
      municipalityId: municipality.id,
      templateId: NEEDS_TEMPLATE_ID,
      title: `Behovsanalyse – ${name} Kommune`,
      authorId: coordinator?.id ?? null,
      opensDaysAgo: 30,
      closesInDays: 40,
    });
    await insertResponses(em, copy, count, (n) => needsAnswers(n, bias), 30);
    responses += count;
  }
  return { surveys: 1 + needs.length, responses };
}

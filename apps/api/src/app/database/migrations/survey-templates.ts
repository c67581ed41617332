import type {
  QuestionKind,
  SurveyOptionDto,
  SurveyPageDto,
  SurveyPurpose,
  SurveyQuestionDto,
} from '@blup/contracts';

// Type-only imports: migrations run without the path aliases (the test setup, `migrate`), so the
// contracts' enums are written out here as their values.
const K = {
  ShortText: 'short_text',
  LongText: 'long_text',
  SingleChoice: 'single_choice',
  MultipleChoice: 'multiple_choice',
  Scale: 'scale',
  Ranking: 'ranking',
  Matrix: 'matrix',
  Info: 'info',
} as const satisfies Record<string, `${QuestionKind}`>;

/**
 * The secretariat's two templates, written by migration 1764060000000 so that they exist in
 * every installation: the mapping phase's questionnaire for the whole village, and BLUP
 * Akademiet's needs analysis among local councils, municipal staff and politicians. Villages and
 * coordinators copy them (question ids are kept, so the copies can be compared) and adapt them.
 */
export const MAPPING_TEMPLATE_ID = '5a6e7000-0000-4000-8000-000000000001';
export const NEEDS_TEMPLATE_ID = '5a6e7000-0000-4000-8000-000000000002';

const opts = (...labels: [string, string][]): SurveyOptionDto[] =>
  labels.map(([id, label]) => ({ id, label }));

function q(
  id: string,
  kind: `${QuestionKind}`,
  title: string,
  more: Partial<SurveyQuestionDto> = {},
): SurveyQuestionDto {
  return {
    id,
    kind: kind as QuestionKind,
    title,
    help: '',
    required: false,
    options: [],
    rows: [],
    maxChoices: null,
    maxLength: null,
    scaleLabels: null,
    condition: null,
    personalData: false,
    consentText: null,
    published: false,
    ...more,
  };
}

const AGREE = opts(
  ['1', 'Helt uenig'],
  ['2', 'Uenig'],
  ['3', 'Hverken enig eller uenig'],
  ['4', 'Enig'],
  ['5', 'Helt enig'],
);

const SATISFIED = opts(
  ['1', 'Meget utilfreds'],
  ['2', 'Utilfreds'],
  ['3', 'Hverken eller'],
  ['4', 'Tilfreds'],
  ['5', 'Meget tilfreds'],
);

const MAPPING_PAGES: SurveyPageDto[] = [
  {
    id: 'om-dig',
    title: 'Om dig',
    questions: [
      q('velkommen', K.Info, 'Tak fordi du vil svare', {
        help: 'Spørgeskemaet tager cirka 10 minutter. Dine svar er anonyme, medmindre du selv skriver din e-mail til sidst. Svarene bruges af styregruppen til kortlægningen og til fremtidsværkstedet.',
      }),
      q('alder', K.SingleChoice, 'Hvor gammel er du?', {
        required: true,
        published: true,
        options: opts(
          ['u18', 'Under 18 år'],
          ['18-29', '18–29 år'],
          ['30-49', '30–49 år'],
          ['50-66', '50–66 år'],
          ['67', '67 år eller ældre'],
        ),
      }),
      q('bopael', K.SingleChoice, 'Hvor længe har du boet i lokalområdet?', {
        required: true,
        published: true,
        options: opts(
          ['under2', 'Under 2 år'],
          ['2-10', '2–10 år'],
          ['over10', 'Mere end 10 år'],
          ['tilknyttet', 'Jeg bor her ikke, men har tilknytning (arbejde, forening, familie)'],
        ),
      }),
      q('husstand', K.SingleChoice, 'Hvem bor du sammen med?', {
        options: opts(
          ['alene', 'Jeg bor alene'],
          ['par', 'Par uden hjemmeboende børn'],
          ['boern', 'Familie med hjemmeboende børn'],
          ['andet', 'Andet'],
        ),
      }),
    ],
  },
  {
    id: 'livet-her',
    title: 'Livet i lokalområdet',
    questions: [
      q('trivsel', K.Scale, 'Hvor godt kan du lide at bo her?', {
        required: true,
        published: true,
        scaleLabels: { low: 'Slet ikke', high: 'Rigtig godt' },
      }),
      q('kvaliteter', K.MultipleChoice, 'Hvad er de vigtigste kvaliteter ved at bo her?', {
        help: 'Vælg højst tre.',
        published: true,
        maxChoices: 3,
        options: opts(
          ['natur', 'Naturen og landskabet'],
          ['faellesskab', 'Fællesskabet og naboerne'],
          ['foreninger', 'Foreningslivet'],
          ['skole', 'Skole, børnehave og dagpleje'],
          ['ro', 'Ro og tryghed'],
          ['boliger', 'Gode og billige boliger'],
          ['naerhed', 'Nærhed til by og arbejde'],
        ),
      }),
      q('tilbud', K.Matrix, 'Hvor tilfreds er du med …', {
        published: true,
        rows: opts(
          ['indkoeb', 'Indkøbsmuligheder'],
          ['transport', 'Offentlig transport'],
          ['internet', 'Internet og mobildækning'],
          ['moedesteder', 'Mødesteder (forsamlingshus, hal, café)'],
          ['stier', 'Stier og cykelstier'],
        ),
        options: SATISFIED,
      }),
      q('mangler', K.LongText, 'Hvad mangler du mest i lokalområdet?', {
        maxLength: 2000,
      }),
    ],
  },
  {
    id: 'fremtiden',
    title: 'Fremtiden og verdensmålene',
    questions: [
      q('temaer', K.Ranking, 'Sæt emnerne i rækkefølge: hvad skal vi arbejde med først?', {
        help: 'Det vigtigste øverst.',
        published: true,
        options: opts(
          ['energi', 'Grøn omstilling og energi'],
          ['mobilitet', 'Mobilitet og samkørsel'],
          ['moedested', 'Fællesskab og mødesteder'],
          ['natur', 'Natur og biodiversitet'],
          ['bosaetning', 'Bosætning og boliger'],
          ['unge', 'Børn og unge'],
        ),
      }),
      q('verdensmaal', K.MultipleChoice, 'Hvilke verdensmål er vigtigst for os lokalt?', {
        help: 'Vælg højst tre.',
        published: true,
        maxChoices: 3,
        options: opts(
          ['3', '3 Sundhed og trivsel'],
          ['4', '4 Kvalitetsuddannelse'],
          ['7', '7 Bæredygtig energi'],
          ['11', '11 Bæredygtige byer og lokalsamfund'],
          ['12', '12 Ansvarligt forbrug og produktion'],
          ['13', '13 Klimaindsats'],
          ['15', '15 Livet på land'],
          ['17', '17 Partnerskaber for handling'],
        ),
      }),
      q('ide', K.LongText, 'Hvad er din bedste idé til lokalområdet?', {
        maxLength: 2000,
      }),
    ],
  },
  {
    id: 'vil-du-vaere-med',
    title: 'Vil du være med?',
    questions: [
      q('frivillig', K.SingleChoice, 'Vil du være med til at føre idéerne ud i livet?', {
        required: true,
        published: true,
        options: opts(['ja', 'Ja, gerne'], ['maaske', 'Måske'], ['nej', 'Nej, ikke lige nu']),
      }),
      q('hvordan', K.MultipleChoice, 'Hvordan vil du helst bidrage?', {
        condition: { questionId: 'frivillig', optionIds: ['ja', 'maaske'] },
        options: opts(
          ['praktisk', 'Praktisk arbejde'],
          ['arrangementer', 'Arrangementer'],
          ['kommunikation', 'Kommunikation og sociale medier'],
          ['arbejdsgruppe', 'En arbejdsgruppe'],
          ['vaerksted', 'Fremtidsværkstedet'],
        ),
      }),
      q('kontakt', K.ShortText, 'Din e-mail, hvis styregruppen må kontakte dig', {
        condition: { questionId: 'frivillig', optionIds: ['ja', 'maaske'] },
        maxLength: 200,
        personalData: true,
        consentText:
          'Din e-mail bruges kun til at kontakte dig om frivilligt arbejde i landsbyens BLUP-forløb. Kun styregruppen ser den, og den slettes, når forløbet er slut.',
      }),
    ],
  },
];

const NEEDS_PAGES: SurveyPageDto[] = [
  {
    id: 'om-dig',
    title: 'Om dig',
    questions: [
      q('velkommen', K.Info, 'Om behovsanalysen', {
        help: 'BLUP Akademiet vil styrke samarbejdet mellem lokalsamfund og kommune. Dine svar viser, hvad lokalråd, kommunalt ansatte og politikere har brug for at lære. Svarene er anonyme.',
      }),
      q('rolle', K.SingleChoice, 'Hvad er din rolle?', {
        required: true,
        options: opts(
          ['lokalraad', 'Medlem af et lokalråd'],
          ['ansat', 'Ansat i kommunen'],
          ['politiker', 'Byrådspolitiker'],
        ),
      }),
      q('erfaring', K.SingleChoice, 'Hvor længe har du arbejdet med lokal udvikling?', {
        options: opts(['under2', 'Under 2 år'], ['2-5', '2–5 år'], ['over5', 'Mere end 5 år']),
      }),
    ],
  },
  {
    id: 'samarbejdet',
    title: 'Samarbejdet i dag',
    questions: [
      q('samarbejde', K.Scale, 'Hvor godt fungerer samarbejdet mellem lokalsamfund og kommune?', {
        required: true,
        scaleLabels: { low: 'Meget dårligt', high: 'Meget godt' },
      }),
      q('udsagn', K.Matrix, 'Hvor enig er du i udsagnene?', {
        rows: opts(
          ['roller', 'Vi kender hinandens roller'],
          ['tillid', 'Dialogen er præget af tillid'],
          ['svar', 'Vi får svar i en rimelig tid'],
          ['sammen', 'Vi udvikler projekter sammen'],
        ),
        options: AGREE,
      }),
      q('barrierer', K.MultipleChoice, 'Hvad står mest i vejen for samarbejdet?', {
        help: 'Vælg højst tre.',
        maxChoices: 3,
        options: opts(
          ['tid', 'Tid'],
          ['viden', 'Viden om hinandens arbejde'],
          ['kontakt', 'At vide, hvem man skal kontakte'],
          ['oekonomi', 'Økonomi'],
          ['forventninger', 'Forskellige forventninger'],
          ['regler', 'Regler og sagsgange'],
        ),
      }),
    ],
  },
  {
    id: 'laering',
    title: 'Kompetencer og læring',
    questions: [
      q('kompetencer', K.Ranking, 'Hvad vil du helst blive bedre til?', {
        help: 'Det vigtigste øverst.',
        options: opts(
          ['facilitering', 'At facilitere borgermøder og værksteder'],
          ['projekt', 'Projektledelse og fundraising'],
          ['strategi', 'Strategisk planlægning'],
          ['kommunikation', 'Kommunikation og fortælling'],
          ['samskabelse', 'Samskabelse og partnerskaber'],
          ['baeredygtighed', 'Bæredygtighed og verdensmålene'],
        ),
      }),
      q('formater', K.MultipleChoice, 'Hvordan vil du helst lære?', {
        options: opts(
          ['netvaerk', 'Netværksmøder'],
          ['vaerksted', 'Faciliterede læringsværksteder'],
          ['online', 'Online inspirationskurser'],
          ['webinar', 'Webinarer'],
        ),
      }),
      q('behov', K.LongText, 'Hvad har du mest brug for at lære, og hvorfor?', {
        maxLength: 3000,
      }),
      q('fokusgruppe', K.SingleChoice, 'Vil du deltage i et fokusgruppeinterview i maj–juni?', {
        options: opts(['ja', 'Ja'], ['nej', 'Nej']),
      }),
      q('fokusgruppe-kontakt', K.ShortText, 'Din e-mail, så vi kan invitere dig', {
        condition: { questionId: 'fokusgruppe', optionIds: ['ja'] },
        maxLength: 200,
        personalData: true,
        consentText:
          'Din e-mail bruges kun til at invitere dig til et fokusgruppeinterview i BLUP Akademiet. Kun sekretariatet ser den, og den slettes, når interviewene er holdt.',
      }),
    ],
  },
];

export const SURVEY_TEMPLATES: {
  id: string;
  purpose: SurveyPurpose;
  title: string;
  intro: string;
  pages: SurveyPageDto[];
}[] = [
  {
    id: MAPPING_TEMPLATE_ID,
    purpose: 'mapping' as SurveyPurpose,
    title: 'Kortlægning: spørgeskema til lokalsamfundet',
    intro:
      'Hvordan er det at bo her, og hvad skal vi arbejde for i de kommende år? Dine svar hjælper styregruppen med at kortlægge lokalområdet før fremtidsværkstedet.',
    pages: MAPPING_PAGES,
  },
  {
    id: NEEDS_TEMPLATE_ID,
    purpose: 'needs_analysis' as SurveyPurpose,
    title: 'Behovsanalyse: samarbejdet mellem lokalsamfund og kommune',
    intro:
      'BLUP Akademiet kortlægger, hvad lokalrådsmedlemmer, kommunalt ansatte og byrådspolitikere har brug for at lære for at udvikle lokalsamfund sammen.',
    pages: NEEDS_PAGES,
  },
];

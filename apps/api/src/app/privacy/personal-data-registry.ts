import type { NotPersonal, PersonLink, PersonalColumn, PersonalTable } from './personal-data';

/**
 * The registry of personal data (issue 17): every table that holds data about a person. Export
 * and erasure read it; personal-data-registry.int-spec.ts fails when the database has a column
 * that points at a person, or holds an email, a name or a phone number, that is neither here nor
 * in NOT_PERSONAL. The privacy notice (/privatliv) and docs/architecture.md show it.
 */

const keep = (kind: PersonalColumn['kind']): PersonalColumn => ({ kind, erase: 'keep' });
const nul = (kind: PersonalColumn['kind']): PersonalColumn => ({ kind, erase: 'null' });
const placeholder = (kind: PersonalColumn['kind']): PersonalColumn => ({
  kind,
  erase: 'placeholder',
});

/** A row the person wrote for a village: kept, pointing at the anonymised account. */
const author = (column: string): PersonLink => ({
  column,
  by: 'user',
  part: 'author',
  rows: 'anonymise',
});

const KEEP_WHILE_ACCOUNT = {
  da: 'Så længe kontoen findes; en konto, der har været lukket i {period}, slettes.',
  en: 'As long as the account exists; an account closed for {period} is erased.',
  period: 'disabledAccount' as const,
};
const VILLAGE_WORK = {
  da: 'Så længe landsbyens arbejde findes; navnet fjernes, når personen slettes.',
  en: 'As long as the village’s work exists; the name is removed when the person is erased.',
};
const AUTHORSHIP = {
  da: 'Hvem der skrev eller ændrede noget, så landsbyen kan se det.',
  en: 'Who wrote or changed something, so the village can see it.',
};

/**
 * A row of a village's (or the secretariat's) work that records who wrote it: it stays with the
 * village, and its author columns point at the anonymised account once that person is erased.
 */
function villageWork(
  table: string,
  owner: string,
  authors: string[],
  more: Partial<Pick<PersonalTable, 'key' | 'columns'>> = {},
): PersonalTable {
  return {
    table,
    owner,
    purpose: AUTHORSHIP,
    legalBasis: 'legitimate_interest',
    retention: VILLAGE_WORK,
    key: more.key ?? ['id'],
    links: authors.map(author),
    columns: more.columns ?? {},
  };
}

export const PERSONAL_DATA: readonly PersonalTable[] = [
  // auth
  {
    table: 'users',
    owner: 'auth',
    purpose: {
      da: 'Din konto: navn, e-mail, rolle og landsby, så du kan logge ind og samarbejde.',
      en: 'Your account: name, email, role and village, so you can sign in and work together.',
    },
    legalBasis: 'contract',
    retention: KEEP_WHILE_ACCOUNT,
    key: ['id'],
    links: [
      {
        column: 'id',
        by: 'user',
        part: 'subject',
        rows: 'anonymise',
        own: ['email', 'name', 'password_hash', 'learner_kind', 'disabled_at'],
      },
      author('invited_by_id'),
    ],
    columns: {
      email: placeholder('email'),
      name: placeholder('name'),
      password_hash: nul('secret'),
      learner_kind: nul('detail'),
      disabled_at: { kind: 'detail', erase: 'now' },
    },
  },
  {
    table: 'sessions',
    owner: 'auth',
    purpose: {
      da: 'At holde dig logget ind og at kunne se, hvor du er logget ind.',
      en: 'Keeping you signed in, and showing where you are signed in.',
    },
    legalBasis: 'contract',
    retention: {
      da: 'Til du logger ud, eller 30 dage uden brug.',
      en: 'Until you sign out, or 30 days without use.',
    },
    key: ['id'],
    links: [
      {
        column: 'user_id',
        by: 'user',
        part: 'subject',
        rows: 'delete',
        own: ['ip', 'user_agent', 'token_hash'],
      },
    ],
    columns: { ip: nul('ip'), user_agent: nul('device'), token_hash: keep('secret') },
  },
  {
    table: 'one_time_tokens',
    owner: 'auth',
    purpose: {
      da: 'Links til at logge ind, sætte adgangskode og tage imod invitationer.',
      en: 'Links to sign in, set a password and accept invitations.',
    },
    legalBasis: 'contract',
    retention: {
      da: '30 dage efter de er brugt eller udløbet.',
      en: '30 days after use or expiry.',
    },
    key: ['id'],
    links: [
      { column: 'user_id', by: 'user', part: 'subject', rows: 'delete', own: ['token_hash'] },
      author('created_by_id'),
    ],
    columns: { token_hash: keep('secret') },
  },
  // calendar
  {
    table: 'calendar_feeds',
    owner: 'calendar',
    purpose: {
      da: 'Din personlige kalender-adresse med dine møder.',
      en: 'Your personal calendar address with your sessions.',
    },
    legalBasis: 'contract',
    retention: {
      da: 'Til du laver en ny adresse eller slettes.',
      en: 'Until you make a new address or are erased.',
    },
    key: ['user_id'],
    links: [{ column: 'user_id', by: 'user', part: 'subject', rows: 'delete', own: ['token'] }],
    columns: { token: keep('secret') },
  },
  // courses
  {
    table: 'course_access',
    owner: 'courses',
    purpose: { da: 'Hvilke kurser du har adgang til.', en: 'Which courses you can take.' },
    legalBasis: 'contract',
    retention: KEEP_WHILE_ACCOUNT,
    key: ['course_id', 'user_id'],
    links: [
      { column: 'user_id', by: 'user', part: 'subject', rows: 'delete' },
      author('granted_by_id'),
    ],
    columns: {},
  },
  {
    table: 'lesson_progress',
    owner: 'courses',
    purpose: {
      da: 'Hvor langt du er nået i kurserne, så du kan fortsætte og landsbyen kan følge med.',
      en: 'How far you are in the courses, so you can go on and your village can follow.',
    },
    legalBasis: 'contract',
    retention: KEEP_WHILE_ACCOUNT,
    key: ['user_id', 'lesson_id'],
    links: [{ column: 'user_id', by: 'user', part: 'subject', rows: 'anonymise' }],
    columns: {},
  },
  // circles
  {
    table: 'circles',
    owner: 'circles',
    purpose: { da: 'Hvem der leder en studiekreds.', en: 'Who leads a study circle.' },
    legalBasis: 'contract',
    retention: VILLAGE_WORK,
    key: ['id'],
    links: [author('facilitator_id')],
    columns: {},
  },
  {
    table: 'circle_participants',
    owner: 'circles',
    purpose: { da: 'Hvem der er med i en studiekreds.', en: 'Who takes part in a study circle.' },
    legalBasis: 'contract',
    retention: KEEP_WHILE_ACCOUNT,
    key: ['circle_id', 'user_id'],
    links: [{ column: 'user_id', by: 'user', part: 'subject', rows: 'delete' }],
    columns: {},
  },
  // participation
  {
    table: 'session_attendance',
    owner: 'participation',
    purpose: {
      da: 'Fremmøde til møderne; tallene bruges i årsrapporten.',
      en: 'Attendance at sessions; the counts go into the annual report.',
    },
    legalBasis: 'legitimate_interest',
    retention: {
      da: 'Så længe forløbet findes; efter sletning tælles du med uden navn.',
      en: 'As long as the programme exists; after erasure you are counted without a name.',
    },
    key: ['session_id', 'user_id'],
    links: [
      { column: 'user_id', by: 'user', part: 'subject', rows: 'anonymise' },
      author('recorded_by_id'),
    ],
    columns: {},
  },
  {
    table: 'session_rsvps',
    owner: 'participation',
    purpose: { da: 'Om du kommer til et møde.', en: 'Whether you are coming to a session.' },
    legalBasis: 'contract',
    retention: KEEP_WHILE_ACCOUNT,
    key: ['session_id', 'user_id'],
    links: [{ column: 'user_id', by: 'user', part: 'subject', rows: 'anonymise' }],
    columns: {},
  },
  // reminders
  {
    table: 'session_reminders',
    owner: 'reminders',
    purpose: { da: 'Hvilke påmindelser du har fået.', en: 'Which reminders you have had.' },
    legalBasis: 'contract',
    retention: KEEP_WHILE_ACCOUNT,
    key: ['session_id', 'user_id'],
    links: [{ column: 'user_id', by: 'user', part: 'subject', rows: 'delete' }],
    columns: {},
  },
  {
    table: 'session_cancel_notices',
    owner: 'reminders',
    purpose: {
      da: 'Hvilke aflysninger du har fået besked om.',
      en: 'Which cancellations you were told about.',
    },
    legalBasis: 'contract',
    retention: KEEP_WHILE_ACCOUNT,
    key: ['session_id', 'user_id'],
    links: [{ column: 'user_id', by: 'user', part: 'subject', rows: 'delete' }],
    columns: {},
  },
  // newsletters
  villageWork('newsletters', 'newsletters', ['created_by_id', 'updated_by_id', 'scheduled_by_id']),
  {
    table: 'newsletter_deliveries',
    owner: 'newsletter-delivery',
    purpose: {
      da: 'Hvem et nyhedsbrev er sendt til, og om det kom frem.',
      en: 'Who a newsletter was sent to, and whether it arrived.',
    },
    legalBasis: 'consent',
    retention: {
      da: 'Adressen fjernes {period} efter udsendelsen; tallene bliver.',
      en: 'The address is removed {period} after sending; the counts stay.',
      period: 'newsletterRecipient',
    },
    key: ['id'],
    links: [
      {
        column: 'user_id',
        by: 'user',
        part: 'subject',
        rows: 'anonymise',
        own: ['email', 'name', 'last_error'],
      },
      {
        column: 'subscriber_id',
        by: 'subscriber',
        part: 'subject',
        rows: 'anonymise',
        own: ['email', 'name', 'last_error'],
      },
      {
        column: 'email',
        by: 'email',
        part: 'subject',
        rows: 'anonymise',
        own: ['name', 'last_error'],
      },
    ],
    columns: { email: placeholder('email'), name: placeholder('name'), last_error: nul('text') },
  },
  // citizen-panel
  {
    table: 'panel_subscribers',
    owner: 'citizen-panel',
    purpose: {
      da: 'Borgerpanelet: hvem der vil have landsbyens nyhedsbreve.',
      en: 'The citizen panel: who wants the village’s newsletters.',
    },
    legalBasis: 'consent',
    retention: {
      da: 'Til du framelder dig eller beder om sletning; ubekræftede tilmeldinger slettes efter {period}.',
      en: 'Until you unsubscribe or ask to be erased; unconfirmed sign-ups are deleted after {period}.',
      period: 'unconfirmedPanelSignup',
    },
    key: ['id'],
    links: [
      { column: 'email', by: 'email', part: 'subject', rows: 'delete', own: ['name', 'locale'] },
    ],
    columns: { email: placeholder('email'), name: placeholder('name'), locale: keep('detail') },
  },
  {
    table: 'panel_consents',
    owner: 'citizen-panel',
    purpose: {
      da: 'Bevis for hvornår og hvordan du sagde ja eller nej til nyhedsbreve.',
      en: 'Proof of when and how you said yes or no to newsletters.',
    },
    legalBasis: 'consent',
    retention: {
      da: 'Så længe tilmeldingen findes.',
      en: 'As long as the subscription exists.',
    },
    key: ['id'],
    links: [
      { column: 'subscriber_id', by: 'subscriber', part: 'subject', rows: 'delete', own: ['ip'] },
      author('actor_id'),
    ],
    columns: { ip: nul('ip') },
  },
  {
    table: 'panel_tokens',
    owner: 'citizen-panel',
    purpose: {
      da: 'Links i mails til at bekræfte og ændre din tilmelding.',
      en: 'Links in mails to confirm and change your subscription.',
    },
    legalBasis: 'consent',
    retention: { da: 'Så længe tilmeldingen findes.', en: 'As long as the subscription exists.' },
    key: ['id'],
    links: [
      {
        column: 'subscriber_id',
        by: 'subscriber',
        part: 'subject',
        rows: 'delete',
        own: ['token_hash'],
      },
    ],
    columns: { token_hash: keep('secret') },
  },
  villageWork('panel_imports', 'citizen-panel', ['created_by_id'], {
    columns: { report: keep('text') },
  }),
  // enrolment
  villageWork('offerings', 'enrolment', ['created_by_id']),
  {
    table: 'enrolments',
    owner: 'enrolment',
    purpose: {
      da: 'Tilmeldinger til kurser og forløb, og hvem der betaler.',
      en: 'Enrolments in courses and programmes, and who pays.',
    },
    legalBasis: 'contract',
    retention: {
      da: 'Så længe forløbet findes; efter sletning uden navn, så tallene passer.',
      en: 'As long as the programme exists; after erasure without a name, so the counts hold.',
    },
    key: ['id'],
    links: [
      { column: 'user_id', by: 'user', part: 'subject', rows: 'anonymise', own: ['cancel_reason'] },
      author('created_by_id'),
      author('decided_by_id'),
      author('cancelled_by_id'),
    ],
    columns: { cancel_reason: nul('text') },
  },
  // applications
  {
    table: 'applications',
    owner: 'applications',
    purpose: {
      da: 'Ansøgninger om at komme med i et BLUP-forløb: kontaktperson, aftale med kommunen.',
      en: 'Applications to join a BLUP programme: contact person, agreement with the municipality.',
    },
    legalBasis: 'legitimate_interest',
    retention: {
      da: 'Den uploadede aftale slettes {period} efter afgørelsen; ansøgningen bliver uden navne efter sletning.',
      en: 'The uploaded agreement is deleted {period} after the decision; the application stays without names after erasure.',
      period: 'applicationFiles',
    },
    key: ['id'],
    links: [
      {
        column: 'applicant_user_id',
        by: 'user',
        part: 'subject',
        rows: 'anonymise',
        own: ['applicant_name', 'applicant_email', 'ip'],
      },
      {
        column: 'applicant_email',
        by: 'email',
        part: 'subject',
        rows: 'anonymise',
        own: ['applicant_name', 'ip'],
      },
      {
        column: 'contact_email',
        by: 'email',
        part: 'subject',
        rows: 'anonymise',
        own: ['contact_name'],
      },
      author('cooperation_confirmed_by_id'),
      author('decided_by_id'),
    ],
    columns: {
      applicant_name: placeholder('name'),
      applicant_email: placeholder('email'),
      contact_name: placeholder('name'),
      contact_email: placeholder('email'),
      ip: nul('ip'),
      upload_token_hash: keep('secret'),
    },
  },
  {
    table: 'application_people',
    owner: 'applications',
    purpose: {
      da: 'Styregruppen, som en ansøgning nævner.',
      en: 'The steering group an application names.',
    },
    legalBasis: 'legitimate_interest',
    retention: {
      da: 'Som ansøgningen; fjernes ved sletning.',
      en: 'As the application; removed on erasure.',
    },
    key: ['id'],
    links: [
      {
        column: 'user_id',
        by: 'user',
        part: 'subject',
        rows: 'delete',
        own: ['name', 'email', 'position'],
      },
      { column: 'email', by: 'email', part: 'subject', rows: 'delete', own: ['name', 'position'] },
    ],
    columns: { name: placeholder('name'), email: placeholder('email'), position: nul('detail') },
  },
  // gatherings
  villageWork('gatherings', 'gatherings', ['created_by', 'updated_by'], {
    columns: { minutes: keep('text') },
  }),
  {
    table: 'gathering_registrations',
    owner: 'gatherings',
    purpose: {
      da: 'Tilmeldinger til møder og arrangementer: navn, e-mail, antal og kost.',
      en: 'Registrations for gatherings: name, email, how many come and diet.',
    },
    legalBasis: 'contract',
    retention: {
      da: 'Navn, e-mail og svar fjernes {period} efter arrangementet; antallet bliver.',
      en: 'Name, email and answers are removed {period} after the event; the numbers stay.',
      period: 'gatheringRegistration',
    },
    key: ['id'],
    links: [
      {
        column: 'user_id',
        by: 'user',
        part: 'subject',
        rows: 'anonymise',
        own: ['name', 'email', 'answers', 'confirm_token_hash', 'cancel_token_hash'],
      },
      {
        column: 'email',
        by: 'email',
        part: 'subject',
        rows: 'anonymise',
        own: ['name', 'answers', 'confirm_token_hash', 'cancel_token_hash'],
      },
    ],
    columns: {
      name: placeholder('name'),
      email: placeholder('email'),
      answers: placeholder('answers'),
      confirm_token_hash: nul('secret'),
      cancel_token_hash: keep('secret'),
    },
  },
  // goals
  {
    table: 'village_goals',
    owner: 'goals',
    purpose: {
      da: 'Landsbyens mål; hvem der er ansvarlig, og hvem der skrev.',
      en: 'The village’s goals; who is responsible, and who wrote them.',
    },
    legalBasis: 'legitimate_interest',
    retention: VILLAGE_WORK,
    key: ['id'],
    links: [author('created_by'), author('updated_by'), author('owner_user_id')],
    columns: { owner: keep('text') },
  },
  villageWork('village_goal_updates', 'goals', ['created_by'], { columns: { note: keep('text') } }),
  // initiatives
  villageWork('focus_areas', 'initiatives', ['created_by', 'updated_by']),
  villageWork('initiatives', 'initiatives', ['created_by', 'updated_by'], {
    columns: { partners: keep('text') },
  }),
  {
    table: 'initiative_people',
    owner: 'initiatives',
    purpose: {
      da: 'Hvem der står for eller hjælper med et initiativ, og hvordan de kontaktes.',
      en: 'Who leads or helps with an initiative, and how to reach them.',
    },
    legalBasis: 'consent',
    retention: {
      da: 'Så længe initiativet findes, eller til personen slettes.',
      en: 'As long as the initiative exists, or until the person is erased.',
    },
    key: ['id'],
    links: [
      {
        column: 'user_id',
        by: 'user',
        part: 'subject',
        rows: 'delete',
        own: ['name', 'email', 'phone'],
      },
      { column: 'email', by: 'email', part: 'subject', rows: 'delete', own: ['name', 'phone'] },
    ],
    columns: { name: placeholder('name'), email: nul('email'), phone: nul('phone') },
  },
  // ideas
  villageWork('idea_lists', 'ideas', ['created_by', 'updated_by']),
  villageWork('ideas', 'ideas', ['updated_by']),
  {
    table: 'idea_helpers',
    owner: 'ideas',
    purpose: {
      da: 'Borgere, der vil hjælpe med en idé, og hvordan de kontaktes (med samtykke).',
      en: 'Residents who want to help with an idea, and how to reach them (with consent).',
    },
    legalBasis: 'consent',
    retention: {
      da: 'Så længe idélisten findes, eller til personen beder om sletning.',
      en: 'As long as the idea list exists, or until the person asks to be erased.',
    },
    key: ['id'],
    links: [
      {
        column: 'email',
        by: 'email',
        part: 'subject',
        rows: 'delete',
        own: ['name', 'phone', 'voter_hash', 'consent_version'],
      },
    ],
    columns: {
      name: placeholder('name'),
      email: nul('email'),
      phone: nul('phone'),
      voter_hash: keep('device'),
      consent_version: keep('detail'),
    },
  },
  // surveys
  villageWork('surveys', 'surveys', ['created_by', 'updated_by']),
  {
    table: 'survey_responses',
    owner: 'surveys',
    purpose: {
      da: 'Svar på spørgeskemaer; er der spurgt om navn, e-mail eller telefon, er det med samtykke.',
      en: 'Answers to questionnaires; a name, email or phone is asked for only with consent.',
    },
    legalBasis: 'consent',
    retention: {
      da: 'Svar med navn, e-mail eller telefon fjernes {period} efter spørgeskemaet er lukket; resten bliver som resultater.',
      en: 'Answers with a name, email or phone are removed {period} after the survey closed; the rest stay as results.',
      period: 'surveyContact',
    },
    key: ['id'],
    links: [],
    columns: { answers: keep('answers') },
  },
  {
    table: 'survey_answers',
    owner: 'surveys',
    purpose: {
      da: 'De enkelte svar, som resultaterne tælles af.',
      en: 'The single answers the results are counted from.',
    },
    legalBasis: 'consent',
    retention: {
      da: 'Som svarene: personlige svar fjernes {period} efter lukning.',
      en: 'As the responses: personal answers are removed {period} after closing.',
      period: 'surveyContact',
    },
    key: ['response_id', 'question_id'],
    links: [],
    columns: { text: keep('text') },
  },
  // plans
  villageWork('village_documents', 'plans', ['updated_by']),
  villageWork('village_document_versions', 'plans', ['published_by']),
  villageWork('village_document_changes', 'plans', ['changed_by']),
  villageWork('village_document_images', 'plans', ['created_by']),
  // library
  villageWork('library_documents', 'library', ['created_by']),
  villageWork('library_document_versions', 'library', ['uploaded_by']),
  villageWork('library_links', 'library', ['created_by'], {
    key: ['document_id', 'target', 'target_id'],
  }),
  // hotline
  {
    table: 'hotline_requests',
    owner: 'hotline',
    purpose: {
      da: 'Dine spørgsmål til sekretariatet, og hvilken side du spurgte fra.',
      en: 'Your questions to the secretariat, and the page you asked from.',
    },
    legalBasis: 'contract',
    retention: {
      da: 'Spørgsmål fjernes {period} efter de er lukket; tallene bliver.',
      en: 'Questions are removed {period} after they were closed; the counts stay.',
      period: 'hotline',
    },
    key: ['id'],
    links: [
      {
        column: 'asker_id',
        by: 'user',
        part: 'subject',
        rows: 'anonymise',
        own: ['subject', 'page_path'],
      },
    ],
    columns: { subject: placeholder('text'), page_path: placeholder('text') },
  },
  {
    table: 'hotline_messages',
    owner: 'hotline',
    purpose: {
      da: 'Beskederne i en hotline-samtale.',
      en: 'The messages of a hotline conversation.',
    },
    legalBasis: 'contract',
    retention: {
      da: 'Fjernes {period} efter samtalen er lukket.',
      en: 'Removed {period} after the conversation closed.',
      period: 'hotline',
    },
    key: ['id'],
    links: [
      {
        column: 'request_id',
        by: 'user',
        through: { table: 'hotline_requests', column: 'asker_id' },
        unless: 'from_secretariat',
        part: 'subject',
        rows: 'anonymise',
        own: ['body', 'mail_message_id'],
      },
      author('author_id'),
    ],
    columns: { body: placeholder('text'), mail_message_id: nul('detail') },
  },
  // privacy
  {
    table: 'privacy_exports',
    owner: 'privacy',
    purpose: {
      da: 'Udtræk af dine data, som du eller sekretariatet har bedt om.',
      en: 'Exports of your data that you or the secretariat asked for.',
    },
    legalBasis: 'legitimate_interest',
    retention: {
      da: 'Filen slettes, når linket udløber; selve bestillingen slettes med personen.',
      en: 'The file is deleted when the link expires; the order itself goes with the person.',
    },
    key: ['id'],
    links: [
      { column: 'user_id', by: 'user', part: 'subject', rows: 'delete', own: ['file_key'] },
      { column: 'subject_email', by: 'email', part: 'subject', rows: 'delete', own: ['file_key'] },
      author('requested_by_id'),
    ],
    columns: { subject_email: nul('email'), file_key: keep('detail') },
  },
  {
    table: 'erasure_requests',
    owner: 'privacy',
    purpose: {
      da: 'Anmodninger om sletning; navn og e-mail fjernes, når sletningen er gennemført.',
      en: 'Erasure requests; name and email are removed once the erasure is done.',
    },
    legalBasis: 'legitimate_interest',
    retention: {
      da: 'Navn, e-mail og begrundelse fjernes, når sletningen er færdig eller fortrudt.',
      en: 'Name, email and reason are removed when the erasure is done or undone.',
    },
    key: ['id'],
    links: [
      {
        column: 'user_id',
        by: 'user',
        part: 'subject',
        rows: 'anonymise',
        own: ['subject_email', 'subject_name', 'reason'],
      },
      {
        column: 'subject_email',
        by: 'email',
        part: 'subject',
        rows: 'anonymise',
        own: ['subject_name', 'reason'],
      },
      author('requested_by_id'),
      author('approved_by_id'),
    ],
    columns: { subject_email: nul('email'), subject_name: nul('name'), reason: nul('text') },
  },
  {
    table: 'erasure_audit',
    owner: 'privacy',
    purpose: {
      da: 'Log over hvad der skete med en sletning, og hvem der godkendte; aldrig de slettede data.',
      en: 'A log of what happened to an erasure, and who approved it; never the erased data.',
    },
    legalBasis: 'legitimate_interest',
    retention: {
      da: 'Så længe platformen drives, som bevis på at sletninger er sket.',
      en: 'As long as the platform runs, as proof that erasures were done.',
    },
    key: ['id'],
    links: [author('actor_id')],
    columns: {},
  },
];

/** Columns that look personal by name or foreign key but are not, each with why. */
export const NOT_PERSONAL: readonly NotPersonal[] = [
  { column: 'municipalities.name', reason: 'the name of a municipality' },
  { column: 'villages.name', reason: 'the name of a village' },
  { column: 'cohorts.name', reason: 'the name of a cohort' },
  { column: 'sdgs.name_da', reason: 'the name of a UN goal' },
  { column: 'sdgs.name_en', reason: 'the name of a UN goal' },
  { column: 'offerings.name', reason: 'the name of a course or programme' },
  { column: 'focus_areas.name', reason: 'the name of a focus area' },
  { column: 'applications.village_name', reason: 'the name of the applying village' },
  { column: 'applications.agreement_name', reason: 'the file name of the uploaded agreement' },
  {
    column: 'gathering_registrations.village_name',
    reason: 'the village the person comes from (a place)',
  },
  {
    column: 'gathering_registrations.municipality_name',
    reason: 'the municipality the person comes from (a place)',
  },
  { column: 'library_document_versions.file_name', reason: 'the file name of a template' },
  { column: 'lessons.resource_file_name', reason: 'the file name of a course resource' },
  { column: 'migrations.name', reason: 'the name of a database migration' },
  {
    column: 'survey_responses.device_hash',
    reason: 'a keyed hash of an anonymous device, not linkable to a person',
  },
  {
    column: 'survey_responses.person_hash',
    reason:
      'a keyed hash of a one-answer-per-person link, not linkable to a person without the key',
  },
  { column: 'idea_votes.voter_hash', reason: 'a keyed hash of an anonymous device' },
  {
    column: 'stored_files.data',
    reason:
      'the bytes of a file (some personal: agreements, export zips), reached only through the key ' +
      'its owning row holds (applications.agreement_key, privacy_exports.file_key, …), which the ' +
      'registry covers; erasure and retention delete the file by that key',
  },
];

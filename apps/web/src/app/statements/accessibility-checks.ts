/**
 * The pages the browser tests check with axe (apps/web-e2e/src/support/axe.ts), as the
 * accessibility statement lists them. accessibility-checks.spec.ts reads every browser test and
 * fails when this list and the tests disagree: a check added, removed or renamed there must be
 * added, removed or renamed here, so the statement never claims a page the tests do not check.
 */

/** The browser tests' two sizes (apps/web-e2e/playwright.config.ts). */
export const CHECK_WIDTHS = { phone: 390, desktop: 1280 } as const;
export type CheckWidth = keyof typeof CHECK_WIDTHS;

/** When the statement was last read through against the platform (ISO date). */
export const LAST_REVIEWED = '2026-12-07';

/** The groups the statement shows the pages in (texts in `statements.accessibility.areas`). */
export type CheckArea =
  | 'signIn'
  | 'home'
  | 'villages'
  | 'plans'
  | 'circles'
  | 'gatherings'
  | 'courses'
  | 'enrolment'
  | 'surveys'
  | 'newsletters'
  | 'help'
  | 'statements';

export interface AccessibilityCheck {
  /** The browser test file, without `.spec.ts`. */
  readonly spec: string;
  /** The `label` the test gives `expectAccessible`. */
  readonly label: string;
  /** The page's address, with `:name` for the parts that vary. */
  readonly route: string;
  readonly area: CheckArea;
  /** The sizes the test runs at (its tag: none = desktop, @phone = phone, @anysize = both). */
  readonly widths: readonly CheckWidth[];
}

const P: readonly CheckWidth[] = ['phone'];
const D: readonly CheckWidth[] = ['desktop'];
const PD: readonly CheckWidth[] = ['phone', 'desktop'];

function check(
  spec: string,
  label: string,
  route: string,
  area: CheckArea,
  widths: readonly CheckWidth[],
): AccessibilityCheck {
  return { spec, label, route, area, widths };
}

export const ACCESSIBILITY_CHECKS: readonly AccessibilityCheck[] = [
  check('sign-in-password', 'the sign-in page', '/sign-in', 'signIn', D),
  check('sign-in-password', 'the sign-in page showing an error', '/sign-in', 'signIn', D),
  check('sign-in-link', 'the sign-in-link page', '/auth/link', 'signIn', D),
  check('invitation', 'the invitation page', '/invitation', 'signIn', P),
  check('invitation', 'the used-invitation page', '/invitation', 'signIn', D),
  // One test per role; on a phone only the steering member's (@anysize).
  check('sign-in-password', "the ${role}'s home page with the menu open", '/', 'home', PD),
  check('sessions', 'the home page with the next session', '/', 'home', D),
  check('municipality', 'the municipality overview', '/', 'villages', P),
  check('villages', 'the villages page', '/villages', 'villages', D),
  check('panel', 'the village panel page', '/panel/village/:villageId', 'newsletters', D),
  check('plans', 'the plan editor', '/villages/:villageId/plan', 'plans', P),
  check('plans', 'the plan editor after publishing', '/villages/:villageId/plan', 'plans', P),
  check('plans', 'the story editor', '/villages/:villageId/story', 'plans', P),
  check('plans', 'the public plan page', '/landsby/:slug', 'plans', P),
  check('wheel', 'the public page with the wheel', '/landsby/:slug', 'plans', P),
  check('goals', 'the village goals page', '/villages/:villageId/goals', 'plans', P),
  check('goals', 'the goal form', '/villages/:villageId/goals/new', 'plans', P),
  check('goals', 'the progress form with a photo', '/goals/:id', 'plans', P),
  check('goals', 'a goal with its timeline', '/goals/:id', 'plans', P),
  check(
    'initiatives',
    'the village initiatives page',
    '/villages/:villageId/initiatives',
    'plans',
    P,
  ),
  check('initiatives', 'the initiative form', '/villages/:villageId/initiatives/new', 'plans', P),
  check('initiatives', 'an initiative', '/initiatives/:id', 'plans', P),
  check('wheel', 'the annual wheel', '/villages/:villageId/wheel', 'plans', P),
  check('wheel', 'the activity form', '/villages/:villageId/wheel', 'plans', P),
  check('wheel', 'the wheel after a 409', '/villages/:villageId/wheel', 'plans', P),
  check('wheel-desktop', 'the wheel on a wide screen', '/villages/:villageId/wheel', 'plans', D),
  check('wheel', 'the annual report', '/villages/:villageId/report/:year', 'plans', P),
  check(
    'wheel',
    'the question before replacing edits',
    '/villages/:villageId/report/:year',
    'plans',
    P,
  ),
  check('circles', 'the planner with a preview', '/cohorts/:id/plan', 'circles', D),
  check('circles', 'the cohort grid', '/cohorts/:id/grid', 'circles', D),
  check('circles', 'the grid on a phone', '/cohorts/:id/grid', 'circles', P),
  check('circles', 'the circle page', '/circles/:id', 'circles', D),
  check('circles', "the coordinator's circles", '/circles', 'circles', D),
  check('circles', 'the session edit page', '/circles/sessions/:id/edit', 'circles', D),
  check('sessions', 'my sessions', '/sessions', 'circles', D),
  check('sessions', 'the session page', '/sessions/:id', 'circles', D),
  check('sessions', 'the attendance screen', '/sessions/:id/attendance', 'circles', P),
  check('sessions', 'the session page after attendance', '/sessions/:id', 'circles', P),
  check('sessions', 'the outcome form', '/sessions/:id', 'circles', P),
  check('initiatives', 'the outcome form with a linked step', '/sessions/:id', 'circles', P),
  check('initiatives', 'the session page with a linked step', '/sessions/:id', 'circles', P),
  check('library', 'a session with a linked template', '/sessions/:id', 'circles', P),
  check('gatherings', 'the public gathering page', '/moede/:id', 'gatherings', P),
  check('gatherings', 'the check-your-mail page', '/moede/:id', 'gatherings', P),
  check('gatherings', 'the confirmed page', '/moede/bekraeft', 'gatherings', P),
  check('gatherings', 'the cancel page', '/moede/afmeld', 'gatherings', P),
  check('gatherings', 'the check-in page', '/moeder/:id/check-in', 'gatherings', P),
  check('gatherings', 'the check-in result', '/moeder/:id/check-in', 'gatherings', P),
  check('gatherings', 'the gathering page', '/moeder/:id', 'gatherings', P),
  check('gatherings', 'the gatherings list', '/moeder', 'gatherings', P),
  check('gatherings', 'the gathering form', '/moeder/ny', 'gatherings', P),
  check('video-course', 'the lesson editor', '/authoring/lessons/:id', 'courses', D),
  check('video-course', 'the lesson page', '/lessons/:id', 'courses', D),
  check('enrolment', 'the catalogue', '/enrolment', 'enrolment', P),
  check(
    'enrolment',
    'the application form, step 1',
    '/enrolment/apply/:offeringId',
    'enrolment',
    P,
  ),
  check(
    'enrolment',
    'the application form, step 4',
    '/enrolment/apply/:offeringId',
    'enrolment',
    P,
  ),
  check('enrolment', 'the info-meeting sign-up', '/enrolment/info-meetings', 'enrolment', P),
  check('enrolment', 'the intake pipeline', '/enrolment/intake', 'enrolment', P),
  check('enrolment', 'the application page', '/enrolment/applications/:id', 'enrolment', P),
  check('enrolment', "the coordinator's intake", '/enrolment/intake', 'enrolment', D),
  check('enrolment', 'the offering form', '/enrolment/offerings/new', 'enrolment', D),
  check('enrolment', 'the offering page', '/enrolment/offerings/:id', 'enrolment', D),
  check('survey-answer', 'the resumed second page', '/svar/:token', 'surveys', P),
  check('survey-answer', 'the last page with a consent text', '/svar/:token', 'surveys', P),
  check('survey-results', 'the survey results', '/surveys/:id/results', 'surveys', P),
  check('ideas', 'the voting page', '/stem/:slug', 'surveys', P),
  check('ideas', 'the idea list with its ranking', '/ideas/:id', 'surveys', P),
  check('newsletters', 'the new newsletter page', '/newsletters/new', 'newsletters', D),
  check('newsletters', 'the newsletter editor', '/newsletters/:id', 'newsletters', D),
  check(
    'newsletters',
    'the newsletter editor with a village card',
    '/newsletters/:id',
    'newsletters',
    P,
  ),
  check('newsletters', 'the preview with a village card', '/newsletters/:id', 'newsletters', P),
  check('newsletters', 'the sending progress', '/newsletters/:id/progress', 'newsletters', D),
  check('newsletters', 'the public web version', '/newsletters/web/:token', 'newsletters', D),
  check('newsletters', 'a newsletter in the archive', '/newsletters/:id/read', 'newsletters', D),
  check('newsletters', 'the archive on a phone', '/newsletters/archive', 'newsletters', P),
  check('newsletters', 'a newsletter on a phone', '/newsletters/:id/read', 'newsletters', P),
  check('panel', 'the sign-up page', '/panel/join/:villageId', 'newsletters', P),
  check('panel', 'the confirmed page', '/panel/confirm', 'newsletters', P),
  check('panel', 'the preferences page', '/panel/preferences', 'newsletters', P),
  check('hotline', 'the ask form', '/hjaelp/spoerg', 'help', P),
  check('hotline', 'the asker’s thread', '/hjaelp/:id', 'help', P),
  check('hotline', 'the secretariat’s queue', '/hotline', 'help', P),
  check('hotline', 'the secretariat’s thread', '/hotline/:id', 'help', P),
  check('library', 'the phase library', '/bibliotek', 'help', P),
  check('library', 'the library search', '/bibliotek', 'help', P),
  check('statements', 'the privacy notice', '/privatliv', 'statements', PD),
  check('statements', 'the accessibility statement', '/tilgaengelighed', 'statements', PD),
  check('statements', 'the privacy notice signed in', '/privatliv', 'statements', P),
  check('statements', 'the accessibility statement signed in', '/tilgaengelighed', 'statements', P),
  check('privacy', 'the profile', '/profile', 'statements', P),
  check('privacy', 'the profile with the export ready', '/profile', 'statements', P),
  check('privacy', 'the profile with erasure asked', '/profile', 'statements', P),
  check('privacy', 'the personal-data desk', '/persondata', 'statements', P),
  check('privacy', 'the desk with the audit log open', '/persondata', 'statements', P),
  check('privacy', 'the erase-me confirm step', '/panel/preferences', 'newsletters', P),
  check('privacy', 'the erased page', '/panel/preferences', 'newsletters', P),
];

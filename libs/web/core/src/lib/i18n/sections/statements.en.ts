import type { DictionaryOf } from '../dictionary';
import type { statementsDa } from './statements.da';

/** English texts for the privacy notice and the accessibility statement; key for key as Danish. */
export const statementsEn: DictionaryOf<typeof statementsDa> = {
  contact: {
    heading: 'Contact',
    hotline: 'If you have an account, write to us under "Ask the secretariat" in the menu.',
    mail: 'You can also mail the secretariat:',
    phone: 'Or call the secretariat:',
  },
  privacy: {
    title: 'How we look after your data',
    intro:
      'This page says which data BLUP Akademiet holds about you, why we hold it, how long we keep it, and what you can do yourself.',
    whoHeading: 'Who is responsible?',
    who: 'The BLUP secretariat is responsible for your data. The secretariat runs BLUP Akademiet and guides the villages through the BLUP process. We use your data for BLUP only, and we never sell it.',
    municipalitiesHeading: 'What does the municipality learn?',
    municipalities:
      'The municipality pays for the village’s process. It learns only how far the village has come, and numbers such as how many take part. The municipality does not see who answered what, and it does not get your contact details from us.',
    dataHeading: 'Which data, why and for how long?',
    dataIntro: 'The list comes straight from the platform, so it always matches what we keep.',
    loading: 'Loading the list of data …',
    loadFailedTitle: 'The list could not be loaded just now',
    loadFailedText:
      'Try again in a moment. The rest of this page still holds, and you can always ask the secretariat.',
    retry: 'Try again',
    retention: 'Kept: {retention}',
    fields: 'Data',
    kinds: {
      account: 'your account',
      name: 'name',
      email: 'email',
      phone: 'phone',
      ip: 'IP address',
      device: 'which browser or phone',
      text: 'what you wrote',
      answers: 'your answers',
      secret: 'codes, stored so nobody can read them',
      detail: 'language and the like',
      authorship: 'who wrote what',
    },
    basis: {
      contract: 'Because you use the platform and take part in the process',
      consent: 'Because you said yes',
      legitimate_interest: 'Because BLUP has to work',
      public_task: 'Because the municipality has a task we carry out with it',
    },
    basisText: {
      contract: 'We need the data to give you what you signed up for (GDPR art. 6(1)(b)).',
      consent: 'You said yes yourself, and you can take it back at any time (GDPR art. 6(1)(a)).',
      legitimate_interest:
        'We have a fair reason that we have weighed against your privacy (GDPR art. 6(1)(f)).',
      public_task: 'The data belongs to a public task of the municipality (GDPR art. 6(1)(e)).',
    },
    rightsHeading: 'What you can do',
    rightSee:
      'See and download your data: on your profile, press "Download my data". You get a file with everything we hold about you.',
    rightErase:
      'Erase yourself: on your profile, press "Delete my account". You have {days, plural, one {# day} other {# days}} to change your mind; then we erase you.',
    rightPanel:
      'If you are on the citizen panel without an account, use the link at the bottom of every newsletter. There you can leave and be erased at once.',
    rightFix: 'If something is wrong, correct it on your profile, or ask the secretariat to.',
    rightNoAccount:
      'If you have no account but we have your email address (from a gathering, say), write to the secretariat, and we download or erase it for you.',
    complainHeading: 'Complaints',
    complain:
      'If you are unhappy with how we look after your data, please write to us first. You can also complain to the Danish Data Protection Agency:',
    complainLink: 'Datatilsynet (datatilsynet.dk)',
  },
  accessibility: {
    title: 'Accessibility statement',
    intro:
      'BLUP Akademiet should work for everyone, also with a screen reader, with magnification or with the keyboard only. This page says how far we have come and what does not work well enough yet.',
    statusHeading: 'Do we meet the requirements?',
    status:
      'The platform partly meets WCAG 2.1 level AA (the standard EN 301 549). That means we meet most requirements, but there are known problems, listed below.',
    problemsHeading: 'What does not work well enough yet',
    problemLetter:
      'Newsletters are shown in a frame of their own, which is not checked automatically. If a newsletter is hard to read, tell us and we send it in another form.',
    problemUploads:
      'Documents and pictures that others upload (in the library, say) are not always made accessible, e.g. PDF files without headings.',
    problemVideos: 'Not every course video has subtitles yet.',
    problemManual:
      'The whole platform has not yet been reviewed by an outside party or by people using a screen reader.',
    methodHeading: 'How we checked',
    method:
      'We assessed the platform ourselves. Every time the code changes, our browser tests run the pages below through the axe-core tool. A serious or critical problem stops the change until it is fixed. Pages are checked on a phone (390 px wide) and on an ordinary screen (1280 px wide), as given for each page.',
    reviewed: 'This statement was last reviewed on {date}.',
    pagesHeading: 'Pages checked automatically',
    pagesIntro:
      'Each page is checked as it looks at a given point in a test: {count, plural, one {# check} other {# checks}} in all.',
    checks: '{count, plural, one {# check} other {# checks}}',
    pages: '{count, plural, one {# page} other {# pages}}',
    phone: 'phone',
    desktop: 'screen',
    feedbackHeading: 'Tell us if something does not work',
    feedback:
      'If you meet something you cannot use, tell us. You can also ask for the content in another form. Do not write your CPR number or health details.',
    complainHeading: 'Complaints to the Danish Agency for Digital Government',
    complain:
      'If you get no answer within 10 working days, or you are not satisfied with the answer, you can contact the Danish Agency for Digital Government (Digitaliseringsstyrelsen):',
    complainLink: 'Meeting inaccessible content? (digst.dk, in Danish)',
    areas: {
      signIn: 'Signing in and invitations',
      home: 'Home page and menu',
      villages: 'Villages and municipalities',
      plans: 'Development plan, goals and initiatives',
      circles: 'Study circles, cohorts and sessions',
      gatherings: 'Gatherings',
      courses: 'Courses',
      enrolment: 'Enrolment',
      surveys: 'Questionnaires and ideas',
      newsletters: 'Newsletters and citizen panel',
      help: 'Help and library',
      statements: 'Privacy and accessibility',
    },
  },
};

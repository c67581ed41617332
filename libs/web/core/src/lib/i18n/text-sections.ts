import { inject } from '@angular/core';
import type { TextSectionName, TextSectionTables } from './dictionary';
import { I18nService } from './i18n.service';

/**
 * Each section's Danish and English files, fetched on demand. Written out one by one so the
 * bundler sees each `import()` and gives every section a chunk of its own.
 */
const loaders: { readonly [N in TextSectionName]: () => Promise<TextSectionTables<N>> } = {
  newsletters: () =>
    Promise.all([import('./sections/newsletters.da'), import('./sections/newsletters.en')]).then(
      ([da, en]) => ({ da: da.newslettersDa, en: en.newslettersEn }),
    ),
  panel: () =>
    Promise.all([import('./sections/panel.da'), import('./sections/panel.en')]).then(
      ([da, en]) => ({ da: da.panelDa, en: en.panelEn }),
    ),
  enrolment: () =>
    Promise.all([import('./sections/enrolment.da'), import('./sections/enrolment.en')]).then(
      ([da, en]) => ({ da: da.enrolmentDa, en: en.enrolmentEn }),
    ),
  goals: () =>
    Promise.all([import('./sections/goals.da'), import('./sections/goals.en')]).then(
      ([da, en]) => ({ da: da.goalsDa, en: en.goalsEn }),
    ),
  initiatives: () =>
    Promise.all([import('./sections/initiatives.da'), import('./sections/initiatives.en')]).then(
      ([da, en]) => ({ da: da.initiativesDa, en: en.initiativesEn }),
    ),
  ideas: () =>
    Promise.all([import('./sections/ideas.da'), import('./sections/ideas.en')]).then(
      ([da, en]) => ({ da: da.ideasDa, en: en.ideasEn }),
    ),
  plans: () =>
    Promise.all([import('./sections/plans.da'), import('./sections/plans.en')]).then(
      ([da, en]) => ({ da: da.plansDa, en: en.plansEn }),
    ),
  wheel: () =>
    Promise.all([import('./sections/wheel.da'), import('./sections/wheel.en')]).then(
      ([da, en]) => ({ da: da.wheelDa, en: en.wheelEn }),
    ),
  surveyAdmin: () =>
    Promise.all([import('./sections/survey-admin.da'), import('./sections/survey-admin.en')]).then(
      ([da, en]) => ({ da: da.surveyAdminDa, en: en.surveyAdminEn }),
    ),
  surveyAnswer: () =>
    Promise.all([
      import('./sections/survey-answer.da'),
      import('./sections/survey-answer.en'),
    ]).then(([da, en]) => ({ da: da.surveyAnswerDa, en: en.surveyAnswerEn })),
  library: () =>
    Promise.all([import('./sections/library.da'), import('./sections/library.en')]).then(
      ([da, en]) => ({ da: da.libraryDa, en: en.libraryEn }),
    ),
  hotline: () =>
    Promise.all([import('./sections/hotline.da'), import('./sections/hotline.en')]).then(
      ([da, en]) => ({ da: da.hotlineDa, en: en.hotlineEn }),
    ),
  gatherings: () =>
    Promise.all([import('./sections/gatherings.da'), import('./sections/gatherings.en')]).then(
      ([da, en]) => ({ da: da.gatheringsDa, en: en.gatheringsEn }),
    ),
  statements: () =>
    Promise.all([import('./sections/statements.da'), import('./sections/statements.en')]).then(
      ([da, en]) => ({ da: da.statementsDa, en: en.statementsEn }),
    ),
  privacy: () =>
    Promise.all([import('./sections/privacy.da'), import('./sections/privacy.en')]).then(
      ([da, en]) => ({ da: da.privacyDa, en: en.privacyEn }),
    ),
};

/**
 * A route guard (`canMatch` or `canActivate`) that loads a text section and adds it to the
 * dictionary before the route's screens show, so their texts are there on first paint:
 * `{ path: 'panel', canMatch: [loadTextSection('panel')], loadChildren: … }`.
 * Also usable in specs: `await TestBed.runInInjectionContext(loadTextSection('panel'))`.
 */
export function loadTextSection(name: TextSectionName): () => Promise<true> {
  return async () => {
    const i18n = inject(I18nService);
    if (!i18n.hasSection(name)) i18n.registerSection(name, await loaders[name]());
    return true;
  };
}

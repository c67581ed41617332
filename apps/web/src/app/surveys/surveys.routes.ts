import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

const VILLAGE_READERS = [Role.Secretariat, Role.Coordinator, Role.SteeringMember] as const;
const MUNICIPALITY_READERS = [Role.Secretariat, Role.Coordinator] as const;

/** A village's questionnaires: part of the villages routes (so `villageId` binds). */
export const villageSurveysRoutes: Routes = [
  {
    path: ':villageId/surveys',
    title: 'surveyAdmin.title',
    canActivate: [roleGuard(...VILLAGE_READERS), loadTextSection('surveyAdmin')],
    loadComponent: () => import('./surveys.page').then((m) => m.SurveysPage),
  },
];

/** A municipality's questionnaires (its needs analysis): part of the municipalities routes. */
export const municipalitySurveysRoutes: Routes = [
  {
    path: ':municipalityId/surveys',
    title: 'surveyAdmin.title',
    canActivate: [roleGuard(...MUNICIPALITY_READERS), loadTextSection('surveyAdmin')],
    loadComponent: () => import('./surveys.page').then((m) => m.SurveysPage),
  },
];

/** One questionnaire under `/surveys/:id`, and the secretariat's templates. */
export const surveyRoutes: Routes = [
  {
    path: 'templates',
    title: 'surveyAdmin.title',
    canActivate: [roleGuard(Role.Secretariat), loadTextSection('surveyAdmin')],
    data: { templates: true },
    loadComponent: () => import('./surveys.page').then((m) => m.SurveysPage),
  },
  {
    path: 'templates/:templateId/comparison',
    title: 'surveyAdmin.title',
    canActivate: [roleGuard(Role.Secretariat), loadTextSection('surveyAdmin')],
    loadComponent: () => import('./survey-comparison.page').then((m) => m.SurveyComparisonPage),
  },
  {
    path: ':id',
    title: 'surveyAdmin.title',
    canActivate: [roleGuard(...VILLAGE_READERS), loadTextSection('surveyAdmin')],
    loadComponent: () => import('./survey-editor.page').then((m) => m.SurveyEditorPage),
  },
  {
    path: ':id/results',
    title: 'surveyAdmin.title',
    canActivate: [roleGuard(...VILLAGE_READERS), loadTextSection('surveyAdmin')],
    loadComponent: () => import('./survey-results.page').then((m) => m.SurveyResultsPage),
  },
];

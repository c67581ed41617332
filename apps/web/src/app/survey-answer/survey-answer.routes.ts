import type { Routes } from '@angular/router';
import { SurveyAnswerPage } from './survey-answer.page';

/**
 * `/spoergeskema/:token` (and `?p=` for a personal link): answering without an account, outside
 * the signed-in shell. The page is part of this chunk, so the start-up prefetch of the first
 * path segment fetches it together with the app.
 */
export const surveyAnswerRoutes: Routes = [
  { path: ':token', title: 'surveyAnswer.title', component: SurveyAnswerPage },
];

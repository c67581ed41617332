import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

/** Who asks the secretariat: everyone but the secretariat. */
const ASKERS = [Role.SteeringMember, Role.Coordinator, Role.Learner] as const;

/** `/hjaelp`: one's own questions, the ask form (`/hjaelp/spoerg?fra=`), and each thread. */
export const helpRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.myQuestions',
    canActivate: [roleGuard(...ASKERS), loadTextSection('hotline')],
    loadComponent: () => import('./my-questions.page').then((m) => m.MyQuestionsPage),
  },
  {
    path: 'spoerg',
    title: 'nav.ask',
    canActivate: [roleGuard(...ASKERS), loadTextSection('hotline')],
    loadComponent: () => import('./ask.page').then((m) => m.AskPage),
  },
  {
    path: ':id',
    title: 'nav.myQuestions',
    canActivate: [roleGuard(...ASKERS, Role.Secretariat), loadTextSection('hotline')],
    loadComponent: () => import('./question.page').then((m) => m.QuestionPage),
  },
];

/** `/hotline`: the secretariat's queue, the FAQ and each thread. */
export const hotlineRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.hotline',
    canActivate: [roleGuard(Role.Secretariat), loadTextSection('hotline')],
    loadComponent: () => import('./queue.page').then((m) => m.QueuePage),
  },
  {
    path: 'faq',
    title: 'nav.hotline',
    canActivate: [roleGuard(Role.Secretariat), loadTextSection('hotline')],
    loadComponent: () => import('./faq.page').then((m) => m.FaqPage),
  },
  {
    path: ':id',
    title: 'nav.hotline',
    canActivate: [roleGuard(Role.Secretariat), loadTextSection('hotline')],
    loadComponent: () => import('./question.page').then((m) => m.QuestionPage),
  },
];

import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';
import { cohortCircleRoutes } from '../circles/circles.routes';

export const cohortsRoutes: Routes = [
  {
    path: '',
    title: 'nav.cohorts',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./cohorts.page').then((m) => m.CohortsPage),
  },
  {
    path: 'new',
    title: 'cohorts.createTitle',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./cohort-form.page').then((m) => m.CohortFormPage),
  },
  {
    path: ':id',
    title: 'nav.cohorts',
    canActivate: [loadTextSection('goals')],
    loadComponent: () => import('./cohort.page').then((m) => m.CohortPage),
  },
  {
    path: ':id/edit',
    title: 'cohorts.editTitle',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./cohort-form.page').then((m) => m.CohortFormPage),
  },
  ...cohortCircleRoutes,
];

import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

/** Circles, a circle's page, and the secretariat's session editing. */
export const circlesRoutes: Routes = [
  {
    path: '',
    title: 'nav.circles',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./circles.page').then((m) => m.CirclesPage),
  },
  {
    path: 'sessions/:id/edit',
    title: 'circles.editSession',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./session-form.page').then((m) => m.SessionFormPage),
  },
  {
    path: ':id',
    title: 'nav.circles',
    loadComponent: () => import('./circle.page').then((m) => m.CirclePage),
  },
  {
    path: ':id/sessions/new',
    title: 'circles.addSession',
    canActivate: [roleGuard(Role.Secretariat)],
    data: { mode: 'new' },
    loadComponent: () => import('./session-form.page').then((m) => m.SessionFormPage),
  },
];

/** The cohort's plan and grid, under `/cohorts/:id/…`. */
export const cohortCircleRoutes: Routes = [
  {
    path: ':id/plan',
    title: 'circles.plan',
    canActivate: [roleGuard(Role.Secretariat), loadTextSection('newsletters')],
    loadComponent: () => import('./planner.page').then((m) => m.PlannerPage),
  },
  {
    path: ':id/grid',
    title: 'circles.grid',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./grid.page').then((m) => m.GridPage),
  },
];

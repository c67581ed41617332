import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';
import { villageGoalsRoutes } from '../goals/goals.routes';
import { villageIdeasRoutes } from '../ideas/ideas.routes';
import { villageInitiativesRoutes } from '../initiatives/initiatives.routes';
import { villagePlanRoutes } from '../plans/plans.routes';
import { villageSurveysRoutes } from '../surveys/surveys.routes';
import { villageWheelRoutes } from '../wheel/wheel.routes';

export const villagesRoutes: Routes = [
  {
    path: '',
    title: 'nav.villages',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./villages.page').then((m) => m.VillagesPage),
  },
  {
    path: 'new',
    title: 'villages.createTitle',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./village-form.page').then((m) => m.VillageFormPage),
  },
  {
    path: ':id',
    title: 'nav.villages',
    canActivate: [loadTextSection('panel'), loadTextSection('plans')],
    loadComponent: () => import('./village.page').then((m) => m.VillagePage),
  },
  ...villageGoalsRoutes,
  ...villageInitiativesRoutes,
  ...villageIdeasRoutes,
  ...villagePlanRoutes,
  ...villageWheelRoutes,
  ...villageSurveysRoutes,
  {
    path: ':id/edit',
    title: 'villages.editTitle',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./village-form.page').then((m) => m.VillageFormPage),
  },
];

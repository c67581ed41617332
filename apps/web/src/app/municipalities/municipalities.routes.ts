import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';
import { municipalitySurveysRoutes } from '../surveys/surveys.routes';

export const municipalitiesRoutes: Routes = [
  {
    path: '',
    title: 'nav.municipalities',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./municipalities.page').then((m) => m.MunicipalitiesPage),
  },
  {
    path: 'new',
    title: 'municipalities.createTitle',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./municipality-form.page').then((m) => m.MunicipalityFormPage),
  },
  {
    path: ':id',
    title: 'nav.municipalities',
    canActivate: [loadTextSection('goals')],
    loadComponent: () => import('./municipality.page').then((m) => m.MunicipalityPage),
  },
  ...municipalitySurveysRoutes,
  {
    path: ':id/edit',
    title: 'municipalities.editTitle',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./municipality-form.page').then((m) => m.MunicipalityFormPage),
  },
];

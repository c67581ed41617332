import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

const READERS = [Role.Secretariat, Role.Coordinator, Role.SteeringMember] as const;
const WRITERS = [Role.Secretariat, Role.SteeringMember] as const;

/** A village's initiatives: part of the villages routes (full paths, so `villageId` binds). */
export const villageInitiativesRoutes: Routes = [
  {
    path: ':villageId/initiatives',
    title: 'nav.initiatives',
    canActivate: [roleGuard(...READERS), loadTextSection('initiatives')],
    loadComponent: () => import('./initiatives.page').then((m) => m.InitiativesPage),
  },
  {
    path: ':villageId/initiatives/new',
    title: 'nav.initiatives',
    canActivate: [roleGuard(...WRITERS), loadTextSection('initiatives')],
    loadComponent: () => import('./initiative-form.page').then((m) => m.InitiativeFormPage),
  },
  {
    path: ':villageId/initiatives/focus-areas/new',
    title: 'nav.initiatives',
    canActivate: [roleGuard(...WRITERS), loadTextSection('initiatives')],
    loadComponent: () => import('./focus-area-form.page').then((m) => m.FocusAreaFormPage),
  },
  {
    path: ':villageId/initiatives/focus-areas/:id',
    title: 'nav.initiatives',
    canActivate: [roleGuard(...WRITERS), loadTextSection('initiatives')],
    loadComponent: () => import('./focus-area-form.page').then((m) => m.FocusAreaFormPage),
  },
];

/** One initiative, under `/initiatives/:id`. */
export const initiativeRoutes: Routes = [
  {
    path: ':id',
    title: 'nav.initiatives',
    canActivate: [roleGuard(...READERS), loadTextSection('initiatives')],
    loadComponent: () => import('./initiative.page').then((m) => m.InitiativePage),
  },
  {
    path: ':id/edit',
    title: 'nav.initiatives',
    canActivate: [roleGuard(...WRITERS), loadTextSection('initiatives')],
    loadComponent: () => import('./initiative-form.page').then((m) => m.InitiativeFormPage),
  },
];

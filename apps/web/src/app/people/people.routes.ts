import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { roleGuard } from '@blup/web/core';

export const peopleRoutes: Routes = [
  {
    path: '',
    title: 'nav.people',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator, Role.SteeringMember)],
    loadComponent: () => import('./people.page').then((m) => m.PeoplePage),
  },
  {
    path: ':id',
    title: 'nav.people',
    loadComponent: () => import('./person.page').then((m) => m.PersonPage),
  },
];

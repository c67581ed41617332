import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

const READERS = [Role.Secretariat, Role.Coordinator, Role.SteeringMember] as const;

/**
 * A village's annual wheel and annual reports: part of the villages routes. The `plans` texts
 * are the 409 comparison's, shared with the plan and story editors.
 */
export const villageWheelRoutes: Routes = [
  {
    path: ':villageId/wheel',
    title: 'nav.villages',
    canActivate: [roleGuard(...READERS), loadTextSection('wheel'), loadTextSection('plans')],
    loadComponent: () => import('./wheel.page').then((m) => m.WheelPage),
  },
  {
    path: ':villageId/report/:year',
    title: 'nav.villages',
    canActivate: [roleGuard(...READERS), loadTextSection('wheel'), loadTextSection('plans')],
    loadComponent: () => import('./report.page').then((m) => m.ReportPage),
  },
];

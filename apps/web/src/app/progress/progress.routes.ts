import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { roleGuard } from '@blup/web/core';

export const progressRoutes: Routes = [
  {
    path: '',
    title: 'nav.progress',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./progress.page').then((m) => m.ProgressPage),
  },
];

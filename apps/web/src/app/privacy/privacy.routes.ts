import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { loadTextSection, roleGuard } from '@blup/web/core';

/** `/persondata`: the secretariat's desk for erasure requests and copies of a person's data. */
export const privacyRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.privacy',
    canActivate: [roleGuard(Role.Secretariat), loadTextSection('privacy')],
    loadComponent: () => import('./privacy-desk.page').then((m) => m.PrivacyDeskPage),
  },
];

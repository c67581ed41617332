import type { Routes } from '@angular/router';

/** Pages the emails link to, and the forgotten-password form. */
export const authRoutes: Routes = [
  {
    path: 'link',
    title: 'auth.linkTitle',
    loadComponent: () => import('./link.page').then((m) => m.LinkPage),
  },
  {
    path: 'forgot',
    title: 'auth.forgotTitle',
    loadComponent: () => import('./forgot.page').then((m) => m.ForgotPage),
  },
  {
    path: 'reset',
    title: 'auth.resetTitle',
    loadComponent: () => import('./reset.page').then((m) => m.ResetPage),
  },
];

import type { Routes } from '@angular/router';

/** The signed-in gathering pages under `/moeder` (issue 16). */
export const gatheringsRoutes: Routes = [
  {
    path: '',
    title: 'gatherings.title',
    loadComponent: () => import('./gatherings.page').then((m) => m.GatheringsPage),
  },
  {
    path: 'ny',
    title: 'gatherings.createTitle',
    loadComponent: () => import('./gathering-form.page').then((m) => m.GatheringFormPage),
  },
  {
    path: ':id',
    title: 'gatherings.title',
    loadComponent: () => import('./gathering.page').then((m) => m.GatheringPage),
  },
  {
    path: ':id/edit',
    title: 'gatherings.editTitle',
    loadComponent: () => import('./gathering-form.page').then((m) => m.GatheringFormPage),
  },
  {
    path: ':id/check-in',
    title: 'gatherings.checkInTitle',
    loadComponent: () => import('./check-in.page').then((m) => m.CheckInPage),
  },
];

/**
 * The public pages under `/moede` (no account): a guest-audience gathering's page with the
 * guest form, and where the confirmation and cancel links of the mails land.
 */
export const publicGatheringRoutes: Routes = [
  {
    path: 'bekraeft',
    title: 'gatherings.confirmTitle',
    loadComponent: () => import('./public-confirm.page').then((m) => m.PublicConfirmPage),
  },
  {
    path: 'afmeld',
    title: 'gatherings.cancelTitle',
    loadComponent: () => import('./public-cancel.page').then((m) => m.PublicCancelPage),
  },
  {
    path: ':id',
    title: 'gatherings.title',
    loadComponent: () => import('./public-gathering.page').then((m) => m.PublicGatheringPage),
  },
];

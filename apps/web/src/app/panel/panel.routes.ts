import type { Routes } from '@angular/router';
import { loadTextSection, signedInGuard } from '@blup/web/core';

/**
 * The citizen panel: public sign-up, confirmation and preferences; the village's subscriber list and import (issue 5).
 * Mounted outside the signed-in block: public pages need no guard, every other route carries
 * `signedInGuard` (and a role guard where it needs one).
 */
export const panelRoutes: Routes = [
  {
    path: 'join/:villageId',
    title: 'panel.title',
    loadComponent: () => import('./join.page').then((m) => m.JoinPage),
  },
  {
    path: 'confirm',
    title: 'panel.confirmTitle',
    loadComponent: () => import('./confirm.page').then((m) => m.ConfirmPage),
  },
  {
    path: 'preferences',
    title: 'panel.preferencesTitle',
    canActivate: [loadTextSection('privacy')],
    loadComponent: () => import('./preferences.page').then((m) => m.PreferencesPage),
  },
  {
    path: 'village/:villageId',
    title: 'panel.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./village-panel.page').then((m) => m.VillagePanelPage),
  },
];

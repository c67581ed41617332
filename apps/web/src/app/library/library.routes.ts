import type { Routes } from '@angular/router';
import { loadTextSection } from '@blup/web/core';

/** `/bibliotek`: the phase library, for everyone signed in. */
export const libraryRoutes: Routes = [
  {
    path: '',
    title: 'nav.library',
    canActivate: [loadTextSection('library')],
    loadComponent: () => import('./library.page').then((m) => m.LibraryPage),
  },
];

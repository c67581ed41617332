import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { AuthStore, roleGuard, signedInGuard } from '@blup/web/core';

/** `/newsletters` is the secretariat's list; everyone else reads the archive there. */
const listOrArchive: CanActivateFn = () =>
  inject(AuthStore).role() === Role.Secretariat ||
  inject(Router).createUrlTree(['/newsletters/archive']);

/**
 * Newsletters: list, editor, preview, sending progress, archive; the public web version (issue 5).
 * Mounted outside the signed-in block: public pages need no guard, every other route carries
 * `signedInGuard` (and a role guard where it needs one).
 */
export const newslettersRoutes: Routes = [
  {
    path: 'web/:token',
    title: 'newsletters.webTitle',
    loadComponent: () => import('./web-version.page').then((m) => m.NewsletterWebPage),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'newsletters.title',
        canActivate: [listOrArchive],
        loadComponent: () => import('./newsletters.page').then((m) => m.NewslettersPage),
      },
      {
        path: 'archive',
        title: 'newsletters.archiveTitle',
        loadComponent: () => import('./archive.page').then((m) => m.NewsletterArchivePage),
      },
      {
        path: 'new',
        title: 'newsletters.newTitle',
        canActivate: [roleGuard(Role.Secretariat)],
        loadComponent: () => import('./new-newsletter.page').then((m) => m.NewNewsletterPage),
      },
      {
        path: ':id',
        title: 'newsletters.editorTitle',
        canActivate: [roleGuard(Role.Secretariat)],
        loadComponent: () => import('./editor.page').then((m) => m.NewsletterEditorPage),
      },
      {
        path: ':id/progress',
        title: 'newsletters.progressTitle',
        canActivate: [roleGuard(Role.Secretariat)],
        loadComponent: () => import('./progress.page').then((m) => m.NewsletterProgressPage),
      },
      {
        path: ':id/read',
        title: 'newsletters.readTitle',
        loadComponent: () => import('./read.page').then((m) => m.NewsletterReadPage),
      },
    ],
  },
];

import type { Routes } from '@angular/router';
import { Role } from '@blup/contracts';
import { roleGuard, signedInGuard } from '@blup/web/core';

/**
 * Enrolment: offerings, applying, my enrolments, info meetings, the intake pipeline (issue 6).
 * Mounted outside the signed-in block: public pages need no guard, every other route carries
 * `signedInGuard` (and a role guard where it needs one).
 */
export const enrolmentRoutes: Routes = [
  // Public: anyone may apply and sign up for an info meeting.
  {
    path: 'apply/received',
    title: 'enrolment.receipt.title',
    loadComponent: () => import('./receipt.page').then((m) => m.ReceiptPage),
  },
  {
    path: 'apply',
    title: 'enrolment.apply.title',
    loadComponent: () => import('./apply.page').then((m) => m.ApplyPage),
  },
  {
    path: 'apply/:offeringId',
    title: 'enrolment.apply.title',
    loadComponent: () => import('./apply.page').then((m) => m.ApplyPage),
  },
  {
    path: 'info-meetings',
    title: 'enrolment.infoMeetings.title',
    loadComponent: () => import('./info-meetings.page').then((m) => m.InfoMeetingsPage),
  },
  {
    path: 'info-meetings/cancel',
    title: 'enrolment.infoMeetings.cancelTitle',
    loadComponent: () => import('./info-meeting-cancel.page').then((m) => m.InfoMeetingCancelPage),
  },
  // Signed in.
  {
    path: '',
    pathMatch: 'full',
    title: 'enrolment.catalogue.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./catalogue.page').then((m) => m.CataloguePage),
  },
  {
    path: 'mine',
    title: 'enrolment.mine.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./mine.page').then((m) => m.MinePage),
  },
  {
    path: 'intake',
    title: 'enrolment.intake.title',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./intake.page').then((m) => m.IntakePage),
  },
  {
    path: 'applications/:id',
    title: 'enrolment.intake.title',
    canActivate: [roleGuard(Role.Secretariat, Role.Coordinator)],
    loadComponent: () => import('./application.page').then((m) => m.ApplicationPage),
  },
  {
    path: 'offerings',
    title: 'enrolment.offerings.title',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./offerings.page').then((m) => m.OfferingsPage),
  },
  {
    path: 'offerings/new',
    title: 'enrolment.offerings.createTitle',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./offering-form.page').then((m) => m.OfferingFormPage),
  },
  {
    path: 'offerings/:id/edit',
    title: 'enrolment.offerings.editTitle',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./offering-form.page').then((m) => m.OfferingFormPage),
  },
  {
    path: 'offerings/:id',
    title: 'enrolment.offerings.title',
    canActivate: [roleGuard(Role.Secretariat)],
    loadComponent: () => import('./offering.page').then((m) => m.OfferingPage),
  },
];

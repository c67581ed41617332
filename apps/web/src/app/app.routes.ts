import type { Route } from '@angular/router';
import { loadTextSection, signedInGuard, signedOutGuard } from '@blup/web/core';

export const appRoutes: Route[] = [
  {
    path: 'sign-in',
    title: 'auth.signInTitle',
    canActivate: [signedOutGuard],
    loadComponent: () => import('./auth/sign-in.page').then((m) => m.SignInPage),
  },
  { path: 'auth', loadChildren: () => import('./auth/auth.routes').then((m) => m.authRoutes) },
  {
    path: 'invitation',
    title: 'invitation.title',
    loadComponent: () => import('./auth/invitation.page').then((m) => m.InvitationPage),
  },
  {
    path: 'newsletters',
    canMatch: [loadTextSection('newsletters')],
    loadChildren: () => import('./newsletters/newsletters.routes').then((m) => m.newslettersRoutes),
  },
  {
    path: 'panel',
    canMatch: [loadTextSection('panel')],
    loadChildren: () => import('./panel/panel.routes').then((m) => m.panelRoutes),
  },
  {
    path: 'enrolment',
    canMatch: [loadTextSection('enrolment')],
    loadChildren: () => import('./enrolment/enrolment.routes').then((m) => m.enrolmentRoutes),
  },
  {
    path: 'stem',
    loadChildren: () => import('./ideas/ideas.routes').then((m) => m.voteRoutes),
  },
  {
    // The API's `surveyPublicPath` (the link, its poster, personal links) points here.
    path: 'svar',
    canMatch: [loadTextSection('surveyAnswer')],
    loadChildren: () =>
      import('./survey-answer/survey-answer.routes').then((m) => m.surveyAnswerRoutes),
  },
  {
    // Public gathering pages; the API's `GATHERING_PATHS` (mails, QR codes) point here.
    path: 'moede',
    canMatch: [loadTextSection('gatherings')],
    loadChildren: () =>
      import('./gatherings/gatherings.routes').then((m) => m.publicGatheringRoutes),
  },
  {
    // The statements every footer links to (issue 17); public, light pages.
    path: 'privatliv',
    title: 'statements.privacy.title',
    canMatch: [loadTextSection('statements')],
    loadComponent: () => import('./statements/privacy.page').then((m) => m.PrivacyPage),
  },
  {
    path: 'tilgaengelighed',
    title: 'statements.accessibility.title',
    canMatch: [loadTextSection('statements')],
    loadComponent: () => import('./statements/accessibility.page').then((m) => m.AccessibilityPage),
  },
  {
    path: 'landsby',
    loadChildren: () => import('./plans/plans.routes').then((m) => m.publicPlanRoutes),
  },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        pathMatch: 'full',
        title: 'nav.home',
        loadComponent: () => import('./home/home.page').then((m) => m.HomePage),
      },
      {
        path: 'moeder',
        canMatch: [loadTextSection('gatherings')],
        loadChildren: () =>
          import('./gatherings/gatherings.routes').then((m) => m.gatheringsRoutes),
      },
      {
        path: 'municipalities',
        loadChildren: () =>
          import('./municipalities/municipalities.routes').then((m) => m.municipalitiesRoutes),
      },
      {
        path: 'villages',
        loadChildren: () => import('./villages/villages.routes').then((m) => m.villagesRoutes),
      },
      {
        path: 'goals',
        loadChildren: () => import('./goals/goals.routes').then((m) => m.goalRoutes),
      },
      {
        path: 'initiatives',
        loadChildren: () =>
          import('./initiatives/initiatives.routes').then((m) => m.initiativeRoutes),
      },
      {
        path: 'ideas',
        loadChildren: () => import('./ideas/ideas.routes').then((m) => m.ideaRoutes),
      },
      {
        path: 'surveys',
        loadChildren: () => import('./surveys/surveys.routes').then((m) => m.surveyRoutes),
      },
      {
        path: 'cohorts',
        loadChildren: () => import('./cohorts/cohorts.routes').then((m) => m.cohortsRoutes),
      },
      {
        path: 'sessions',
        loadChildren: () => import('./sessions/sessions.routes').then((m) => m.sessionsRoutes),
      },
      {
        path: 'circles',
        loadChildren: () => import('./circles/circles.routes').then((m) => m.circlesRoutes),
      },
      {
        path: 'people',
        loadChildren: () => import('./people/people.routes').then((m) => m.peopleRoutes),
      },
      {
        path: 'courses',
        loadChildren: () => import('./courses/courses.routes').then((m) => m.coursesRoutes),
      },
      {
        path: 'lessons',
        loadChildren: () => import('./courses/courses.routes').then((m) => m.lessonsRoutes),
      },
      {
        path: 'authoring',
        loadChildren: () => import('./authoring/authoring.routes').then((m) => m.authoringRoutes),
      },
      {
        path: 'progress',
        loadChildren: () => import('./progress/progress.routes').then((m) => m.progressRoutes),
      },
      {
        path: 'bibliotek',
        loadChildren: () => import('./library/library.routes').then((m) => m.libraryRoutes),
      },
      {
        path: 'hjaelp',
        loadChildren: () => import('./hotline/hotline.routes').then((m) => m.helpRoutes),
      },
      {
        path: 'hotline',
        loadChildren: () => import('./hotline/hotline.routes').then((m) => m.hotlineRoutes),
      },
      {
        path: 'persondata',
        loadChildren: () => import('./privacy/privacy.routes').then((m) => m.privacyRoutes),
      },
      {
        path: 'profile',
        title: 'nav.profile',
        canActivate: [loadTextSection('privacy')],
        loadComponent: () => import('./profile/profile.page').then((m) => m.ProfilePage),
      },
    ],
  },
  {
    path: '**',
    title: 'notFound.title',
    loadComponent: () => import('./not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];

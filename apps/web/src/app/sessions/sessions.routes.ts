import type { Routes } from '@angular/router';

/** My sessions, the session page, attendance. */
export const sessionsRoutes: Routes = [
  {
    path: '',
    title: 'sessions.title',
    loadComponent: () => import('./sessions.page').then((m) => m.SessionsPage),
  },
  {
    path: ':id',
    title: 'sessions.title',
    loadComponent: () => import('./session.page').then((m) => m.SessionPage),
  },
  {
    path: ':id/attendance',
    title: 'sessions.takeAttendance',
    loadComponent: () => import('./attendance.page').then((m) => m.AttendancePage),
  },
];

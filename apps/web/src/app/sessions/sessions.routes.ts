import type { Routes } from '@angular/router';

/** My sessions, the session page, attendance. */
export const sessionsRoutes: Routes = [];

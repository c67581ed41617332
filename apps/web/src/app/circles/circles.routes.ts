import type { Routes } from '@angular/router';

/** Circles, the cohort plan and grid. */
export const circlesRoutes: Routes = [];

import type { Routes } from '@angular/router';

/**
 * Enrolment: offerings, applying, my enrolments, info meetings, the intake pipeline (issue 6).
 * Mounted outside the signed-in block: public pages need no guard, every other route carries
 * `signedInGuard` (and a role guard where it needs one).
 */
export const enrolmentRoutes: Routes = [];

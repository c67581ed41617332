import type { Routes } from '@angular/router';

/**
 * Newsletters: list, editor, preview, sending progress, archive; the public web version (issue 5).
 * Mounted outside the signed-in block: public pages need no guard, every other route carries
 * `signedInGuard` (and a role guard where it needs one).
 */
export const newslettersRoutes: Routes = [];

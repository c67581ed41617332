import type { Routes } from '@angular/router';

/**
 * The citizen panel: public sign-up, confirmation and preferences; the village's subscriber list and import (issue 5).
 * Mounted outside the signed-in block: public pages need no guard, every other route carries
 * `signedInGuard` (and a role guard where it needs one).
 */
export const panelRoutes: Routes = [];

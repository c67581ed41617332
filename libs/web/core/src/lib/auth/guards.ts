import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Role } from '@blup/contracts';
import { AuthStore } from './auth.store';

/** Lets signed-in people through; sends everyone else to sign in and back here afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  await auth.restore();
  return (
    auth.signedIn() || router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } })
  );
};

/** For the sign-in page: someone already signed in goes home. */
export const signedOutGuard: CanActivateFn = async () => {
  const auth = inject(AuthStore);
  const router = inject(Router);
  await auth.restore();
  return !auth.signedIn() || router.createUrlTree(['/']);
};

/** Only the given roles; other signed-in people go home, signed-out people to sign in. */
export function roleGuard(...roles: Role[]): CanActivateFn {
  return async (_route, state) => {
    const auth = inject(AuthStore);
    const router = inject(Router);
    await auth.restore();
    const role = auth.role();
    if (!role) return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
    return roles.includes(role) || router.createUrlTree(['/']);
  };
}

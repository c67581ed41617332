import type { Route } from '@angular/router';

/**
 * Starts fetching the code of the page the app opens on, while the start-up calls (session,
 * CSRF cookie, texts) are still under way: the router only asks for it once they are done, one
 * round trip later on a slow connection. The router's own `import()` then finds it loaded.
 * Top-level paths and the children of the signed-in shell (`path: ''`) are looked at.
 */
export function prefetchInitialRoute(routes: readonly Route[], pathname: string): void {
  const first = pathname.split('/').find(Boolean) ?? '';
  const candidates = routes.flatMap((route) =>
    route.path === '' && route.children ? route.children : [route],
  );
  const route = candidates.find((candidate) => candidate.path === first);
  const load = route?.loadComponent ?? route?.loadChildren;
  // Only a head start: a failure here surfaces when the router loads the page itself.
  if (load) Promise.resolve(load()).catch(() => undefined);
}

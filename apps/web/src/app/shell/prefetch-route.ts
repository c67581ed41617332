import type { Route } from '@angular/router';

/** The first segment of a path: what the top-level routes and the shell's children match. */
function firstSegment(pathname: string): string {
  return pathname.split('/').find(Boolean) ?? '';
}

/** The children of the signed-in shell (the top-level route `path: ''` with children). */
function shellChildren(routes: readonly Route[]): readonly Route[] {
  return routes.find((route) => route.path === '' && route.children)?.children ?? [];
}

/**
 * Starts fetching the code of the page the app opens on, while the start-up calls (session,
 * CSRF cookie, texts) are still under way: the router only asks for it once they are done, one
 * round trip later on a slow connection. The router's own `import()` then finds it loaded.
 * Top-level paths and the children of the signed-in shell (`path: ''`) are looked at.
 */
export function prefetchInitialRoute(routes: readonly Route[], pathname: string): void {
  const first = firstSegment(pathname);
  const candidates = routes.flatMap((route) =>
    route.path === '' && route.children ? route.children : [route],
  );
  const route = candidates.find((candidate) => candidate.path === first);
  const load = route?.loadComponent ?? route?.loadChildren;
  // Only a head start: a failure here surfaces when the router loads the page itself.
  if (load) prefetch(load);
}

/** Whether the path is one of the signed-in shell's pages (the home page is): one for members. */
export function opensSignedIn(routes: readonly Route[], pathname: string): boolean {
  const first = firstSegment(pathname);
  return shellChildren(routes).some((child) => child.path === first);
}

/** Calls a loader for its side effect of fetching code; a failure surfaces on the real load. */
export function prefetch(load: () => unknown): void {
  Promise.resolve(load()).catch(() => undefined);
}

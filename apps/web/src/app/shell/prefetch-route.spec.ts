import type { Route } from '@angular/router';
import { opensSignedIn, prefetchInitialRoute } from './prefetch-route';

describe(prefetchInitialRoute.name, () => {
  const fetched: string[] = [];
  const page = (name: string) => () => {
    fetched.push(name);
    return Promise.resolve(class {});
  };
  const routes: Route[] = [
    { path: 'sign-in', loadComponent: page('sign-in') },
    { path: 'panel', loadChildren: () => (fetched.push('panel'), Promise.resolve([])) },
    {
      path: '',
      children: [
        { path: '', pathMatch: 'full', loadComponent: page('home') },
        { path: 'people', loadComponent: page('people') },
      ],
    },
    { path: '**', loadComponent: page('not-found') },
  ];

  beforeEach(() => (fetched.length = 0));

  it.each([
    ['/sign-in', 'sign-in'],
    ['/panel/village/v1', 'panel'],
    ['/', 'home'],
    ['/people/p1', 'people'],
  ])('on %s fetches the %s code', (path, name) => {
    prefetchInitialRoute(routes, path);
    expect(fetched).toEqual([name]);
  });

  it('fetches nothing for an unknown path', () => {
    prefetchInitialRoute(routes, '/nowhere');
    expect(fetched).toEqual([]);
  });
});

describe(opensSignedIn.name, () => {
  const routes: Route[] = [
    { path: 'sign-in', loadComponent: () => Promise.resolve(class {}) },
    {
      path: '',
      children: [
        { path: '', pathMatch: 'full', loadComponent: () => Promise.resolve(class {}) },
        { path: 'people', loadComponent: () => Promise.resolve(class {}) },
      ],
    },
  ];

  it.each([
    ['/', true],
    ['/people/p1', true],
    ['/sign-in', false],
    ['/nowhere', false],
  ])('%s is a signed-in page: %s', (path, expected) => {
    expect(opensSignedIn(routes, path)).toBe(expected);
  });
});

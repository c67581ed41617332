import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type RouterStateSnapshot,
  Router,
  UrlTree,
  provideRouter,
} from '@angular/router';
import { Role } from '@blup/contracts';
import { AuthStore } from './auth.store';
import { roleGuard, signedInGuard, signedOutGuard } from './guards';

describe('route guards', () => {
  const role = signal<Role | null>(null);
  const restore = jest.fn(() => Promise.resolve());

  beforeEach(() => {
    role.set(null);
    restore.mockClear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        { provide: AuthStore, useValue: { restore, role, signedIn: () => role() !== null } },
      ],
    });
  });

  const run = (guard: typeof signedInGuard, url = '/villages?page=2') =>
    TestBed.runInInjectionContext(() =>
      guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot),
    ) as Promise<boolean | UrlTree>;
  const serialize = (result: boolean | UrlTree) =>
    result instanceof UrlTree ? TestBed.inject(Router).serializeUrl(result) : result;

  describe(signedInGuard.name, () => {
    it('sends a signed-out person to sign in, remembering where they were going', async () => {
      expect(serialize(await run(signedInGuard))).toBe('/sign-in?returnUrl=%2Fvillages%3Fpage%3D2');
      expect(restore).toHaveBeenCalled();
    });

    it('lets a signed-in person through', async () => {
      role.set(Role.Learner);
      expect(await run(signedInGuard)).toBe(true);
    });
  });

  describe(signedOutGuard.name, () => {
    it('sends a signed-in person home', async () => {
      role.set(Role.Coordinator);
      expect(serialize(await run(signedOutGuard))).toBe('/');
    });

    it('lets a signed-out person see the page', async () => {
      expect(await run(signedOutGuard)).toBe(true);
    });
  });

  describe(roleGuard.name, () => {
    const secretariatOnly = roleGuard(Role.Secretariat);

    it('lets the named roles through', async () => {
      role.set(Role.Secretariat);
      expect(await run(secretariatOnly)).toBe(true);
    });

    it('sends other roles home', async () => {
      role.set(Role.Coordinator);
      expect(serialize(await run(secretariatOnly))).toBe('/');
    });

    it('sends signed-out people to sign in', async () => {
      expect(serialize(await run(secretariatOnly, '/cohorts/new'))).toBe(
        '/sign-in?returnUrl=%2Fcohorts%2Fnew',
      );
    });
  });
});

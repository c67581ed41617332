import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@blup/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorInterceptor } from '../http/api-error.interceptor';
import { I18nService } from '../i18n/i18n.service';
import { aUser } from '../testing';
import { AuthStore } from './auth.store';

describe(AuthStore.name, () => {
  let sut: AuthStore;
  let http: HttpTestingController;
  let i18n: I18nService;
  let router: Router;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    sut = TestBed.inject(AuthStore);
    http = TestBed.inject(HttpTestingController);
    i18n = TestBed.inject(I18nService);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigate').mockResolvedValue(true);
  });

  afterEach(() => http.verify());

  describe('restore', () => {
    it('takes the existing session and its profile language', async () => {
      const restored = sut.restore();
      expect(sut.loading()).toBe(true);

      http.expectOne('/api/auth/me').flush(aUser({ locale: 'en' }));
      await restored;
      TestBed.tick();

      expect(sut.user()?.name).toBe('Ane Jensen');
      expect(sut.signedIn()).toBe(true);
      expect(sut.loading()).toBe(false);
      expect(i18n.locale()).toBe('en');
      http.expectNone({ method: 'PATCH' });
    });

    it('leaves the person signed out on 401, without redirecting', async () => {
      const restored = sut.restore();
      http
        .expectOne('/api/auth/me')
        .flush(
          { statusCode: 401, message: 'Sign in first', error: 'Unauthorized', requestId: 'r' },
          { status: 401, statusText: 'Unauthorized' },
        );
      await restored;

      expect(sut.signedIn()).toBe(false);
      expect(router.navigate).not.toHaveBeenCalled();
    });

    it('asks only once per app start', async () => {
      const first = sut.restore();
      const second = sut.restore();
      http.expectOne('/api/auth/me').flush(aUser());

      await Promise.all([first, second]);
    });
  });

  it('signs in and keeps the language the person chose on this device', async () => {
    i18n.setLocale('en');

    const signedIn = firstValueFrom(
      sut.signIn({ email: 'ane@example.dk', password: 'secret-pass' }),
    );
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'ane@example.dk', password: 'secret-pass' });
    login.flush(aUser({ locale: 'da' }));
    await signedIn;
    TestBed.tick();

    const patch = http.expectOne({ method: 'PATCH', url: '/api/auth/me' });
    expect(patch.request.body).toEqual({ locale: 'en' });
    patch.flush(aUser({ locale: 'en' }));
    TestBed.tick();
    expect(sut.user()?.locale).toBe('en');
    http.expectNone({ method: 'PATCH' });
  });

  it('saves a language switch on the profile while signed in', async () => {
    const signedIn = firstValueFrom(sut.signIn({ email: 'a@b.dk', password: 'x' }));
    http.expectOne('/api/auth/login').flush(aUser({ locale: 'da' }));
    await signedIn;
    TestBed.tick();
    http.expectNone({ method: 'PATCH' });

    i18n.setLocale('en');
    TestBed.tick();

    expect(http.expectOne({ method: 'PATCH', url: '/api/auth/me' }).request.body).toEqual({
      locale: 'en',
    });
  });

  it('does not call the API for a language switch while signed out', () => {
    i18n.setLocale('en');
    TestBed.tick();

    http.expectNone({ method: 'PATCH' });
  });

  it('passes a failed sign-in on and stays signed out', async () => {
    const signedIn = firstValueFrom(sut.signIn({ email: 'a@b.dk', password: 'wrong' }));
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 401,
        error: 'Unauthorized',
        message: 'Wrong email or password.',
        requestId: 'r1',
      },
      { status: 401, statusText: 'Unauthorized' },
    );

    await expect(signedIn).rejects.toMatchObject({
      status: 401,
      message: 'Wrong email or password.',
    });
    expect(sut.signedIn()).toBe(false);
    expect(router.navigate).not.toHaveBeenCalled();
    expect(sut.loading()).toBe(false);
  });

  it('signs out, forgets the user and goes to the sign-in page', async () => {
    const accepted = firstValueFrom(
      sut.acceptInvitation({ token: 't', name: 'Ane', password: 'long-enough' }),
    );
    http.expectOne('/api/invitations/accept').flush(aUser());
    await accepted;

    sut.signOut();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });

    expect(sut.user()).toBeNull();
    expect(router.navigate).toHaveBeenCalledWith(['/sign-in']);
  });

  it('knows who may invite', async () => {
    const consumed = firstValueFrom(sut.consumeLink('token'));
    http
      .expectOne('/api/auth/link/consume')
      .flush(aUser({ role: Role.SteeringMember, coordinationGroup: true }));
    await consumed;

    expect(sut.canInvite()).toBe(true);
    expect(sut.invitableRoles()).toEqual([Role.SteeringMember]);

    sut.update(aUser({ role: Role.SteeringMember, coordinationGroup: false }));
    expect(sut.canInvite()).toBe(false);
  });
});

import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { Role, type SessionUser } from '@blup/contracts';
import { AuthStore } from '@blup/web/core';
import { App } from './app';

const steeringMember: SessionUser = {
  id: 'u1',
  email: 'ane@example.dk',
  name: 'Ane Jensen',
  role: Role.SteeringMember,
  locale: 'da',
  municipalityId: 'm1',
  municipalityName: 'Næstved',
  villageId: 'v1',
  villageName: 'Tybjerg og Omegn',
  coordinationGroup: true,
  learnerKind: null,
};

describe(App.name, () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'sign-in', children: [] }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  });

  async function render() {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { fixture, element, byTestId };
  }

  it('offers the language switch and no menu while signed out', async () => {
    const { byTestId } = await render();

    expect(byTestId('brand')?.textContent).toContain('BLUP Akademiet');
    expect(byTestId('language-switch')?.textContent).toContain('English');
    expect(byTestId('menu-button')).toBeNull();
    expect(byTestId('sign-out')).toBeNull();
  });

  it('switches the whole interface to English and back', async () => {
    const { fixture, byTestId } = await render();

    byTestId('language-switch')?.click();
    await fixture.whenStable();

    expect(document.documentElement.lang).toBe('en');
    expect(byTestId('language-switch')?.textContent).toContain('Dansk');
    expect(byTestId('language-switch')?.getAttribute('lang')).toBe('da');

    byTestId('language-switch')?.click();
    await fixture.whenStable();
    expect(document.documentElement.lang).toBe('da');
  });

  it("shows a steering member their village and people, but not the secretariat's lists", async () => {
    TestBed.inject(AuthStore).update(steeringMember);
    const { element, byTestId } = await render();

    const entries = [...element.querySelectorAll('[data-testid^="nav-"]')].map((a) =>
      a.getAttribute('href'),
    );
    expect(entries).toEqual([
      '/',
      '/moeder',
      '/sessions',
      '/newsletters',
      '/courses',
      '/bibliotek',
      '/enrolment',
      '/villages/v1',
      '/villages/v1/goals',
      '/people',
      '/hjaelp',
      '/profile',
    ]);
    expect(byTestId('current-user')?.textContent).toContain('Ane Jensen');
    expect(byTestId('menu-button')).not.toBeNull();
  });

  it('signs out from the menu', async () => {
    TestBed.inject(AuthStore).update(steeringMember);
    const { fixture, byTestId } = await render();

    byTestId('sign-out')?.click();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/logout')
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();

    expect(TestBed.inject(AuthStore).signedIn()).toBe(false);
    expect(byTestId('sign-out')).toBeNull();
  });
});

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@blup/contracts';
import { apiErrorInterceptor } from '@blup/web/core';
import { SignInPage } from './sign-in.page';

describe(SignInPage.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(inputs: Record<string, string> = {}) {
    const fixture = TestBed.createComponent(SignInPage);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const byTestId = <T extends HTMLElement>(id: string) =>
      element.querySelector<T>(`[data-testid="${id}"]`);
    const type = (id: string, value: string) => {
      const input = byTestId<HTMLInputElement>(id);
      if (!input) throw new Error(`no ${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    };
    const submit = async () => {
      byTestId<HTMLButtonElement>('submit')?.click();
      await fixture.whenStable();
    };
    const errors = () =>
      [...element.querySelectorAll('.field-error')].map((e) => e.textContent?.trim());
    return { fixture, element, byTestId, type, submit, errors };
  }

  it('shows what is missing and sends nothing when the form is empty', async () => {
    const { submit, errors } = await render();

    await submit();

    expect(errors()).toEqual(['Skal udfyldes.', 'Skal udfyldes.']);
  });

  it('explains a malformed email address', async () => {
    const { type, submit, errors } = await render();
    type('email', 'ane-at-example');
    type('password', 'whatever');

    await submit();

    expect(errors()).toEqual(['Skriv en gyldig e-mailadresse, f.eks. navn@eksempel.dk.']);
  });

  it('signs in and goes to where the person was going, but never off-site', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    const { type, submit } = await render({ returnUrl: '/villages' });
    type('email', 'ane@example.dk');
    type('password', 'correct horse');

    await submit();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ email: 'ane@example.dk', password: 'correct horse' });
    login.flush({
      id: 'u1',
      name: 'Ane',
      email: 'ane@example.dk',
      role: Role.Learner,
      locale: 'da',
    });

    expect(navigate).toHaveBeenCalledWith('/villages');
  });

  it("shows the API's message when sign-in is refused", async () => {
    const { type, submit, byTestId, fixture } = await render();
    type('email', 'ane@example.dk');
    type('password', 'wrong');

    await submit();
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: 'Too many attempts. Try again in 10 minutes.',
        requestId: 'r1',
      },
      { status: 429, statusText: 'Too Many Requests' },
    );
    await fixture.whenStable();

    expect(byTestId('error-message')?.getAttribute('role')).toBe('alert');
    expect(byTestId('error-message')?.textContent).toContain(
      'Too many attempts. Try again in 10 minutes.',
    );
  });

  it('shows someone without an account the way to apply and to the info meetings', async () => {
    const { byTestId } = await render();

    const apply = byTestId<HTMLAnchorElement>('apply-link');
    const meetings = byTestId<HTMLAnchorElement>('info-meetings-link');
    expect(apply?.textContent?.trim()).toBe('Søg om et BLUP-forløb');
    expect(apply?.getAttribute('href')).toBe('/enrolment/apply');
    expect(meetings?.textContent?.trim()).toBe('Infomøder');
    expect(meetings?.getAttribute('href')).toBe('/enrolment/info-meetings');
  });

  it('sends a sign-in link without asking for a password, then says to check the mail', async () => {
    const { type, submit, byTestId, fixture } = await render({ mode: 'link' });
    expect(byTestId('password')).toBeNull();
    type('email', 'ane@example.dk');

    await submit();
    const request = http.expectOne('/api/auth/link');
    expect(request.request.body).toEqual({ email: 'ane@example.dk', locale: 'da' });
    request.flush(null, { status: 202, statusText: 'Accepted' });
    await fixture.whenStable();

    expect(byTestId('check-mail')?.textContent).toContain('ane@example.dk');
  });
});

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@blup/contracts';
import { apiErrorInterceptor } from '@blup/web/core';
import { LinkPage } from './link.page';

describe(LinkPage.name, () => {
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

  async function render(token: string) {
    const fixture = TestBed.createComponent(LinkPage);
    fixture.componentRef.setInput('token', token);
    await fixture.whenStable();
    const byTestId = (id: string) =>
      (fixture.nativeElement as HTMLElement).querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { fixture, byTestId };
  }

  it('does not use the token up just by being opened (mail scanners open links)', async () => {
    const { byTestId } = await render('tok');

    expect(byTestId('consume-link')).not.toBeNull();
    http.expectNone('/api/auth/link/consume');
  });

  it('signs in when the button is pressed', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const { byTestId } = await render('tok');

    byTestId('consume-link')?.click();
    const consume = http.expectOne('/api/auth/link/consume');
    expect(consume.request.body).toEqual({ token: 'tok' });
    consume.flush({ id: 'u1', name: 'Ane', role: Role.Learner, locale: 'da' });

    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('offers a new link when this one is used or expired', async () => {
    const { fixture, byTestId } = await render('old');

    byTestId('consume-link')?.click();
    http
      .expectOne('/api/auth/link/consume')
      .flush(
        { statusCode: 410, error: 'Gone', message: 'Used', requestId: 'r' },
        { status: 410, statusText: 'Gone' },
      );
    await fixture.whenStable();

    expect(byTestId('link-expired')?.textContent).toContain('Send mig et nyt link');
    expect(byTestId('link-expired')?.querySelector('a')?.getAttribute('href')).toBe(
      '/sign-in?mode=link',
    );
  });
});

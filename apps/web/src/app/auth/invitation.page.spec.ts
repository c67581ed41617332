import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role } from '@blup/contracts';
import { apiErrorInterceptor } from '@blup/web/core';
import { InvitationPage } from './invitation.page';

describe(InvitationPage.name, () => {
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

  async function render(token?: string) {
    const fixture = TestBed.createComponent(InvitationPage);
    if (token) fixture.componentRef.setInput('token', token);
    fixture.detectChanges(); // not whenStable: the inspect request keeps the app busy until flushed
    const element = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      await TestBed.inject(ApplicationRef).whenStable();
      await fixture.whenStable();
    };
    return {
      fixture,
      element,
      settle,
      byTestId: (id: string) => element.querySelector<HTMLElement>(`[data-testid="${id}"]`),
    };
  }

  it('says plainly when the invitation is used or expired', async () => {
    const { settle, byTestId } = await render('old');
    http
      .expectOne('/api/invitations/inspect')
      .flush(
        { statusCode: 410, error: 'Gone', message: 'Used', requestId: 'r' },
        { status: 410, statusText: 'Gone' },
      );
    await settle();

    expect(byTestId('invitation-expired')?.textContent).toContain(
      'Invitationen virker ikke længere',
    );
    expect(byTestId('invitation-form')).toBeNull();
  });

  it('treats a missing token as an invitation that does not work', async () => {
    const { byTestId } = await render();

    expect(byTestId('invitation-expired')).not.toBeNull();
    http.expectNone('/api/invitations/inspect');
  });

  it('shows who invited whom to what, then accepts with name and password', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const { settle, byTestId, element } = await render('tok');
    const inspect = http.expectOne('/api/invitations/inspect');
    expect(inspect.request.body).toEqual({ token: 'tok' });
    inspect.flush({
      email: 'bo@example.dk',
      name: 'Bo',
      role: Role.SteeringMember,
      municipalityName: 'Næstved',
      villageName: 'Glumsø og Omegn',
      invitedByName: 'Karen Holm',
    });
    await settle();

    expect(element.textContent).toContain('Karen Holm har inviteret dig');
    expect(byTestId('invitation-details')?.textContent).toContain('Glumsø og Omegn, Næstved');
    const name = byTestId('name') as HTMLInputElement;
    expect(name.value).toBe('Bo');

    const password = byTestId('password') as HTMLInputElement;
    password.value = 'long enough';
    password.dispatchEvent(new Event('input'));
    byTestId('accept-invitation')?.click();

    const accept = http.expectOne('/api/invitations/accept');
    expect(accept.request.body).toEqual({ token: 'tok', name: 'Bo', password: 'long enough' });
    accept.flush({ id: 'u2', name: 'Bo', role: Role.SteeringMember, locale: 'da' });
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it("shows the API's reason when the password is refused", async () => {
    const { settle, byTestId } = await render('tok');
    http.expectOne('/api/invitations/inspect').flush({
      email: 'bo@example.dk',
      name: 'Bo',
      role: Role.Learner,
      municipalityName: null,
      villageName: null,
      invitedByName: null,
    });
    await settle();
    const password = byTestId('password') as HTMLInputElement;
    password.value = 'password';
    password.dispatchEvent(new Event('input'));

    byTestId('accept-invitation')?.click();
    http.expectOne('/api/invitations/accept').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'That password is too common.',
        requestId: 'r',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(byTestId('error-message')?.textContent).toContain('That password is too common.');
  });
});

import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  CircleKind,
  ErrorCode,
  Phase,
  RsvpAnswer,
  SessionStatus,
  type SessionSummaryDto,
} from '@blup/contracts';
import { apiErrorInterceptor } from '@blup/web/core';
import { SessionActions } from './session-actions';

const HOUR = 3_600_000;

function aSession(overrides: Partial<SessionSummaryDto> = {}): SessionSummaryDto {
  return {
    id: 's1',
    circleId: 'c1',
    circleKind: CircleKind.Village,
    cohortName: 'Forår 2027',
    villageName: 'Glumsø og Omegn',
    title: 'Borgerpanelet',
    phase: Phase.Mobilisation,
    topic: '',
    startsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    endsAt: new Date(Date.now() + 25 * HOUR).toISOString(),
    status: SessionStatus.Planned,
    meetingUrl: 'https://meet.jit.si/blup-glumsoe',
    myRsvp: null,
    canRsvp: true,
    ...overrides,
  };
}

describe(SessionActions.name, () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([apiErrorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(session: SessionSummaryDto) {
    const fixture = TestBed.createComponent(SessionActions);
    fixture.componentRef.setInput('session', session);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const byTestId = (id: string) => host.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    return { fixture, host, byTestId };
  }

  it('joins in a new tab, offers the calendar file and shows the current answer', async () => {
    const { byTestId } = await render(aSession({ myRsvp: RsvpAnswer.Maybe }));

    const join = byTestId('join') as HTMLAnchorElement;
    expect(join.href).toBe('https://meet.jit.si/blup-glumsoe');
    expect(join.target).toBe('_blank');
    expect(join.rel).toContain('noopener');
    expect(byTestId('add-to-calendar')?.getAttribute('href')).toBe('/api/sessions/s1/calendar.ics');
    expect(byTestId('rsvp-maybe')?.getAttribute('aria-pressed')).toBe('true');
    expect(byTestId('rsvp-yes')?.getAttribute('aria-pressed')).toBe('false');
  });

  it('saves an answer and says so', async () => {
    const { fixture, byTestId } = await render(aSession());
    const answered = jest.fn();
    fixture.componentInstance.answered.subscribe(answered);

    byTestId('rsvp-yes')?.click();
    const request = http.expectOne('/api/sessions/s1/rsvp');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ answer: 'yes' });
    request.flush({ ...aSession(), myRsvp: RsvpAnswer.Yes });
    await fixture.whenStable();

    expect(byTestId('rsvp-yes')?.getAttribute('aria-pressed')).toBe('true');
    expect(byTestId('rsvp-status')?.textContent).toContain('Dit svar er gemt: Ja.');
    expect(answered).toHaveBeenCalled();
  });

  it('puts the old answer back and shows the API’s reason in Danish when refused', async () => {
    const { fixture, host, byTestId } = await render(aSession({ myRsvp: RsvpAnswer.No }));

    byTestId('rsvp-yes')?.click();
    http.expectOne('/api/sessions/s1/rsvp').flush(
      {
        statusCode: 400,
        error: 'Bad Request',
        message: 'This session is cancelled.',
        code: ErrorCode.SessionCancelled,
        requestId: 'r1',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();

    expect(byTestId('rsvp-no')?.getAttribute('aria-pressed')).toBe('true');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'Mødet er aflyst, så der kan ikke svares på det.',
    );
  });

  it('says clearly that a cancelled session is cancelled, without join or answers', async () => {
    const { byTestId } = await render(aSession({ status: SessionStatus.Cancelled }));

    expect(byTestId('session-cancelled')?.textContent).toContain('Aflyst');
    expect(byTestId('join')).toBeNull();
    expect(byTestId('rsvp-yes')).toBeNull();
  });

  it('closes answers once the session has ended', async () => {
    const { byTestId } = await render(
      aSession({
        startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
        endsAt: new Date(Date.now() - HOUR).toISOString(),
        myRsvp: RsvpAnswer.Yes,
      }),
    );

    expect((byTestId('rsvp-no') as HTMLButtonElement).disabled).toBe(true);
    expect(byTestId('rsvp-yes')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('says the session is over instead of offering to join once it has ended', async () => {
    const { byTestId } = await render(
      aSession({
        startsAt: new Date(Date.now() - 2 * HOUR).toISOString(),
        endsAt: new Date(Date.now() - HOUR).toISOString(),
      }),
    );

    expect(byTestId('join')).toBeNull();
    expect(byTestId('session-ended')?.textContent).toContain('Mødet er slut.');
    expect(byTestId('add-to-calendar')).not.toBeNull();
  });
});

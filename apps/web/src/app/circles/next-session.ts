import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { SessionStatus } from '@blup/contracts';
import { CirclesApi, TranslatePipe } from '@blup/web/core';
import { CircleTimePipe } from './circle-labels';

/** "Next session: Thu 25 Mar 19:00" for one circle (its first session not yet held or cancelled). */
@Component({
  selector: 'blup-next-session',
  imports: [TranslatePipe, CircleTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (next(); as session) {
      {{ 'circles.nextSession' | t: { when: (session.startsAt | circleTime: 'short') } }} –
      {{ session.title }}
    } @else if (sessions.hasValue()) {
      {{ 'circles.noNextSession' | t }}
    }
  `,
})
export class NextSession {
  private readonly api = inject(CirclesApi);
  readonly circleId = input.required<string>();
  protected readonly sessions = rxResource({
    params: () => this.circleId(),
    stream: ({ params }) => this.api.circleSessions(params, { pageSize: 50 }),
  });
  protected readonly next = computed(() => {
    if (!this.sessions.hasValue()) return null;
    const now = Date.now();
    return (
      this.sessions
        .value()
        .items.find((s) => s.status === SessionStatus.Planned && Date.parse(s.endsAt) > now) ?? null
    );
  });
}

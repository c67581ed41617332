import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { SessionStatus, type SessionSummaryDto } from '@blup/contracts';
import { TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { SessionActions } from '../sessions/session-actions';
import { circleLabel } from '../sessions/session-labels';
import { SessionTimePipe } from '../sessions/session-time.pipe';

/** "Dit næste møde": the person's next study-circle session, to join, answer and save. */
@Component({
  selector: 'blup-next-session-card',
  imports: [RouterLink, MatButton, Icon, SessionActions, SessionTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let s = session();
    <section class="next" data-testid="next-session" aria-labelledby="next-session-heading">
      <p class="eyebrow" id="next-session-heading">
        <blup-icon name="cohort" />
        {{ 'sessions.next' | t }}
      </p>
      <h2 [class.struck]="cancelled()">{{ s.title }}</h2>
      <p class="circle">{{ circle().key | t: circle().params }}</p>
      <p class="when" data-testid="next-session-time">{{ s | sessionTime }}</p>
      <blup-session-actions [session]="s">
        <a matButton data-testid="open-session" [routerLink]="['/sessions', s.id]">
          {{ 'sessions.openSession' | t }}
          <blup-icon matButtonIcon iconPositionEnd name="next" />
        </a>
      </blup-session-actions>
    </section>
  `,
  styles: `
    .next {
      display: flex;
      flex-direction: column;
      gap: 4px;
      margin-block-end: 24px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      border: 2px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
    }
    .eyebrow {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    h2 {
      margin: 4px 0 0;
      font: var(--mat-sys-headline-small);
    }
    .struck {
      text-decoration: line-through;
    }
    .circle {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .when {
      margin: 0 0 12px;
      font: var(--mat-sys-title-medium);
    }
    .next a[matButton]:not([matButton='filled']) {
      min-block-size: 48px;
    }
  `,
})
export class NextSessionCard {
  readonly session = input.required<SessionSummaryDto>();
  protected readonly circle = computed(() => circleLabel(this.session()));
  protected readonly cancelled = computed(() => this.session().status === SessionStatus.Cancelled);
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { MySessionsQuery, SessionSummaryDto } from '@blup/contracts';
import { SessionsApi, TranslatePipe, pagedList } from '@blup/web/core';
import { Icon, PageHeader } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';
import { CalendarFeed } from './calendar-feed';
import { circleLabel, rsvpKey, sessionStatusKey } from './session-labels';
import { SessionTimePipe } from './session-time.pipe';

type When = NonNullable<MySessionsQuery['when']>;

/** "Mine møder": the person's upcoming and past sessions, and their calendar address. */
@Component({
  selector: 'blup-sessions-page',
  imports: [RouterLink, Icon, PageHeader, ListFrame, CalendarFeed, SessionTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'sessions.title' | t" [subheading]="'sessions.intro' | t" />
    <div class="when" role="group" [attr.aria-label]="'sessions.whenLabel' | t">
      @for (option of whens; track option) {
        <button
          type="button"
          class="when-choice"
          [attr.data-testid]="'when-' + option"
          [attr.aria-pressed]="when() === option"
          (click)="list.filter({ when: option })"
        >
          {{ (option === 'upcoming' ? 'sessions.upcoming' : 'sessions.past') | t }}
        </button>
      }
    </div>
    <blup-list-frame
      [list]="list"
      [emptyText]="when() === 'upcoming' ? 'sessions.emptyUpcoming' : 'sessions.emptyPast'"
    >
      <ul class="rows" data-testid="list">
        @for (session of list.items(); track session.id) {
          @let circle = circleOf(session);
          <li>
            <a
              class="row"
              [class.cancelled]="session.status === 'cancelled'"
              [routerLink]="session.id"
              [attr.data-testid]="'session-' + session.id"
            >
              <span class="text">
                <span class="time">{{ session | sessionTime }}</span>
                <span class="title">{{ session.title }}</span>
                <span class="meta">{{ circle.key | t: circle.params }}</span>
                <span class="badges">
                  <span class="chip" [class]="session.status">{{
                    sessionStatusKey(session.status) | t
                  }}</span>
                  @if (session.myRsvp) {
                    <span class="answer">{{
                      'sessions.myAnswer' | t: { answer: rsvpKey(session.myRsvp) | t }
                    }}</span>
                  }
                </span>
              </span>
              <blup-icon class="go" name="next" />
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>
    <blup-calendar-feed />
  `,
  styles: `
    .when {
      display: inline-grid;
      grid-template-columns: repeat(2, minmax(8rem, 1fr));
      margin-block-end: 8px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-full);
      overflow: hidden;
    }
    .when-choice {
      min-block-size: 48px;
      padding: 0 16px;
      border: 0;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .when-choice + .when-choice {
      border-inline-start: 1px solid var(--mat-sys-outline);
    }
    .when-choice[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 700;
    }
    .when-choice:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: -3px;
    }
    .rows {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 16px;
      min-block-size: 56px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    .row:hover {
      background: var(--mat-sys-surface-container);
    }
    .text {
      display: flex;
      flex: 1;
      flex-direction: column;
      gap: 2px;
      min-inline-size: 0;
    }
    .time {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
    .title {
      font: var(--mat-sys-title-medium);
    }
    .cancelled .title {
      text-decoration: line-through;
    }
    .meta,
    .answer {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-block-start: 4px;
    }
    .chip {
      padding: 2px 10px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-medium);
    }
    .chip.cancelled {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .chip.held {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .go {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SessionsPage {
  private readonly api = inject(SessionsApi);
  protected readonly list = pagedList<SessionSummaryDto, { when: When }>(
    ({ when, page, pageSize }) => this.api.mySessions({ when, page, pageSize }),
    { filters: { when: 'upcoming' } },
  );
  protected readonly whens: readonly When[] = ['upcoming', 'past'];
  protected readonly circleOf = circleLabel;
  protected readonly rsvpKey = rsvpKey;
  protected readonly sessionStatusKey = sessionStatusKey;

  protected when(): When {
    return this.list.query().when ?? 'upcoming';
  }
}

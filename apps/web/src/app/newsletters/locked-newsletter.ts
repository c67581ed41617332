import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { type NewsletterDto, NewsletterStatus } from '@blup/contracts';
import { NewslettersApi, TranslatePipe } from '@blup/web/core';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';

/**
 * What the editor shows for a scheduled or sent newsletter: why it cannot be edited, the way to
 * its progress and, while only scheduled, taking it back to draft.
 */
@Component({
  selector: 'blup-locked-newsletter',
  imports: [RouterLink, MatButton, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let n = newsletter();
    <div class="locked" data-testid="locked">
      <p>
        {{
          (n.status === statuses.Scheduled ? 'newsletters.notEditable' : 'newsletters.readOnly') | t
        }}
      </p>
      <blup-api-error [error]="acting.error()" />
      <div class="actions">
        <a
          matButton="filled"
          [routerLink]="['/newsletters', n.id, 'progress']"
          data-testid="progress-link"
        >
          {{ 'newsletters.showProgress' | t }}
        </a>
        @if (n.status === statuses.Scheduled) {
          <button
            matButton="outlined"
            type="button"
            data-testid="unschedule"
            (click)="unschedule()"
          >
            {{ 'newsletters.unschedule' | t }}
          </button>
        }
      </div>
    </div>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions > * {
      min-block-size: 48px;
    }
    .locked {
      max-inline-size: 760px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
    }
    .locked p {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
    }
  `,
})
export class LockedNewsletter {
  private readonly api = inject(NewslettersApi);

  readonly newsletter = input.required<NewsletterDto>();
  /** The newsletter back in draft, for the editor to load. */
  readonly unscheduled = output<NewsletterDto>();

  protected readonly acting = submitter();
  protected readonly statuses = NewsletterStatus;

  protected unschedule(): void {
    this.acting.run(
      null,
      () => this.api.unschedule(this.newsletter().id),
      (saved) => this.unscheduled.emit(saved),
    );
  }
}

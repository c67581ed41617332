import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import {
  FINAL_NEWSLETTER_STATUSES,
  type NewsletterProgressDto,
  NewsletterStatus,
} from '@blup/contracts';
import { I18nService, NewslettersApi, TranslatePipe } from '@blup/web/core';
import { BackLink, PageHeader, PercentBar } from '@blup/web/ui';
import { type Subscription, switchMap, takeWhile, timer } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { NewsletterTargetPipe, formatWhen } from './newsletter-labels';
import { NewsletterStatusChip } from './status-chip';

/** How often the page asks how far the sending has come. */
export const PROGRESS_POLL_MS = 2000;

/** Sending has ended (or has not begun and will not by itself): stop asking. */
export function progressSettled(status: NewsletterStatus): boolean {
  return FINAL_NEWSLETTER_STATUSES.includes(status) || status === NewsletterStatus.Draft;
}

/** Share of the recipients that got it, 0–100. */
export function sentPercent(progress: Pick<NewsletterProgressDto, 'sent' | 'total'>): number {
  return progress.total > 0 ? (progress.sent / progress.total) * 100 : 0;
}

/**
 * `/newsletters/:id/progress`: live sending progress for the secretariat. Asks every 2 s until
 * every delivery is final, then shows who did not get it and why.
 */
@Component({
  selector: 'blup-newsletter-progress-page',
  imports: [
    RouterLink,
    MatButton,
    MatProgressBar,
    BackLink,
    PageHeader,
    PercentBar,
    ApiErrorMessage,
    NewsletterStatusChip,
    NewsletterTargetPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-back-link link="/newsletters" [label]="'newsletters.back' | t" />
    <blup-api-error [error]="newsletter.error()" />
    @if (newsletter.hasValue()) {
      @let n = newsletter.value();
      <blup-page-header
        [heading]="'newsletters.progressTitle' | t"
        [subheading]="n.subject + ' · ' + (n.target | newsletterTarget)"
      >
        <a matButton="outlined" [routerLink]="['/newsletters', n.id]" data-testid="open-editor">
          {{ 'newsletters.preview' | t }}
        </a>
      </blup-page-header>
    }
    <blup-api-error [error]="pollError()" />
    @if (progress(); as p) {
      <section class="card" data-testid="progress">
        <div class="status-line">
          <blup-newsletter-status [status]="p.status" />
          <span class="live" aria-live="polite" data-testid="progress-text">{{ summary() }}</span>
        </div>
        @if (p.total > 0) {
          <blup-percent-bar
            data-testid="progress-bar"
            [value]="percent()"
            [label]="'newsletters.progressLabel' | t: { sent: p.sent, total: p.total }"
            [text]="'newsletters.progressPercent' | t: { percent: roundedPercent() }"
          />
        } @else if (!settled()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
        }
        <dl class="counts">
          <div>
            <dt>{{ 'newsletters.countSent' | t }}</dt>
            <dd data-testid="count-sent">{{ p.sent }}</dd>
          </div>
          <div>
            <dt>{{ 'newsletters.countPending' | t }}</dt>
            <dd data-testid="count-pending">{{ p.pending }}</dd>
          </div>
          <div [class.bad]="p.failed > 0">
            <dt>{{ 'newsletters.countFailed' | t }}</dt>
            <dd data-testid="count-failed">{{ p.failed }}</dd>
          </div>
          <div [class.bad]="p.bounced > 0">
            <dt>{{ 'newsletters.countBounced' | t }}</dt>
            <dd data-testid="count-bounced">{{ p.bounced }}</dd>
          </div>
        </dl>
        @if (p.status === statuses.Scheduled) {
          <blup-api-error [error]="acting.error()" />
          <button
            matButton="outlined"
            type="button"
            data-testid="unschedule"
            [attr.aria-busy]="acting.busy()"
            (click)="unschedule()"
          >
            {{ 'newsletters.unschedule' | t }}
          </button>
        }
      </section>

      @if (p.failures.length > 0) {
        <section class="failures" aria-labelledby="failures-title">
          <h2 id="failures-title">{{ 'newsletters.failures' | t }}</h2>
          <ul data-testid="failures">
            @for (failure of p.failures; track failure.email) {
              <li>
                <span class="email">{{ failure.email }}</span>
                <span class="why">
                  {{
                    (failure.status === 'bounced'
                      ? 'newsletters.countBounced'
                      : 'newsletters.countFailed'
                    ) | t
                  }}
                  @if (failure.error) {
                    · {{ failure.error }}
                  }
                </span>
              </li>
            }
          </ul>
          @if (p.failed + p.bounced > p.failures.length) {
            <p class="muted">{{ 'newsletters.failuresMore' | t: { count: p.failures.length } }}</p>
          }
        </section>
      }
    } @else if (!pollError()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
  `,
  styles: `
    .card {
      display: flex;
      flex-direction: column;
      align-items: stretch;
      gap: 16px;
      max-inline-size: 720px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .card > button {
      align-self: flex-start;
      min-block-size: 48px;
    }
    .status-line {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 12px;
    }
    .live {
      font: var(--mat-sys-body-large);
    }
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(120px, 1fr));
      gap: 8px;
      margin: 0;
    }
    .counts div {
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
    }
    .counts .bad {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    dt {
      font: var(--mat-sys-label-large);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .failures {
      max-inline-size: 720px;
      margin-block-start: 24px;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    ul {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      flex-direction: column;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container-low);
    }
    .email {
      font: var(--mat-sys-title-small);
      overflow-wrap: anywhere;
    }
    .why,
    .muted {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class NewsletterProgressPage {
  private readonly api = inject(NewslettersApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();
  protected readonly newsletter = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly progress = signal<NewsletterProgressDto | null>(null);
  protected readonly pollError = signal<unknown>(null);
  protected readonly acting = submitter();
  protected readonly statuses = NewsletterStatus;
  protected readonly settled = computed(() => {
    const p = this.progress();
    return !!p && progressSettled(p.status);
  });
  protected readonly percent = computed(() => {
    const p = this.progress();
    return p ? sentPercent(p) : 0;
  });
  protected readonly roundedPercent = computed(() => Math.floor(this.percent()));
  protected readonly summary = computed(() => {
    const p = this.progress();
    if (!p) return '';
    const n = this.newsletter.hasValue() ? this.newsletter.value() : null;
    switch (p.status) {
      case NewsletterStatus.Scheduled:
        return this.i18n.t('newsletters.scheduledFor', {
          when: formatWhen(n?.sendAt, this.i18n),
        });
      case NewsletterStatus.Sent:
        return this.i18n.t('newsletters.doneAll', { total: p.total });
      case NewsletterStatus.PartlyFailed:
        return this.i18n.t('newsletters.donePartly', {
          failed: p.failed + p.bounced,
          total: p.total,
        });
      case NewsletterStatus.Sending:
        return p.total > 0
          ? this.i18n.t('newsletters.progressLabel', { sent: p.sent, total: p.total })
          : this.i18n.t('newsletters.waiting');
      default:
        return this.i18n.t('newsletters.status.draft');
    }
  });
  private polling: Subscription | null = null;

  constructor() {
    effect(() => this.poll(this.id()));
  }

  protected unschedule(): void {
    this.acting.run(
      null,
      () => this.api.unschedule(this.id()),
      (saved) => {
        this.newsletter.set(saved);
        this.snackBar.open(this.i18n.t('newsletters.unscheduled'), undefined, { duration: 4000 });
        this.poll(this.id());
      },
    );
  }

  /** Asks now and every 2 s, until sending has ended. */
  private poll(id: string): void {
    this.polling?.unsubscribe();
    this.pollError.set(null);
    this.polling = timer(0, PROGRESS_POLL_MS)
      .pipe(
        switchMap(() => this.api.progress(id)),
        takeWhile((p) => !progressSettled(p.status), true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (p) => {
          const before = this.progress()?.status;
          this.progress.set(p);
          // The newsletter's own facts (send time, finished) change with its status.
          if (before && before !== p.status) this.newsletter.reload();
        },
        error: (error: unknown) => this.pollError.set(error),
      });
  }
}

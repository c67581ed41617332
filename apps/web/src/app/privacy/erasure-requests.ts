import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type ErasureRequestDto, ErasureState, PRIVACY_ERASURE_STATES } from '@blup/contracts';
import {
  type ErasureAction,
  I18nService,
  PrivacyApi,
  type TranslationKey,
  TranslatePipe,
  pagedList,
} from '@blup/web/core';
import { FILTER_CHIP_STYLES } from '@blup/web/ui';
import { type Observable, forkJoin, map } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';
import { ErasureAudit } from './erasure-audit';
import {
  erasureSubjectText,
  dateTime,
  erasureActions,
  erasureStateKey,
  longDate,
  subjectKindKey,
} from './privacy-labels';

const ACTION_LABEL: Readonly<Record<ErasureAction, TranslationKey>> = {
  approve: 'privacy.approve',
  cancel: 'privacy.cancel',
  retry: 'privacy.retry',
};
const ACTION_DONE: Readonly<Record<ErasureAction, TranslationKey>> = {
  approve: 'privacy.approved',
  cancel: 'privacy.cancelled',
  retry: 'privacy.retried',
};

/**
 * The secretariat's erasure requests: chips by state with their counts, each request's
 * subject, state, dates, steps and last error, the buttons its state allows, and its audit log
 * when opened.
 */
@Component({
  selector: 'blup-erasure-requests',
  imports: [MatButton, ListFrame, RowList, ErasureAudit, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="chips" role="group" [attr.aria-label]="'privacy.erasuresTitle' | t">
      <button
        type="button"
        class="chip"
        data-testid="erasure-filter-all"
        [attr.aria-pressed]="!state()"
        (click)="list.filter({ state: undefined })"
      >
        {{ 'privacy.allStates' | t }}
      </button>
      @for (s of states; track s) {
        <button
          type="button"
          class="chip"
          [attr.data-testid]="'erasure-filter-' + s"
          [attr.aria-pressed]="state() === s"
          (click)="list.filter({ state: s })"
        >
          @if (counts.hasValue()) {
            {{ 'privacy.stateCount' | t: { state: (stateKey(s) | t), count: counts.value()[s] } }}
          } @else {
            {{ stateKey(s) | t }}
          }
        </button>
      }
    </div>
    <blup-list-frame [list]="list" emptyText="privacy.erasuresEmpty">
      <ul blupRows data-testid="erasure-requests">
        @for (r of list.items(); track r.id) {
          <li class="blup-row" data-testid="erasure-request" [attr.data-id]="r.id">
            <span class="blup-row-title">{{ rowName(r) }}</span>
            <span class="blup-row-meta">
              <strong data-testid="erasure-request-state">{{ stateKey(r.state) | t }}</strong>
              · {{ kindKey(r.subjectKind) | t }}
            </span>
            <span class="blup-row-meta">
              {{ 'privacy.requestedAt' | t: { date: when(r.requestedAt) } }}
              @if (r.state === 'cooling_off') {
                · {{ 'privacy.eraseAfter' | t: { date: day(r.eraseAfter) } }}
              }
              @if (r.approvedAt) {
                · {{ 'privacy.approvedAt' | t: { date: when(r.approvedAt) } }}
              }
              @if (r.finishedAt) {
                · {{ 'privacy.finishedAt' | t: { date: when(r.finishedAt) } }}
              }
            </span>
            @if (r.stepsTotal > 0) {
              <span class="blup-row-meta" data-testid="erasure-request-steps">
                {{ 'privacy.steps' | t: { done: r.stepsDone, total: r.stepsTotal } }}
              </span>
            }
            @if (r.reason) {
              <span class="blup-row-meta">{{
                'privacy.reasonLine' | t: { reason: r.reason }
              }}</span>
            }
            @if (r.lastError) {
              <span class="error">{{ 'privacy.lastError' | t: { error: r.lastError } }}</span>
            }
            @if (actionsFor(r.state).length) {
              <div class="actions">
                @for (action of actionsFor(r.state); track action) {
                  <button
                    [matButton]="action === 'cancel' ? 'outlined' : 'filled'"
                    type="button"
                    [attr.data-testid]="'erasure-' + action"
                    [disabled]="acting() === r.id"
                    (click)="act(r, action)"
                  >
                    {{ actionLabel[action] | t }}
                  </button>
                }
              </div>
            }
            @if (failed(); as f) {
              @if (f.id === r.id) {
                <blup-api-error [error]="f.error" />
              }
            }
            <details (toggle)="toggled(r.id, $event)">
              <summary data-testid="erasure-audit-toggle">{{ 'privacy.auditTitle' | t }}</summary>
              @if (opened().has(r.id)) {
                <blup-erasure-audit [requestId]="r.id" />
              }
            </details>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    ${FILTER_CHIP_STYLES}
    .chips {
      margin-block-end: 8px;
    }
    .error {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-error);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block: 8px 4px;
    }
    .actions button {
      min-block-size: 48px;
    }
    summary {
      display: flex;
      align-items: center;
      min-block-size: 48px;
      cursor: pointer;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
  `,
})
export class ErasureRequests {
  private readonly api = inject(PrivacyApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = confirmAction();

  protected readonly states = PRIVACY_ERASURE_STATES;
  protected readonly stateKey = erasureStateKey;
  protected readonly kindKey = subjectKindKey;
  protected readonly actionsFor = erasureActions;
  protected readonly actionLabel = ACTION_LABEL;
  protected readonly list = pagedList<ErasureRequestDto, { state?: ErasureState }>((query) =>
    this.api.erasureRequests(query),
  );
  protected readonly state = computed(() => this.list.query().state);
  private readonly countsVersion = signal(0);
  /** One small page per state, for its total: a handful of rows at most. */
  protected readonly counts = rxResource({
    params: () => this.countsVersion(),
    stream: () =>
      forkJoin(
        Object.fromEntries(
          this.states.map((s) => [
            s,
            this.api.erasureRequests({ state: s, pageSize: 1 }).pipe(map((page) => page.total)),
          ]),
        ) as Record<ErasureState, Observable<number>>,
      ),
  });
  protected readonly acting = signal<string | null>(null);
  protected readonly failed = signal<{ id: string; error: unknown } | null>(null);
  protected readonly opened = signal<ReadonlySet<string>>(new Set());

  /** The row's name, or why it is gone (erased, or forgotten when the request was undone). */
  protected rowName(request: ErasureRequestDto): string {
    const name = erasureSubjectText(request);
    return 'text' in name ? name.text : this.i18n.t(name.key);
  }

  /** After a request was made or changed elsewhere on the page. */
  reload(): void {
    this.list.reload();
    this.countsVersion.update((v) => v + 1);
  }

  protected act(request: ErasureRequestDto, action: ErasureAction): void {
    this.failed.set(null);
    if (action === 'approve') {
      const label = this.rowName(request);
      this.confirm({
        ask: {
          title: this.i18n.t('privacy.confirmApproveTitle', { label }),
          message: this.i18n.t('privacy.confirmApproveText', {
            date: this.day(request.eraseAfter),
          }),
          confirm: this.i18n.t('privacy.approve'),
          cancel: this.i18n.t('common.cancel'),
          danger: true,
        },
        act: () => this.api.act(request.id, action),
        done: ACTION_DONE[action],
        then: () => this.reload(),
        failed: (error) => this.failed.set({ id: request.id, error }),
      });
      return;
    }
    this.acting.set(request.id);
    this.api.act(request.id, action).subscribe({
      next: () => {
        this.acting.set(null);
        this.snackBar.open(this.i18n.t(ACTION_DONE[action]), undefined, { duration: 4000 });
        this.reload();
      },
      error: (error: unknown) => {
        this.acting.set(null);
        this.failed.set({ id: request.id, error });
      },
    });
  }

  protected toggled(id: string, event: Event): void {
    const open = (event.target as HTMLDetailsElement).open;
    this.opened.update((ids) => {
      const next = new Set(ids);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }

  protected day(iso: string): string {
    return longDate(iso, this.i18n.locale());
  }
}

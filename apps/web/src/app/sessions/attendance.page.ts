import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  type OnInit,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@blup/contracts';
import { SessionsApi } from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { AttendanceForm } from './attendance-form';
import { attendanceKey, rsvpKey } from './session-labels';
import { hasStarted } from './session-time';
import { SessionTimePipe } from './session-time.pipe';
import { PAGE_PARTS } from '../shared/page-parts';

const PAGE_SIZE = 50;

/**
 * The facilitator's attendance screen, made for a phone: one row per participant with three
 * large choices, "everyone present", and a save button that stays in reach at the bottom.
 */
@Component({
  selector: 'blup-attendance-page',
  imports: [PAGE_PARTS, Notice, SessionTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" [routerLink]="['/sessions', id()]">
      <blup-icon name="back" />
      {{ 'sessions.backToSession' | t }}
    </a>
    <blup-load-state [loading]="session.isLoading() || loading()" [error]="session.error()" />
    @if (session.hasValue()) {
      @let s = session.value();
      <blup-page-header
        [heading]="'sessions.takeAttendance' | t"
        [subheading]="s.title + ' · ' + (s | sessionTime)"
      />
      <p class="intro">{{ 'sessions.attendanceIntro' | t }}</p>
      @if (!started(s.startsAt)) {
        <p class="intro later" data-testid="attendance-later">
          {{ 'sessions.attendanceLater' | t }}
        </p>
      }

      @if (form.rows().length) {
        <button
          matButton="tonal"
          type="button"
          class="all-present"
          data-testid="all-present"
          [attr.aria-describedby]="'all-present-hint'"
          (click)="form.markRestPresent(); saved.set(false)"
        >
          <blup-icon matButtonIcon name="check" />
          {{ 'sessions.allPresent' | t }}
        </button>
        <p class="hint" id="all-present-hint">{{ 'sessions.allPresentHint' | t }}</p>

        <ul class="rows" data-testid="attendance-rows">
          @for (row of form.rows(); track row.person.id) {
            <li class="row" [attr.data-testid]="'attendance-' + row.person.id">
              <div class="who">
                <span class="name" data-testid="participant-name">{{ row.person.name }}</span>
                <span class="meta">
                  {{ (row.part === 'guest' ? 'sessions.guest' : 'sessions.member') | t }} ·
                  {{
                    'sessions.rsvpOf'
                      | t: { answer: (row.rsvp ? rsvpKey(row.rsvp) : 'sessions.noAnswer') | t }
                  }}
                </span>
              </div>
              <div
                class="choices"
                role="group"
                [attr.aria-label]="'sessions.statusFor' | t: { name: row.person.name }"
              >
                @for (status of statuses; track status) {
                  <button
                    type="button"
                    class="choice"
                    [class]="status"
                    [attr.aria-pressed]="form.statusOf(row.person.id) === status"
                    [attr.data-status]="status"
                    (click)="mark(row.person.id, status)"
                  >
                    {{ attendanceKey(status) | t }}
                  </button>
                }
              </div>
            </li>
          }
        </ul>
        @if (form.rows().length < total()) {
          <button
            matButton="outlined"
            type="button"
            class="more"
            data-testid="show-more"
            [disabled]="loading()"
            (click)="loadMore()"
          >
            {{ 'sessions.showMore' | t: { shown: form.rows().length, total: total() } }}
          </button>
        }
      } @else if (!loading() && !rowsError()) {
        <blup-notice icon="people" [message]="'sessions.noParticipants' | t" />
      }
      <blup-api-error [error]="rowsError()" />

      <div class="bar">
        <p class="status" role="status" data-testid="attendance-status">
          @if (saved()) {
            <blup-icon name="check" />
            {{ 'sessions.attendanceSaved' | t }}
          }
        </p>
        <blup-api-error [error]="saveError()" />
        <div class="bar-row">
          <span class="count" data-testid="marked-count">{{
            'sessions.markedCount' | t: { marked: form.markedCount(), total: total() }
          }}</span>
          <button
            matButton="filled"
            type="button"
            class="save"
            data-testid="save-attendance"
            [disabled]="busy() || !form.dirty()"
            (click)="save()"
          >
            {{ 'sessions.saveAttendance' | t }}
          </button>
        </div>
      </div>
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
    .intro,
    .hint {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .later {
      color: var(--mat-sys-error);
    }
    .hint {
      font: var(--mat-sys-body-medium);
      margin-block-start: 4px;
    }
    .all-present {
      min-block-size: 48px;
      inline-size: 100%;
    }
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px 16px;
      padding: 12px 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .who {
      display: flex;
      flex-direction: column;
      min-inline-size: 12rem;
      flex: 1 1 12rem;
    }
    .name {
      font: var(--mat-sys-title-medium);
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .choices {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      flex: 1 1 20rem;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-full);
      overflow: hidden;
    }
    .choice {
      min-block-size: 48px;
      padding: 0 8px;
      border: 0;
      border-inline-start: 1px solid var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-label-large);
      cursor: pointer;
    }
    .choice:first-child {
      border-inline-start: 0;
    }
    .choice:focus-visible {
      outline: 3px solid var(--mat-sys-primary);
      outline-offset: -3px;
    }
    .choice[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 700;
    }
    .choice.present[aria-pressed='true'] {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .choice.absent[aria-pressed='true'] {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .more {
      min-block-size: 48px;
      inline-size: 100%;
      margin-block-start: 12px;
    }
    .bar {
      position: sticky;
      inset-block-end: 0;
      z-index: 2;
      margin-block-start: 16px;
      margin-inline: -16px;
      padding: 12px 16px;
      background: var(--mat-sys-surface-container);
      box-shadow: var(--mat-sys-level2);
    }
    .bar-row {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
    }
    .count {
      font: var(--mat-sys-body-large);
    }
    .save {
      min-block-size: 56px;
      padding-inline: 24px;
      font: var(--mat-sys-title-medium);
    }
    .status {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 8px;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
    }
    .status:empty {
      display: none;
    }
  `,
})
export class AttendancePage implements OnInit {
  private readonly api = inject(SessionsApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly id = input.required<string>();
  protected readonly session = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.session(params),
  });
  protected readonly form = new AttendanceForm();
  protected readonly total = signal(0);
  protected readonly loading = signal(false);
  protected readonly rowsError = signal<unknown>(null);
  protected readonly busy = signal(false);
  protected readonly saveError = signal<unknown>(null);
  protected readonly saved = signal(false);
  private readonly page = signal(0);
  protected readonly statuses = ATTENDANCE_STATUSES;
  protected readonly attendanceKey = attendanceKey;
  protected readonly rsvpKey = rsvpKey;

  ngOnInit(): void {
    this.loadMore();
  }

  protected loadMore(): void {
    if (this.loading()) return;
    const page = this.page() + 1;
    this.loading.set(true);
    this.rowsError.set(null);
    this.api
      .attendance(this.id(), { page, pageSize: PAGE_SIZE })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.loading.set(false);
          this.page.set(page);
          this.total.set(result.total);
          this.form.add(result.items);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.rowsError.set(error);
        },
      });
  }

  protected started(startsAt: string): boolean {
    return hasStarted(startsAt);
  }

  protected mark(userId: string, status: AttendanceStatus): void {
    this.form.set(userId, status);
    this.saved.set(false);
  }

  protected save(): void {
    if (this.busy() || !this.form.dirty()) return;
    this.busy.set(true);
    this.saveError.set(null);
    this.saved.set(false);
    this.api.recordAttendance(this.id(), this.form.request()).subscribe({
      next: () => {
        this.busy.set(false);
        this.form.markSaved();
        this.saved.set(true);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.saveError.set(error);
      },
    });
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  type CheckInRequest,
  type CheckInResultDto,
  type RegistrationDto,
  RegistrationStatus,
} from '@blup/contracts';
import { GatheringsApi, I18nService, pagedList } from '@blup/web/core';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { type CheckInOutcome, checkedIn, codeFrom, refused } from './check-in-code';
import { GatheringTimePipe } from './gathering-date.pipe';
import { statusKey } from './gathering-labels';
import { formatClock } from '../sessions/session-time';
import { QrScanner } from './qr-scanner';

/**
 * `/moeder/:id/check-in`: the facilitator's phone at the door. Search the list and tap "Tjek
 * ind", type the code from the confirmation, or scan its QR code; `?code=` (what the QR code
 * opens) checks in at once. Each attempt ends in one big, clear line.
 */
@Component({
  selector: 'blup-check-in-page',
  imports: [
    PAGE_PARTS,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatInput,
    ListFrame,
    QrScanner,
    GatheringTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" [routerLink]="['/moeder', id()]">
      <blup-icon name="back" />
      {{
        (gathering.hasValue() ? gathering.value().title : null) ?? ('gatherings.allGatherings' | t)
      }}
    </a>
    <blup-load-state [loading]="gathering.isLoading()" [error]="gathering.error()" />
    <h1>{{ 'gatherings.checkInTitle' | t }}</h1>
    @if (gathering.hasValue()) {
      @let g = gathering.value();
      <p class="when">{{ g | gatheringTime }}</p>
    }
    <p class="count" data-testid="check-in-count" aria-live="polite">
      {{ 'gatherings.checkInCount' | t: { checkedIn: counts().checkedIn, taken: counts().taken } }}
    </p>

    <div class="result" role="status" aria-live="assertive" data-testid="result">
      @if (outcome(); as o) {
        <p class="outcome" [class]="o.kind">
          @switch (o.kind) {
            @case ('checked-in') {
              <blup-icon name="check" />
              {{ 'gatherings.resultCheckedIn' | t: { name: o.name } }}
            }
            @case ('already') {
              <blup-icon name="error" />
              @if (o.name) {
                {{ 'gatherings.resultAlready' | t: { name: o.name, time: clock(o.at) } }}
              } @else {
                {{ 'gatherings.resultAlreadyNoName' | t: { time: clock(o.at) } }}
              }
            }
            @case ('not-confirmed') {
              <blup-icon name="error" />
              {{ 'gatherings.resultNotConfirmed' | t }}
            }
            @case ('unknown') {
              <blup-icon name="error" />
              {{ 'gatherings.resultUnknown' | t }}
            }
          }
        </p>
        @if (o.kind === 'failed') {
          <blup-api-error [error]="o.error" />
        }
      }
    </div>

    <div class="code-row">
      <blup-qr-scanner (scanned)="byCode($event)" />
      <form class="code" novalidate (submit)="$event.preventDefault(); byCode(typedCode.value)">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'gatherings.typedCode' | t }}</mat-label>
          <input
            matInput
            [formControl]="typedCode"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            data-testid="code"
          />
        </mat-form-field>
        <button
          matButton="outlined"
          type="submit"
          class="big"
          data-testid="check-code"
          [attr.aria-busy]="busy()"
        >
          {{ 'gatherings.checkCode' | t }}
        </button>
      </form>
    </div>

    <blup-list-frame
      [list]="list"
      searchLabel="gatherings.searchPeople"
      emptyText="gatherings.nobodyFound"
    >
      <ul class="people" data-testid="people">
        @for (r of list.items(); track r.id) {
          @let at = checkedInAt(r);
          <li [attr.data-testid]="'person-' + r.id">
            <span class="who">
              <span class="name">{{ r.name }}</span>
              <span class="meta">{{ r.email }}</span>
              <span class="meta">
                {{ 'gatherings.places' | t: { count: r.places } }}
                @if (r.status !== confirmed) {
                  · {{ statusKey(r.status) | t }}
                }
              </span>
            </span>
            @if (at) {
              <span class="done">
                <span class="done-text"><blup-icon name="check" /> {{ clock(at) }}</span>
                <button matButton type="button" (click)="undo(r)">
                  {{ 'gatherings.undo' | t }}
                </button>
              </span>
            } @else if (r.status === confirmed) {
              <button
                matButton="filled"
                type="button"
                class="big"
                data-testid="check-in"
                [attr.aria-label]="('gatherings.checkIn' | t) + ': ' + r.name"
                (click)="byRow(r)"
              >
                {{ 'gatherings.checkIn' | t }}
              </button>
            }
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
    h1 {
      margin: 8px 0 0;
      font: var(--mat-sys-headline-medium);
    }
    .when {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .count {
      font: var(--mat-sys-headline-small);
      margin: 8px 0;
    }
    .outcome {
      display: flex;
      align-items: center;
      gap: 12px;
      margin: 0 0 12px;
      padding: 20px 16px;
      border-radius: var(--mat-sys-corner-large);
      font: var(--mat-sys-headline-small);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .outcome.checked-in {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .outcome.already {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .code-row,
    .code {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-block-end: 16px;
    }
    .big {
      min-block-size: 56px;
      font: var(--mat-sys-title-medium);
    }
    .people {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      align-items: center;
      gap: 12px;
      padding: 12px 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .who {
      display: flex;
      flex: 1;
      flex-direction: column;
      min-inline-size: 0;
    }
    .name {
      font: var(--mat-sys-title-medium);
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .done {
      display: flex;
      flex-direction: column;
      align-items: center;
    }
    .done-text {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-medium);
    }
  `,
})
export class CheckInPage {
  private readonly api = inject(GatheringsApi);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();
  /** `?code=` from the QR code. */
  readonly code = input<string>();

  protected readonly gathering = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly list = pagedList<RegistrationDto, object>(({ q, page, pageSize }) =>
    this.api.registrations(this.id(), { q, page, pageSize }),
  );
  protected readonly typedCode = new FormControl('', { nonNullable: true });
  protected readonly outcome = signal<CheckInOutcome | null>(null);
  protected readonly busy = signal(false);
  protected readonly confirmed = RegistrationStatus.Confirmed;
  protected readonly statusKey = statusKey;
  /** Check-ins made or undone on this page since the list loaded, by registration id. */
  private readonly local = signal<Record<string, string | null>>({});
  private readonly latest = signal<CheckInResultDto | null>(null);

  protected readonly counts = computed(() => {
    const result = this.latest();
    const g = this.gathering.hasValue() ? this.gathering.value() : undefined;
    return {
      checkedIn: result?.checkedInCount ?? g?.checkedInCount ?? 0,
      taken: result?.placesTaken ?? g?.placesTaken ?? 0,
    };
  });

  constructor() {
    effect(() => {
      const raw = this.code();
      if (raw) untracked(() => this.byCode(raw));
    });
  }

  protected clock(iso: string): string {
    return formatClock(iso, this.i18n.locale());
  }

  protected checkedInAt(r: RegistrationDto): string | null {
    const local = this.local();
    return r.id in local ? local[r.id] : r.checkedInAt;
  }

  protected byCode(raw: string): void {
    const code = codeFrom(raw);
    if (!code) {
      this.outcome.set({ kind: 'unknown' });
      return;
    }
    this.send({ code }, null, () => this.typedCode.setValue(''));
  }

  protected byRow(r: RegistrationDto): void {
    this.send({ registrationId: r.id }, r.name);
  }

  protected undo(r: RegistrationDto): void {
    this.api.undoCheckIn(this.id(), r.id).subscribe({
      next: () => {
        this.local.update((m) => ({ ...m, [r.id]: null }));
        this.outcome.set(null);
        this.gathering.reload();
        this.latest.set(null);
      },
      error: (error: unknown) => this.outcome.set(refused(error)),
    });
  }

  private send(body: CheckInRequest, name: string | null, done?: () => void): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.api.checkIn(this.id(), body).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.latest.set(result);
        this.local.update((m) => ({
          ...m,
          [result.registration.id]: result.registration.checkedInAt ?? new Date().toISOString(),
        }));
        this.outcome.set(checkedIn(result.registration));
        done?.();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.outcome.set(refused(error, name));
      },
    });
  }
}

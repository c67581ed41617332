import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  type CreatePrivacyExportRequest,
  EMAIL_MAX_LENGTH,
  PRIVACY_LIMITS,
  type PersonDto,
  type PrivacyExportDto,
} from '@blup/contracts';
import { I18nService, PeopleApi, PrivacyApi, pagedList } from '@blup/web/core';
import { SearchField } from '@blup/web/ui';
import { confirmAction } from '../shared/confirm-action';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { RowList } from '../shared/row-list';
import { submitter } from '../shared/submitter';
import { TextField } from '../shared/text-field';
import { ErasureRequests } from './erasure-requests';
import { ExportProgress } from './export-progress';
import { ExportRowLink } from './export-row-link';
import {
  dateTime,
  exportStatusKey,
  exportSubjectText,
  fileSize,
  subjectKindKey,
} from './privacy-labels';

type Subject = { userId: string; label: string } | { email: string; label: string };

/**
 * `/persondata`: the secretariat's desk. Pick a person (from the people search, or an email
 * address for somebody without an account) and make a copy of their data or ask for their
 * erasure; the erasure requests with their actions and audit log; the copies made.
 */
@Component({
  selector: 'blup-privacy-desk-page',
  imports: [
    PAGE_PARTS,
    SearchField,
    TextField,
    ListFrame,
    RowList,
    ErasureRequests,
    ExportProgress,
    ExportRowLink,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'privacy.deskTitle' | t" [subheading]="'privacy.deskIntro' | t" />

    <section aria-labelledby="subject-title" class="subject">
      <h2 class="section-title" id="subject-title">{{ 'privacy.forPersonTitle' | t }}</h2>
      <blup-search-field
        [label]="'privacy.searchPerson' | t"
        [value]="q()"
        (queryChange)="q.set($event.trim())"
      />
      @if (people.hasValue() && q()) {
        @if (people.value().items.length) {
          <ul class="people" data-testid="person-results">
            @for (p of people.value().items; track p.id) {
              <li>
                <button
                  type="button"
                  class="pick"
                  data-testid="person-result"
                  [attr.aria-pressed]="chosenUserId() === p.id"
                  (click)="choose(p)"
                >
                  <strong>{{ p.name }}</strong>
                  <span>{{ p.email }}</span>
                </button>
              </li>
            }
          </ul>
        } @else {
          <p class="hint">{{ 'privacy.noPeopleFound' | t }}</p>
        }
      }
      <blup-text-field
        [control]="form.controls.email"
        [label]="'privacy.orEmail' | t"
        type="email"
        autocomplete="off"
        testId="subject-email"
      />
      <blup-text-field
        [control]="form.controls.reason"
        [label]="'privacy.reason' | t"
        [hint]="'privacy.reasonHint' | t"
        testId="subject-reason"
      />
      <p class="chosen" role="status" data-testid="subject-chosen">
        @if (subject(); as s) {
          {{ 'privacy.chosen' | t: { label: s.label } }}
        } @else {
          {{ 'privacy.noneChosen' | t }}
        }
      </p>
      <div class="buttons">
        <button
          matButton="filled"
          type="button"
          data-testid="subject-export"
          [disabled]="!subject() || exporting.busy()"
          (click)="makeExport()"
        >
          <blup-icon name="download" />
          {{ 'privacy.makeExport' | t }}
        </button>
        <button
          matButton="outlined"
          type="button"
          class="danger"
          data-testid="subject-erase"
          [disabled]="!subject()"
          (click)="makeErasure()"
        >
          <blup-icon name="delete" />
          {{ 'privacy.makeErasure' | t }}
        </button>
      </div>
      <blup-api-error [error]="exporting.error() ?? erasureError()" />
      @if (started(); as e) {
        <blup-export-progress [item]="e" (settled)="exports.reload()" />
      }
    </section>

    <section aria-labelledby="erasures-title">
      <h2 class="section-title" id="erasures-title">{{ 'privacy.erasuresTitle' | t }}</h2>
      <blup-erasure-requests />
    </section>

    <section aria-labelledby="exports-title">
      <h2 class="section-title" id="exports-title">{{ 'privacy.exportsTitle' | t }}</h2>
      <blup-list-frame [list]="exports" emptyText="privacy.exportsEmpty">
        <ul blupRows data-testid="exports">
          @for (e of exports.items(); track e.id) {
            <li class="blup-row" data-testid="export-row">
              <span class="blup-row-title">{{ rowName(e) }}</span>
              <span class="blup-row-meta">
                <strong>{{ statusKey(e.status) | t }}</strong> · {{ kindKey(e.subjectKind) | t }} ·
                {{ when(e.createdAt) }}
                @if (e.sizeBytes !== null) {
                  · {{ size(e.sizeBytes) }}
                }
              </span>
              <blup-export-row-link [export]="e" />
            </li>
          }
        </ul>
      </blup-list-frame>
    </section>
  `,
  styles: `
    .subject {
      display: grid;
      gap: 8px;
      max-inline-size: 640px;
    }
    .people {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 4px;
    }
    .pick {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      inline-size: 100%;
      min-block-size: 48px;
      padding: 8px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
      text-align: start;
      cursor: pointer;
    }
    .pick span {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
    .pick[aria-pressed='true'] {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      border-color: transparent;
    }
    .hint,
    .chosen {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .buttons button {
      min-block-size: 48px;
    }
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
      --mat-button-outlined-outline-color: var(--mat-sys-error);
    }
    .link {
      display: inline-flex;
      align-items: center;
      min-block-size: 48px;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-primary);
    }
  `,
})
export class PrivacyDeskPage {
  private readonly api = inject(PrivacyApi);
  private readonly peopleApi = inject(PeopleApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = confirmAction();
  private readonly requests = viewChild.required(ErasureRequests);

  protected readonly q = signal('');
  protected readonly people = rxResource({
    params: () => this.q() || undefined,
    stream: ({ params }) => this.peopleApi.list({ q: params, pageSize: 5 }),
  });
  private readonly chosen = signal<PersonDto | null>(null);
  protected readonly chosenUserId = computed(() => this.chosen()?.id ?? null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    reason: ['', Validators.maxLength(500)],
  });
  private readonly email = toSignal(this.form.controls.email.valueChanges, { initialValue: '' });
  protected readonly subject = computed((): Subject | null => {
    const person = this.chosen();
    if (person) return { userId: person.id, label: `${person.name} (${person.email})` };
    const email = this.email().trim();
    return email && this.form.controls.email.valid ? { email, label: email } : null;
  });

  protected readonly exporting = submitter();
  protected readonly erasureError = signal<unknown>(null);
  protected readonly started = signal<PrivacyExportDto | null>(null);
  protected readonly exports = pagedList<PrivacyExportDto>((query) => this.api.exports(query));
  protected readonly statusKey = exportStatusKey;
  protected readonly kindKey = subjectKindKey;

  /** The row's name, or why it is gone (an expired copy forgets the address). */
  protected rowName(item: PrivacyExportDto): string {
    const name = exportSubjectText(item);
    return 'text' in name ? name.text : this.i18n.t(name.key);
  }

  constructor() {
    // Typing an address replaces a person picked from the search.
    this.form.controls.email.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe((email) => email.trim() && this.chosen.set(null));
  }

  protected choose(person: PersonDto): void {
    this.form.controls.email.setValue('');
    this.chosen.set(person);
  }

  protected makeExport(): void {
    const subject = this.subject();
    if (!subject) return;
    this.erasureError.set(null);
    this.exporting.run(
      null,
      () => this.api.startExport(this.target(subject)),
      (item) => {
        this.started.set(item);
        this.exports.reload();
        this.snackBar.open(this.i18n.t('privacy.exportStarted'), undefined, { duration: 4000 });
      },
    );
  }

  protected makeErasure(): void {
    const subject = this.subject();
    if (!subject) return;
    this.erasureError.set(null);
    this.exporting.error.set(null);
    const reason = this.form.controls.reason.value.trim();
    this.confirm({
      ask: {
        title: this.i18n.t('privacy.confirmCreateTitle', { label: subject.label }),
        message: this.i18n.t('privacy.confirmCreateText', {
          days: PRIVACY_LIMITS.erasureCoolOffDays,
        }),
        confirm: this.i18n.t('privacy.makeErasure'),
        cancel: this.i18n.t('common.cancel'),
        danger: true,
      },
      act: () => this.api.createErasure({ ...this.target(subject), ...(reason ? { reason } : {}) }),
      done: 'privacy.erasureCreated',
      then: () => {
        this.form.controls.reason.setValue('');
        this.requests().reload();
      },
      failed: (error) => this.erasureError.set(error),
    });
  }

  protected when(iso: string): string {
    return dateTime(iso, this.i18n.locale());
  }

  protected size(bytes: number): string {
    return fileSize(bytes, this.i18n.locale());
  }

  private target(subject: Subject): CreatePrivacyExportRequest {
    return 'userId' in subject ? { userId: subject.userId } : { email: subject.email };
  }
}

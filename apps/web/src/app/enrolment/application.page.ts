import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { RouterLink } from '@angular/router';
import { APPLICATION_LIMITS, type ApplicationDetailDto, ApplicationStatus } from '@blup/contracts';
import { EnrolmentApi, I18nService, LocalDatePipe, TranslatePipe } from '@blup/web/core';
import { Icon, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { FieldErrorPipe, textControl } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { Checklist } from './checklist';
import { applicationStatusKey, fundingKey } from './enrolment-labels';

/**
 * `/enrolment/applications/:id`: one application with its checklist. The secretariat confirms
 * the cooperation text after reading it, and approves (all three met), approves anyway with a
 * recorded reason, or rejects with a note to the applicant. Coordinators read only.
 */
@Component({
  selector: 'blup-application-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCheckbox,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatProgressBar,
    Icon,
    PageHeader,
    ApiErrorMessage,
    Checklist,
    TranslatePipe,
    LocalDatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (application.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="application.error()" />
    @if (detail(); as a) {
      <blup-page-header
        [heading]="'enrolment.application.title' | t: { village: a.villageName }"
        [subheading]="(statusKey(a.status) | t) + ' · ' + a.offeringName"
      >
        <a matButton routerLink="/enrolment/intake">
          <blup-icon matButtonIcon name="back" />
          {{ 'enrolment.application.back' | t }}
        </a>
      </blup-page-header>

      <div class="layout">
        <div class="main">
          <section aria-labelledby="village-h">
            <h2 id="village-h">{{ 'enrolment.application.villageSection' | t }}</h2>
            <p>
              <strong>{{ a.villageName }}</strong>, {{ a.municipalityName }}
              @if (a.isNewVillage) {
                ({{ 'enrolment.intake.newVillage' | t }})
              }
            </p>
            <p>{{ a.offeringName }}</p>
            <p class="muted">
              {{
                'enrolment.application.applicant'
                  | t
                    : {
                        name: a.applicantName,
                        email: a.applicantEmail,
                        date: (a.createdAt | localDate),
                      }
              }}
            </p>
          </section>

          <section aria-labelledby="municipality-h">
            <h2 id="municipality-h">{{ 'enrolment.application.municipalitySection' | t }}</h2>
            <p>
              {{
                'enrolment.application.contact' | t: { name: a.contactName, email: a.contactEmail }
              }}
            </p>
            <p>
              {{
                'enrolment.application.funding' | t: { status: (fundingKey(a.fundingStatus) | t) }
              }}
            </p>
            @if (a.agreement; as file) {
              <a matButton="outlined" [href]="file.url" download data-testid="agreement-link">
                <blup-icon matButtonIcon name="download" />
                {{ 'enrolment.application.agreement' | t: { name: file.name } }}
              </a>
            } @else {
              <p class="muted">{{ 'enrolment.application.noAgreement' | t }}</p>
            }
          </section>

          <section aria-labelledby="group-h">
            <h2 id="group-h">{{ 'enrolment.application.groupSection' | t }}</h2>
            <ul class="people" data-testid="people">
              @for (p of a.people; track p.id) {
                <li>
                  <strong>{{ p.name }}</strong>
                  <span class="muted"
                    >{{ p.email }}
                    @if (p.position) {
                      · {{ p.position }}
                    }
                  </span>
                </li>
              }
            </ul>
          </section>

          <section aria-labelledby="cooperation-h">
            <h2 id="cooperation-h">{{ 'enrolment.application.cooperationSection' | t }}</h2>
            <blockquote
              class="text"
              data-testid="cooperation-text"
              [textContent]="a.cooperationText"
            ></blockquote>
            @if (a.canDecide) {
              <mat-checkbox
                [checked]="!!a.cooperationConfirmedAt"
                [disabled]="confirming()"
                (change)="confirmCooperation($event.checked)"
                data-testid="confirm-cooperation"
              >
                {{ 'enrolment.application.confirmCooperation' | t }}
              </mat-checkbox>
            }
            @if (a.cooperationConfirmedBy; as by) {
              <p class="muted">
                {{
                  'enrolment.application.cooperationConfirmed'
                    | t: { name: by.name, date: (a.cooperationConfirmedAt | localDate) }
                }}
              </p>
            }
          </section>

          <section aria-labelledby="decision-h">
            <h2 id="decision-h">{{ 'enrolment.application.decisionSection' | t }}</h2>
            @if (a.status !== submitted) {
              <p data-testid="decision">
                {{
                  'enrolment.application.decided'
                    | t
                      : {
                          status: (statusKey(a.status) | t),
                          name: a.decidedBy?.name ?? '',
                          date: (a.decidedAt | localDate),
                        }
                }}
              </p>
              @if (a.overrideReason) {
                <p>
                  {{ 'enrolment.application.overrideRecorded' | t: { reason: a.overrideReason } }}
                </p>
              }
              @if (a.decisionNote) {
                <p>{{ 'enrolment.application.note' | t: { note: a.decisionNote } }}</p>
              }
            } @else if (!a.canDecide) {
              <p class="muted">{{ 'enrolment.application.readOnly' | t }}</p>
            } @else {
              <blup-api-error [error]="decide.error()" />
              @if (a.checklist.allMet) {
                <div class="decide">
                  <button
                    matButton="filled"
                    type="button"
                    class="big"
                    (click)="approve()"
                    [attr.aria-busy]="decide.busy()"
                    data-testid="approve"
                  >
                    {{ 'enrolment.application.approve' | t }}
                  </button>
                </div>
              } @else {
                <form
                  class="decide"
                  novalidate
                  [formGroup]="overrideForm"
                  (ngSubmit)="approveAnyway()"
                >
                  <p>{{ 'enrolment.application.overrideIntro' | t }}</p>
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'enrolment.application.overrideReason' | t }}</mat-label>
                    <textarea
                      matInput
                      rows="3"
                      formControlName="reason"
                      data-testid="override-reason"
                    ></textarea>
                    <mat-hint>{{ 'enrolment.application.overrideHint' | t }}</mat-hint>
                    <mat-error>{{ overrideForm.controls.reason | fieldError }}</mat-error>
                  </mat-form-field>
                  <button
                    matButton="filled"
                    type="submit"
                    class="big"
                    [attr.aria-busy]="decide.busy()"
                    data-testid="approve-override"
                  >
                    {{ 'enrolment.application.override' | t }}
                  </button>
                </form>
              }
              <form class="decide" novalidate [formGroup]="rejectForm" (ngSubmit)="reject()">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'enrolment.application.rejectNote' | t }}</mat-label>
                  <textarea
                    matInput
                    rows="3"
                    formControlName="note"
                    data-testid="reject-note"
                  ></textarea>
                  <mat-hint>{{ 'enrolment.application.rejectHint' | t }}</mat-hint>
                  <mat-error>{{ rejectForm.controls.note | fieldError }}</mat-error>
                </mat-form-field>
                <button
                  matButton="outlined"
                  type="submit"
                  class="big"
                  [attr.aria-busy]="decide.busy()"
                  data-testid="reject"
                >
                  {{ 'enrolment.application.reject' | t }}
                </button>
              </form>
            }
          </section>
        </div>
        <aside class="side">
          <blup-checklist [checklist]="a.checklist" />
        </aside>
      </div>
    }
  `,
  styles: `
    .layout {
      display: grid;
      gap: 24px;
      grid-template-columns: minmax(0, 1fr);
    }
    @media (min-width: 840px) {
      .layout {
        grid-template-columns: minmax(0, 1fr) 320px;
        align-items: start;
      }
    }
    .side {
      grid-row: 1;
    }
    @media (min-width: 840px) {
      .side {
        grid-row: auto;
        position: sticky;
        inset-block-start: 16px;
      }
    }
    section {
      margin-block-end: 24px;
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0 0 8px;
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .people {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .people li {
      display: flex;
      flex-direction: column;
      overflow-wrap: anywhere;
    }
    .text {
      margin: 0 0 8px;
      padding: 12px 16px;
      border-inline-start: 4px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-low);
      white-space: pre-wrap;
      font: var(--mat-sys-body-large);
      overflow-wrap: anywhere;
    }
    mat-checkbox {
      display: block;
      margin-block: 8px;
    }
    .decide {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin-block: 16px;
    }
    .big {
      min-block-size: 48px;
      align-self: flex-start;
    }
    @media (max-width: 599px) {
      .big {
        align-self: stretch;
      }
    }
  `,
})
export class ApplicationPage {
  private readonly api = inject(EnrolmentApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = confirmAction();

  readonly id = input.required<string>();

  protected readonly submitted = ApplicationStatus.Submitted;
  protected readonly statusKey = applicationStatusKey;
  protected readonly fundingKey = fundingKey;
  protected readonly decide = submitter();
  protected readonly confirming = signal(false);

  protected readonly application = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.application(params),
  });
  /** Kept in a signal so a decision's answer shows at once, without reloading. */
  private readonly updated = signal<ApplicationDetailDto | null>(null);
  protected readonly detail = computed(() => {
    const fresh = this.updated();
    if (fresh && fresh.id === this.id()) return fresh;
    return this.application.hasValue() ? this.application.value() : null;
  });

  protected readonly overrideForm = new FormGroup({
    reason: textControl(APPLICATION_LIMITS.overrideReason, Validators.required),
  });
  protected readonly rejectForm = new FormGroup({
    note: textControl(APPLICATION_LIMITS.note, Validators.required),
  });

  protected confirmCooperation(confirmed: boolean): void {
    this.confirming.set(true);
    this.api.confirmCooperation(this.id(), confirmed).subscribe({
      next: (a) => {
        this.confirming.set(false);
        this.updated.set(a);
      },
      error: (error: unknown) => {
        this.confirming.set(false);
        this.decide.error.set(error);
        this.application.reload();
      },
    });
  }

  protected approve(): void {
    this.confirm({
      ask: {
        title: this.i18n.t('enrolment.application.approveTitle'),
        message: this.i18n.t('enrolment.application.approveText'),
        confirm: this.i18n.t('enrolment.application.approve'),
        cancel: this.i18n.t('common.cancel'),
      },
      act: () => this.api.approveApplication(this.id(), {}),
      done: 'enrolment.application.approved',
      then: (a) => this.updated.set(a),
      failed: (error) => this.decide.error.set(error),
    });
  }

  protected approveAnyway(): void {
    this.decide.run(
      this.overrideForm,
      () =>
        this.api.approveApplication(this.id(), {
          overrideReason: this.overrideForm.controls.reason.value.trim(),
        }),
      (a) => this.decided(a, 'enrolment.application.approved'),
    );
  }

  protected reject(): void {
    this.decide.run(
      this.rejectForm,
      () =>
        this.api.rejectApplication(this.id(), { note: this.rejectForm.controls.note.value.trim() }),
      (a) => this.decided(a, 'enrolment.application.rejected'),
    );
  }

  private decided(
    a: ApplicationDetailDto,
    text: 'enrolment.application.approved' | 'enrolment.application.rejected',
  ): void {
    this.updated.set(a);
    this.snackBar.open(this.i18n.t(text), undefined, { duration: 4000 });
  }
}

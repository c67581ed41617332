import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormGroup, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatSnackBar } from '@angular/material/snack-bar';
import { APPLICATION_LIMITS, type ApplicationDetailDto, ApplicationStatus } from '@blup/contracts';
import { EnrolmentApi, I18nService, LocalDatePipe, TranslatePipe } from '@blup/web/core';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { textControl } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { DECISION_STYLES, DecisionForm } from './decision-form';
import { applicationStatusKey } from './enrolment-labels';

/** The application's sections, on the page and in the assessment. */
export const APPLICATION_SECTION_STYLES = `
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
`;

/**
 * The secretariat's part of an application: confirming the cooperation text after reading it,
 * and approving (all three met), approving anyway with a recorded reason, or rejecting with a
 * note to the applicant. Coordinators read only.
 */
@Component({
  selector: 'blup-application-assessment',
  imports: [MatButton, MatCheckbox, ApiErrorMessage, DecisionForm, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="cooperation-h">
      <h2 id="cooperation-h">{{ 'enrolment.application.cooperationSection' | t }}</h2>
      <blockquote
        class="text"
        data-testid="cooperation-text"
        [textContent]="application().cooperationText"
      ></blockquote>
      @if (application().canDecide) {
        <mat-checkbox
          [checked]="!!application().cooperationConfirmedAt"
          [disabled]="confirming()"
          (change)="confirmCooperation($event.checked)"
          data-testid="confirm-cooperation"
        >
          {{ 'enrolment.application.confirmCooperation' | t }}
        </mat-checkbox>
      }
      @if (application().cooperationConfirmedBy; as by) {
        <p class="muted">
          {{
            'enrolment.application.cooperationConfirmed'
              | t: { name: by.name, date: (application().cooperationConfirmedAt | localDate) }
          }}
        </p>
      }
    </section>

    <section aria-labelledby="decision-h">
      <h2 id="decision-h">{{ 'enrolment.application.decisionSection' | t }}</h2>
      @if (application().status !== submitted) {
        <p data-testid="decision">
          {{
            'enrolment.application.decided'
              | t
                : {
                    status: (statusKey(application().status) | t),
                    name: application().decidedBy?.name ?? '',
                    date: (application().decidedAt | localDate),
                  }
          }}
        </p>
        @if (application().overrideReason) {
          <p>
            {{
              'enrolment.application.overrideRecorded' | t: { reason: application().overrideReason }
            }}
          </p>
        }
        @if (application().decisionNote) {
          <p>{{ 'enrolment.application.note' | t: { note: application().decisionNote } }}</p>
        }
      } @else if (!application().canDecide) {
        <p class="muted">{{ 'enrolment.application.readOnly' | t }}</p>
      } @else {
        <blup-api-error [error]="decide.error()" />
        @if (application().checklist.allMet) {
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
          <blup-decision-form
            kind="override"
            [form]="overrideForm"
            [control]="overrideForm.controls.reason"
            [busy]="decide.busy()"
            (send)="approveAnyway()"
          >
            <p>{{ 'enrolment.application.overrideIntro' | t }}</p>
          </blup-decision-form>
        }
        <blup-decision-form
          kind="reject"
          [form]="rejectForm"
          [control]="rejectForm.controls.note"
          [busy]="decide.busy()"
          (send)="reject()"
        />
      }
    </section>
  `,
  styles: [
    DECISION_STYLES,
    APPLICATION_SECTION_STYLES,
    `
      :host {
        display: block;
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
    `,
  ],
})
export class ApplicationAssessment {
  private readonly api = inject(EnrolmentApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = confirmAction();

  /** The application as last loaded or answered. */
  readonly application = input.required<ApplicationDetailDto>();
  /** The API's answer to a decision or a confirmation, to show at once. */
  readonly updated = output<ApplicationDetailDto>();
  /** A confirmation failed: the application should be loaded again. */
  readonly stale = output();

  protected readonly submitted = ApplicationStatus.Submitted;
  protected readonly statusKey = applicationStatusKey;
  protected readonly decide = submitter();
  protected readonly confirming = signal(false);

  protected readonly overrideForm = new FormGroup({
    reason: textControl(APPLICATION_LIMITS.overrideReason, Validators.required),
  });
  protected readonly rejectForm = new FormGroup({
    note: textControl(APPLICATION_LIMITS.note, Validators.required),
  });

  protected confirmCooperation(confirmed: boolean): void {
    this.confirming.set(true);
    this.api.confirmCooperation(this.application().id, confirmed).subscribe({
      next: (a) => {
        this.confirming.set(false);
        this.updated.emit(a);
      },
      error: (error: unknown) => {
        this.confirming.set(false);
        this.decide.error.set(error);
        this.stale.emit();
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
      act: () => this.api.approveApplication(this.application().id, {}),
      done: 'enrolment.application.approved',
      then: (a) => this.updated.emit(a),
      failed: (error) => this.decide.error.set(error),
    });
  }

  protected approveAnyway(): void {
    this.decide.run(
      this.overrideForm,
      () =>
        this.api.approveApplication(this.application().id, {
          overrideReason: this.overrideForm.controls.reason.value.trim(),
        }),
      (a) => this.decided(a, 'enrolment.application.approved'),
    );
  }

  protected reject(): void {
    this.decide.run(
      this.rejectForm,
      () =>
        this.api.rejectApplication(this.application().id, {
          note: this.rejectForm.controls.note.value.trim(),
        }),
      (a) => this.decided(a, 'enrolment.application.rejected'),
    );
  }

  private decided(
    a: ApplicationDetailDto,
    text: 'enrolment.application.approved' | 'enrolment.application.rejected',
  ): void {
    this.updated.emit(a);
    this.snackBar.open(this.i18n.t(text), undefined, { duration: 4000 });
  }
}

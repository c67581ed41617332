import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { type FormControl, type FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslatePipe } from '@blup/web/core';
import { FieldErrorPipe } from '../shared/forms';

/** A decision's column and its big buttons, shared with the plain approve button. */
export const DECISION_STYLES = `
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
`;

/** The words and test hooks of the two written decisions. */
const DECISIONS = {
  override: {
    label: 'enrolment.application.overrideReason',
    hint: 'enrolment.application.overrideHint',
    field: 'override-reason',
    action: 'enrolment.application.override',
    button: 'approve-override',
    appearance: 'filled',
  },
  reject: {
    label: 'enrolment.application.rejectNote',
    hint: 'enrolment.application.rejectHint',
    field: 'reject-note',
    action: 'enrolment.application.reject',
    button: 'reject',
    appearance: 'outlined',
  },
} as const;

/**
 * A decision on an application that needs words: approving anyway (with a recorded reason) or
 * rejecting (with a note to the applicant). The page owns the form and sends it on `send`.
 */
@Component({
  selector: 'blup-decision-form',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = decision();
    <form class="decide" novalidate [formGroup]="form()" (ngSubmit)="send.emit()">
      <ng-content />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ d.label | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          [formControl]="control()"
          [attr.data-testid]="d.field"
        ></textarea>
        <mat-hint>{{ d.hint | t }}</mat-hint>
        <mat-error>{{ control() | fieldError }}</mat-error>
      </mat-form-field>
      <button
        [matButton]="d.appearance"
        type="submit"
        class="big"
        [attr.aria-busy]="busy()"
        [attr.data-testid]="d.button"
      >
        {{ d.action | t }}
      </button>
    </form>
  `,
  styles: DECISION_STYLES,
})
export class DecisionForm {
  readonly kind = input.required<keyof typeof DECISIONS>();
  readonly form = input.required<FormGroup>();
  /** The form's one text control. */
  readonly control = input.required<FormControl<string>>();
  readonly busy = input(false);
  readonly send = output();

  protected readonly decision = computed(() => DECISIONS[this.kind()]);
}

import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { APPLICATION_LIMITS } from '@blup/contracts';
import { AuthStore } from '@blup/web/core';
import { ApplyForm } from './apply-form';
import { APPLY_STEP_IMPORTS, APPLY_STEP_STYLES, inParentForm } from './apply-step';

/** Step 4 of the application: how the village works together, and who sends it (when signed out). */
@Component({
  selector: 'blup-apply-cooperation-step',
  imports: [...APPLY_STEP_IMPORTS],
  viewProviders: [inParentForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fields">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'enrolment.apply.cooperationText' | t }}</mat-label>
        <textarea
          matInput
          rows="6"
          formControlName="cooperationText"
          data-testid="cooperation"
        ></textarea>
        <mat-hint>{{ 'enrolment.apply.cooperationHint' | t: { min: minChars } }}</mat-hint>
        <mat-error>{{ form.controls.cooperationText | fieldError }}</mat-error>
      </mat-form-field>
      @if (!auth.signedIn()) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'enrolment.apply.applicantName' | t }}</mat-label>
          <input
            matInput
            formControlName="applicantName"
            autocomplete="name"
            data-testid="applicant-name"
          />
          <mat-error>{{ form.controls.applicantName | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'enrolment.apply.applicantEmail' | t }}</mat-label>
          <input
            matInput
            type="email"
            inputmode="email"
            autocomplete="email"
            formControlName="applicantEmail"
            data-testid="applicant-email"
          />
          <mat-hint>{{ 'enrolment.apply.applicantHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.applicantEmail | fieldError }}</mat-error>
        </mat-form-field>
      }
    </div>
  `,
  styles: APPLY_STEP_STYLES,
})
export class ApplyCooperationStep {
  protected readonly auth = inject(AuthStore);
  protected readonly form = inject(ApplyForm).form;
  protected readonly minChars = APPLICATION_LIMITS.cooperationMinChars;
}

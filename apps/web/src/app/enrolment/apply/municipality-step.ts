import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { AGREEMENT_FILE_EXTENSIONS, APPLICATION_LIMITS, FUNDING_STATUSES } from '@blup/contracts';
import { Icon } from '@blup/web/ui';
import { fundingKey } from '../enrolment-labels';
import { ApplyForm } from './apply-form';
import { APPLY_STEP_IMPORTS, APPLY_STEP_STYLES, inParentForm } from './apply-step';

/** Step 2 of the application: the municipality's contact, its funding, and the signed agreement. */
@Component({
  selector: 'blup-apply-municipality-step',
  imports: [...APPLY_STEP_IMPORTS, MatButton, MatRadioGroup, MatRadioButton, Icon],
  viewProviders: [inParentForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fields">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'enrolment.apply.contactName' | t }}</mat-label>
        <input
          matInput
          formControlName="contactName"
          autocomplete="off"
          data-testid="contact-name"
        />
        <mat-hint>{{ 'enrolment.apply.contactNameHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.contactName | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'enrolment.apply.contactEmail' | t }}</mat-label>
        <input
          matInput
          type="email"
          inputmode="email"
          autocomplete="off"
          formControlName="contactEmail"
          data-testid="contact-email"
        />
        <mat-error>{{ form.controls.contactEmail | fieldError }}</mat-error>
      </mat-form-field>
      <div class="choice">
        <span class="choice-label" id="funding-label">{{
          'enrolment.apply.fundingStatus' | t
        }}</span>
        <span class="hint">{{ 'enrolment.apply.fundingHint' | t: { price: price() } }}</span>
        <mat-radio-group
          formControlName="fundingStatus"
          aria-labelledby="funding-label"
          class="radios"
        >
          @for (f of fundingStatuses; track f) {
            <mat-radio-button [value]="f" [attr.data-testid]="'funding-' + f">{{
              fundingKey(f) | t
            }}</mat-radio-button>
          }
        </mat-radio-group>
      </div>
      <div class="choice">
        <span class="choice-label">{{ 'enrolment.apply.agreement' | t }}</span>
        <span class="hint">{{ 'enrolment.apply.agreementHint' | t }}</span>
        <input
          #picker
          hidden
          type="file"
          data-testid="agreement-file"
          [accept]="accept"
          (change)="pick(picker)"
        />
        @if (agreement(); as file) {
          <div class="file">
            <blup-icon name="article" />
            <span class="file-name" data-testid="agreement-name">{{ file.name }}</span>
            <button matButton type="button" (click)="agreement.set(null)">
              {{ 'enrolment.apply.agreementRemove' | t }}
            </button>
          </div>
        } @else {
          <button
            matButton="tonal"
            type="button"
            class="wide-button"
            (click)="picker.click()"
            data-testid="agreement-pick"
          >
            <blup-icon matButtonIcon name="upload" />
            {{ 'enrolment.apply.agreementPick' | t }}
          </button>
        }
        @if (fileError(); as key) {
          <p class="file-error" role="alert">{{ key | t }}</p>
        }
      </div>
    </div>
  `,
  styles: [
    APPLY_STEP_STYLES,
    `
      .file {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 8px;
        padding: 8px 12px;
        border-radius: var(--mat-sys-corner-medium);
        background: var(--mat-sys-surface-container-low);
      }
      .file-name {
        flex: 1 1 120px;
        overflow-wrap: anywhere;
        font: var(--mat-sys-body-large);
      }
      .file-error {
        margin: 4px 0 0;
        color: var(--mat-sys-error);
        font: var(--mat-sys-body-medium);
      }
    `,
  ],
})
export class ApplyMunicipalityStep {
  private readonly model = inject(ApplyForm);
  protected readonly form = this.model.form;
  protected readonly price = this.model.price;
  protected readonly agreement = this.model.agreement;
  protected readonly fundingStatuses = FUNDING_STATUSES;
  protected readonly fundingKey = fundingKey;
  protected readonly accept = AGREEMENT_FILE_EXTENSIONS.join(',');
  protected readonly fileError = signal<
    'enrolment.apply.agreementTooLarge' | 'enrolment.apply.agreementWrongType' | null
  >(null);

  protected pick(picker: HTMLInputElement): void {
    const file = picker.files?.[0] ?? null;
    picker.value = '';
    this.fileError.set(null);
    if (!file) return;
    const name = file.name.toLowerCase();
    if (!AGREEMENT_FILE_EXTENSIONS.some((ext) => name.endsWith(ext))) {
      this.fileError.set('enrolment.apply.agreementWrongType');
      return;
    }
    if (file.size > APPLICATION_LIMITS.agreementMaxBytes) {
      this.fileError.set('enrolment.apply.agreementTooLarge');
      return;
    }
    this.agreement.set(file);
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  AGREEMENT_FILE_EXTENSIONS,
  APPLICATION_LIMITS,
  type ApplicationReceiptDto,
  RequirementState,
} from '@blup/contracts';
import { EnrolmentApi, TranslatePipe } from '@blup/web/core';
import { Icon, Notice } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { Checklist } from './checklist';

/**
 * `/enrolment/apply/received` (public): the receipt after sending an application, with the
 * checklist as the API computed it and what is still missing; the funding agreement can be
 * added here afterwards (with the receipt's upload token). The receipt travels in the
 * navigation state; on a reload only the thanks remain.
 */
@Component({
  selector: 'blup-receipt-page',
  imports: [RouterLink, MatButton, Icon, Notice, Checklist, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-notice
      [level]="1"
      icon="check"
      data-testid="receipt"
      [heading]="'enrolment.receipt.title' | t"
      [message]="
        receipt() ? ('enrolment.receipt.text' | t: { village: receipt()?.villageName }) : null
      "
    >
      <a matButton="filled" routerLink="/">{{ 'enrolment.receipt.home' | t }}</a>
      <a matButton="outlined" routerLink="/enrolment/info-meetings">
        {{ 'enrolment.receipt.infoMeetings' | t }}
      </a>
    </blup-notice>
    @if (receipt(); as r) {
      @if (missing()) {
        <p class="missing">{{ 'enrolment.receipt.missing' | t }}</p>
      }
      <blup-checklist [checklist]="r.checklist" [live]="true" />
      @if (!r.hasAgreement) {
        <section class="upload" aria-labelledby="upload-h">
          <h2 id="upload-h">{{ 'enrolment.apply.agreement' | t }}</h2>
          <p>{{ 'enrolment.receipt.uploadText' | t }}</p>
          <input
            #picker
            hidden
            type="file"
            data-testid="receipt-agreement-file"
            [accept]="accept"
            (change)="upload(picker)"
          />
          @if (fileError(); as key) {
            <p class="file-error" role="alert">{{ key | t }}</p>
          }
          <blup-api-error [error]="send.error()" />
          <button
            matButton="tonal"
            type="button"
            [attr.aria-busy]="send.busy()"
            (click)="picker.click()"
          >
            <blup-icon matButtonIcon name="upload" />
            {{ 'enrolment.apply.agreementPick' | t }}
          </button>
        </section>
      } @else if (uploaded()) {
        <p class="done" role="status">{{ 'enrolment.receipt.uploaded' | t }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 640px;
      margin-inline: auto;
    }
    .missing,
    .upload p,
    .done {
      font: var(--mat-sys-body-large);
    }
    .upload {
      margin-block: 24px;
    }
    .upload h2 {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
    }
    .upload button {
      min-block-size: 48px;
    }
    .file-error {
      color: var(--mat-sys-error);
    }
  `,
})
export class ReceiptPage {
  private readonly api = inject(EnrolmentApi);

  protected readonly accept = AGREEMENT_FILE_EXTENSIONS.join(',');
  protected readonly send = submitter();
  protected readonly uploaded = signal(false);
  protected readonly fileError = signal<
    'enrolment.apply.agreementTooLarge' | 'enrolment.apply.agreementWrongType' | null
  >(null);
  protected readonly receipt = signal<ApplicationReceiptDto | null>(
    (typeof history !== 'undefined'
      ? (history.state as { receipt?: ApplicationReceiptDto } | null)?.receipt
      : undefined) ?? null,
  );
  /** Something the applicants can still send (a cooperation text waiting to be read is not). */
  protected readonly missing = computed(
    () => !!this.receipt()?.checklist.items.some((item) => item.state === RequirementState.Missing),
  );

  protected upload(picker: HTMLInputElement): void {
    const file = picker.files?.[0] ?? null;
    const receipt = this.receipt();
    picker.value = '';
    this.fileError.set(null);
    if (!file || !receipt) return;
    if (!AGREEMENT_FILE_EXTENSIONS.some((ext) => file.name.toLowerCase().endsWith(ext))) {
      this.fileError.set('enrolment.apply.agreementWrongType');
      return;
    }
    if (file.size > APPLICATION_LIMITS.agreementMaxBytes) {
      this.fileError.set('enrolment.apply.agreementTooLarge');
      return;
    }
    this.send.run(
      null,
      () => this.api.uploadAgreement(receipt.id, receipt.uploadToken, file),
      (answer) => {
        // The token stays ours; the answer may not repeat it.
        this.receipt.set({ ...answer, uploadToken: answer.uploadToken || receipt.uploadToken });
        this.uploaded.set(true);
      },
    );
  }
}

import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import type { PanelImportResult } from '@blup/contracts';
import { I18nService, PanelApi, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { panelReasonKey } from './panel-labels';

/**
 * CSV import into a village's panel: choose a file, attest to everyone's consent, import, and
 * read back what happened to every row that was not added.
 */
@Component({
  selector: 'blup-panel-import',
  imports: [MatButton, MatCheckbox, Icon, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="import" aria-labelledby="import-heading" data-testid="panel-import">
      <h2 id="import-heading">{{ 'panel.importHeading' | t }}</h2>
      <p>{{ 'panel.importHelp' | t }}</p>
      <input
        #file
        class="file"
        type="file"
        accept=".csv,text/csv,text/plain"
        data-testid="import-file"
        [attr.aria-label]="'panel.chooseFile' | t"
        (change)="choose(file.files)"
      />
      <button matButton="outlined" type="button" class="big" (click)="file.click()">
        <blup-icon matButtonIcon name="upload" />
        {{ 'panel.chooseFile' | t }}
      </button>
      @if (fileName(); as name) {
        <p class="chosen" data-testid="file-chosen">{{ 'panel.fileChosen' | t: { name } }}</p>
      }
      <mat-checkbox
        data-testid="attest"
        [checked]="attested()"
        (change)="attested.set($event.checked)"
      >
        {{ 'panel.attest' | t }}
      </mat-checkbox>
      <blup-api-error [error]="error()" />
      <div>
        <button
          matButton="filled"
          type="button"
          class="big"
          data-testid="import"
          [disabled]="busy() || !csv() || !attested()"
          [attr.aria-busy]="busy()"
          (click)="send()"
        >
          {{ 'panel.importButton' | t }}
        </button>
      </div>
      @if (result(); as r) {
        <p class="done" role="status" data-testid="import-result">
          {{
            'panel.importDone'
              | t: { added: r.added, merged: r.merged, invalid: r.invalid, skipped: r.skipped }
          }}
        </p>
        @if (r.report.length) {
          <h3>{{ 'panel.reportHeading' | t }}</h3>
          <div class="scroll">
            <table data-testid="import-report">
              <thead>
                <tr>
                  <th scope="col">{{ 'panel.reportRow' | t }}</th>
                  <th scope="col">{{ 'panel.reportValue' | t }}</th>
                  <th scope="col">{{ 'panel.reportReason' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (row of r.report; track row.row) {
                  <tr>
                    <td>{{ row.row }}</td>
                    <td class="value">{{ row.value }}</td>
                    <td>{{ reasonKey(row.reason) | t }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      }
    </section>
  `,
  styles: `
    .import {
      margin-block-start: 32px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 12px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    p {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .file {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      opacity: 0;
      overflow: hidden;
    }
    .big {
      min-block-size: 48px;
    }
    .done {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
    }
    .scroll {
      max-inline-size: 100%;
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font: var(--mat-sys-body-medium);
    }
    th,
    td {
      text-align: start;
      padding: 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      vertical-align: top;
    }
    .value {
      word-break: break-all;
    }
  `,
})
export class PanelImport {
  private readonly api = inject(PanelApi);
  private readonly i18n = inject(I18nService);

  readonly villageId = input.required<string>();
  /** After an import that added or changed someone. */
  readonly imported = output<PanelImportResult>();

  protected readonly reasonKey = panelReasonKey;
  protected readonly fileName = signal<string | null>(null);
  protected readonly csv = signal<string | null>(null);
  protected readonly attested = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<unknown>(null);
  protected readonly result = signal<PanelImportResult | null>(null);

  protected async choose(files: FileList | null): Promise<void> {
    const file = files?.[0];
    this.result.set(null);
    this.error.set(null);
    if (!file) return;
    this.fileName.set(file.name);
    this.csv.set(await file.text());
  }

  protected send(): void {
    const csv = this.csv();
    if (!csv || !this.attested() || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api
      .import(this.villageId(), {
        csv,
        attestation: true,
        attestationText: this.i18n.t('panel.attest'),
      })
      .subscribe({
        next: (result) => {
          this.busy.set(false);
          this.result.set(result);
          this.imported.emit(result);
        },
        error: (error: unknown) => {
          this.busy.set(false);
          this.error.set(error);
        },
      });
  }
}

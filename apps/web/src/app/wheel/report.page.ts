import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ReportContent, ReportSection } from '@blup/contracts';
import { I18nService, WheelReportApi } from '@blup/web/core';
import { confirmAction } from '../shared/confirm-action';
import { PAGE_PARTS } from '../shared/page-parts';
import { DocumentDraft } from './document-draft';
import { DraftActions } from './draft-actions';

/**
 * `/villages/:villageId/report/:year`: the annual report. "Lav udkast" makes the draft from the
 * village's data; made again, sections someone rewrote are kept, and replacing them too is
 * asked first. Then it is edited like any document and published as a dated version.
 */
@Component({
  selector: 'blup-report-page',
  imports: [PAGE_PARTS, MatFormField, MatLabel, MatInput, DraftActions],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'wheel.report.title' | t: { year: yearNumber(), village: villageName() }"
      [subheading]="'wheel.report.intro' | t"
    >
      @if (document()?.canEdit) {
        <button
          matButton="filled"
          type="button"
          data-testid="generate-report"
          [disabled]="draft.submit.busy() || draft.dirty()"
          (click)="generate(false)"
        >
          {{ (sections().length ? 'wheel.report.generateAgain' : 'wheel.report.generate') | t }}
        </button>
      }
    </blup-page-header>
    <blup-load-state [loading]="doc.isLoading()" [error]="doc.error()" />
    @if (keptEdited().length) {
      <section class="kept" role="status" data-testid="kept-edited">
        <p>{{ 'wheel.report.keptEdited' | t: { sections: keptList() } }}</p>
        <button matButton="outlined" type="button" data-testid="replace-edited" (click)="replace()">
          {{ 'wheel.report.replaceEdited' | t }}
        </button>
      </section>
    }
    @if (document(); as d) {
      @if (d.published) {
        <p class="hint" data-testid="report-published">
          {{
            'wheel.report.published'
              | t: { version: d.published.version, date: dateOf(d.published.publishedAt) }
          }}
        </p>
      }
      @if (!sections().length) {
        <p data-testid="report-empty">{{ 'wheel.report.empty' | t: { year: yearNumber() } }}</p>
      }
      @for (s of sections(); track s.id; let i = $index) {
        <section class="section" [attr.data-testid]="'section-' + s.id">
          <h2>
            {{ s.title }}
            @if (s.generated !== null && s.text !== s.generated) {
              <span class="edited">{{ 'wheel.report.edited' | t }}</span>
            }
          </h2>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ s.title }}</mat-label>
            <textarea
              matInput
              rows="6"
              [value]="s.text"
              [readOnly]="!d.canEdit"
              (input)="change(i, $any($event.target).value)"
            ></textarea>
          </mat-form-field>
        </section>
      }
      <blup-draft-actions
        [draft]="draft"
        [doc]="d"
        [conflict]="draft.conflict()"
        [mine]="{ sections: sections() }"
        name="report"
        saveLabel="wheel.report.save"
        publishLabel="wheel.report.publish"
        (save)="save()"
        (publish)="publish()"
      />
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .kept {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .section {
      display: grid;
      gap: 4px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .edited {
      margin-inline-start: 8px;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ReportPage {
  private readonly api = inject(WheelReportApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly villageId = input.required<string>();
  readonly year = input.required<string>();
  protected readonly yearNumber = computed(() => Number(this.year()));
  protected readonly doc = rxResource({
    params: () => ({ villageId: this.villageId(), year: this.yearNumber() }),
    stream: ({ params }) => this.api.report(params.villageId, params.year),
  });
  protected readonly sections = signal<ReportSection[]>([]);
  protected readonly draft = new DocumentDraft<ReportContent>(this.doc, (d) =>
    this.sections.set(d ? d.content.sections.map((s) => ({ ...s })) : []),
  );
  protected readonly document = this.draft.document;
  protected readonly villageName = computed(() => this.document()?.villageName ?? '');
  protected readonly keptEdited = signal<string[]>([]);
  protected readonly keptList = computed(() =>
    this.keptEdited()
      .map((title) => `»${title}«`)
      .join(', '),
  );
  private readonly confirm = confirmAction();

  protected dateOf(iso: string): string {
    return new Date(iso).toLocaleDateString(this.i18n.locale() === 'en' ? 'en-GB' : 'da-DK', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
  }

  protected change(index: number, text: string): void {
    this.sections.set(this.sections().map((s, i) => (i === index ? { ...s, text } : s)));
    this.draft.dirty.set(true);
  }

  protected generate(replaceEdited: boolean): void {
    const d = this.document();
    if (!d) return;
    this.draft.submit.run(
      null,
      () =>
        this.api.generateReport(this.villageId(), this.yearNumber(), {
          revision: this.draft.revisionOf(d),
          replaceEdited,
        }),
      (result) => {
        this.doc.set(result.document);
        this.keptEdited.set(result.keptEdited);
        this.snackBar.open(this.i18n.t('wheel.report.generated'), undefined, { duration: 4000 });
      },
    );
  }

  /** Replacing what people rewrote is asked first: their words would be gone from the draft. */
  protected replace(): void {
    const d = this.document();
    if (!d) return;
    this.confirm({
      ask: {
        title: this.i18n.t('wheel.report.replaceEdited'),
        message: this.i18n.t('wheel.report.replaceConfirm', { sections: this.keptList() }),
        confirm: this.i18n.t('wheel.report.replaceEdited'),
        cancel: this.i18n.t('common.back'),
      },
      act: () =>
        this.api.generateReport(this.villageId(), this.yearNumber(), {
          revision: this.draft.revisionOf(d),
          replaceEdited: true,
        }),
      done: 'wheel.report.generated',
      then: (result) => {
        this.doc.set(result.document);
        this.keptEdited.set(result.keptEdited);
      },
      failed: (error) => this.draft.submit.error.set(error),
    });
  }

  protected save(): void {
    this.draft.save(
      (revision) =>
        this.api.saveReport(
          this.villageId(),
          this.yearNumber(),
          { sections: this.sections() },
          revision,
        ),
      'wheel.report.saved',
    );
  }

  protected publish(): void {
    this.draft.publish((revision) =>
      this.api.publishReport(this.villageId(), this.yearNumber(), revision),
    );
  }
}

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
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  ErrorCode,
  type DocumentConflict,
  type ReportContent,
  type ReportSection,
} from '@blup/contracts';
import { ApiError, I18nService, WheelReportApi } from '@blup/web/core';
import { DocumentConflictView } from '../plans/document-conflict';
import { confirmAction } from '../shared/confirm-action';
import { PAGE_PARTS } from '../shared/page-parts';
import { submitter } from '../shared/submitter';

/**
 * `/villages/:villageId/report/:year`: the annual report. "Lav udkast" makes the draft from the
 * village's data; made again, sections someone rewrote are kept, and replacing them too is
 * asked first. Then it is edited like any document and published as a dated version.
 */
@Component({
  selector: 'blup-report-page',
  imports: [PAGE_PARTS, MatFormField, MatLabel, MatInput, DocumentConflictView],
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
          [disabled]="submit.busy() || dirty()"
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
      @if (conflict(); as c) {
        <blup-document-conflict
          kind="plan"
          [conflict]="c"
          [mineContent]="{ sections: sections() }"
          (keepMine)="keepMine(c.revision)"
          (takeTheirs)="reload()"
        />
      } @else {
        <blup-api-error [error]="submit.error()" />
      }
      <div class="actions">
        @if (d.canEdit && dirty()) {
          <button
            matButton="filled"
            type="button"
            data-testid="save-report"
            [disabled]="submit.busy()"
            (click)="save()"
          >
            {{ 'wheel.report.save' | t }}
          </button>
        }
        @if (d.canPublish && !dirty() && d.revision > 0 && d.changedSincePublished) {
          <button
            matButton="filled"
            type="button"
            data-testid="publish-report"
            [disabled]="submit.busy()"
            (click)="publish()"
          >
            {{ 'wheel.report.publish' | t }}
          </button>
        }
      </div>
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
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      position: sticky;
      inset-block-end: 0;
      padding-block: 8px;
      background: var(--mat-sys-surface);
    }
    .actions button {
      min-block-size: 48px;
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
  protected readonly document = computed(() => (this.doc.hasValue() ? this.doc.value() : null));
  protected readonly villageName = computed(() => this.document()?.villageName ?? '');
  protected readonly sections = signal<ReportSection[]>([]);
  protected readonly dirty = signal(false);
  protected readonly keptEdited = signal<string[]>([]);
  protected readonly keptList = computed(() =>
    this.keptEdited()
      .map((title) => `»${title}«`)
      .join(', '),
  );
  protected readonly submit = submitter();
  private readonly confirm = confirmAction();
  /** Someone saved while this person edited (409): theirs, to compare with what is here. */
  protected readonly conflict = computed(() => {
    const error = this.submit.error();
    return error instanceof ApiError && error.code === ErrorCode.DocumentChanged
      ? (error.current as DocumentConflict<ReportContent>)
      : null;
  });
  /** After "keep mine": the revision saved in between, so the next save goes on top of it. */
  private readonly baseRevision = signal<number | null>(null);

  constructor() {
    effect(() => {
      const d = this.document();
      untracked(() => {
        this.sections.set(d ? d.content.sections.map((s) => ({ ...s })) : []);
        this.dirty.set(false);
        this.baseRevision.set(null);
      });
    });
  }

  protected dateOf(iso: string): string {
    return new Date(iso).toLocaleDateString(this.i18n.locale() === 'en' ? 'en-GB' : 'da-DK', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
  }

  protected change(index: number, text: string): void {
    this.sections.set(this.sections().map((s, i) => (i === index ? { ...s, text } : s)));
    this.dirty.set(true);
  }

  protected keepMine(revision: number): void {
    this.baseRevision.set(revision);
    this.submit.error.set(null);
  }

  protected reload(): void {
    this.submit.error.set(null);
    this.doc.reload();
  }

  protected generate(replaceEdited: boolean): void {
    const d = this.document();
    if (!d) return;
    this.submit.run(
      null,
      () =>
        this.api.generateReport(this.villageId(), this.yearNumber(), {
          revision: this.baseRevision() ?? d.revision,
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
          revision: this.baseRevision() ?? d.revision,
          replaceEdited: true,
        }),
      done: 'wheel.report.generated',
      then: (result) => {
        this.doc.set(result.document);
        this.keptEdited.set(result.keptEdited);
      },
      failed: (error) => this.submit.error.set(error),
    });
  }

  protected save(): void {
    const d = this.document();
    if (!d) return;
    this.submit.run(
      null,
      () =>
        this.api.saveReport(
          this.villageId(),
          this.yearNumber(),
          { sections: this.sections() },
          this.baseRevision() ?? d.revision,
        ),
      (saved) => {
        this.doc.set(saved);
        this.snackBar.open(this.i18n.t('wheel.report.saved'), undefined, { duration: 4000 });
      },
    );
  }

  protected publish(): void {
    const d = this.document();
    if (!d) return;
    this.submit.run(
      null,
      () => this.api.publishReport(this.villageId(), this.yearNumber(), d.revision),
      (saved) => this.doc.set(saved),
    );
  }
}

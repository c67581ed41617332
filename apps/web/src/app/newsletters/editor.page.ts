import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  MAX_PAGE_SIZE,
  NEWSLETTER_LIMITS,
  type NewsletterDto,
  NewsletterStatus,
  SESSION_TARGET_KINDS,
} from '@blup/contracts';
import { I18nService, NewslettersApi, type TranslationKey, TranslatePipe } from '@blup/web/core';
import { BackLink, PageHeader } from '@blup/web/ui';
import type { Observable } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { BlockListEditor } from './block-list-editor';
import { LockedNewsletter } from './locked-newsletter';
import { type EditorBlock, firstUnpickedCard, fromEditorBlocks, toEditorBlocks } from './blocks';
import { NewsletterTargetPipe } from './newsletter-labels';
import { NewsletterPreview } from './preview-panel';
import { ScheduleDialog, type ScheduleDialogData } from './schedule-dialog';
import { NewsletterStatusChip } from './status-chip';
import { SubjectField } from './subject-field';
import { LoadState } from '../shared/load-state';

/**
 * `/newsletters/:id`: the secretariat writes a newsletter (subject, preheader, blocks, the
 * citizen panel), previews it at desktop and phone width, sends a test to themselves and
 * schedules it. Once scheduled or sent it is read-only here.
 */
@Component({
  selector: 'blup-newsletter-editor-page',
  imports: [
    LoadState,
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSlideToggle,
    BackLink,
    PageHeader,
    ApiErrorMessage,
    BlockListEditor,
    LockedNewsletter,
    SubjectField,
    NewsletterPreview,
    NewsletterStatusChip,
    NewsletterTargetPipe,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-back-link link="/newsletters" [label]="'newsletters.back' | t" />
    <blup-load-state
      [loading]="newsletter.isLoading() && !newsletter.hasValue()"
      [error]="newsletter.error()"
    />
    @if (newsletter.hasValue()) {
      @let n = newsletter.value();
      <blup-page-header
        [heading]="n.subject || ('newsletters.editorTitle' | t)"
        [subheading]="n.target | newsletterTarget"
      >
        <blup-newsletter-status [status]="n.status" />
      </blup-page-header>

      @if (!n.canEdit) {
        <blup-locked-newsletter [newsletter]="n" (unscheduled)="unscheduled($event)" />
      } @else {
        <form
          class="form"
          novalidate
          data-testid="newsletter-form"
          [formGroup]="form"
          (ngSubmit)="save()"
        >
          <blup-api-error [error]="saving.error()" />
          <blup-subject-field [control]="form.controls.subject" />
          <p class="hint">{{ 'newsletters.mergeHint' | t }}</p>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'newsletters.preheader' | t }}</mat-label>
            <input
              matInput
              formControlName="preheader"
              data-testid="preheader"
              [maxlength]="limits.preheader"
            />
            <mat-hint>{{ 'newsletters.preheaderHint' | t }}</mat-hint>
            <mat-error>{{ form.controls.preheader | fieldError }}</mat-error>
          </mat-form-field>
          <div class="toggle">
            <mat-slide-toggle formControlName="includePanel" data-testid="include-panel">
              {{ 'newsletters.includePanel' | t }}
            </mat-slide-toggle>
            <p class="hint">{{ 'newsletters.includePanelHint' | t }}</p>
          </div>

          <section class="content" aria-labelledby="content-title">
            <h2 id="content-title">{{ 'newsletters.content' | t }}</h2>
            <blup-block-list-editor
              [(blocks)]="blocks"
              [sessionTarget]="sessionTarget()"
              [cardOptions]="cards()"
              [villageCardOptions]="villageCards()"
            />
          </section>

          <blup-api-error [error]="acting.error()" />
          <div class="actions sticky" data-testid="editor-actions">
            <button
              matButton="filled"
              type="submit"
              data-testid="save"
              [attr.aria-busy]="saving.busy()"
            >
              {{ 'newsletters.save' | t }}
            </button>
            <button
              matButton="outlined"
              type="button"
              data-testid="preview"
              (click)="showPreview()"
            >
              {{ 'newsletters.showPreview' | t }}
            </button>
            <button matButton="outlined" type="button" data-testid="send-test" (click)="sendTest()">
              {{ 'newsletters.sendTest' | t }}
            </button>
            <button matButton="tonal" type="button" data-testid="schedule" (click)="schedule()">
              {{ 'newsletters.schedule' | t }}
            </button>
            <button matButton type="button" data-testid="delete" (click)="remove(n)">
              {{ 'newsletters.delete' | t }}
            </button>
          </div>
        </form>
      }

      @if (previewShown() || !n.canEdit) {
        <section class="preview" aria-labelledby="preview-title" data-testid="preview-section">
          <h2 id="preview-title" tabindex="-1" #previewTitle>{{ 'newsletters.preview' | t }}</h2>
          <p class="hint">{{ 'newsletters.previewHint' | t }}</p>
          <blup-newsletter-preview
            [newsletterId]="n.id"
            [villages]="n.villages"
            [version]="version()"
          />
        </section>
      }
    }
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-inline-size: 760px;
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .toggle {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    mat-slide-toggle {
      min-block-size: 48px;
      display: flex;
      align-items: center;
    }
    h2 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-large);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions > * {
      min-block-size: 48px;
    }
    .sticky {
      padding-block: 12px;
      border-block-start: 1px solid var(--mat-sys-outline-variant);
    }
    /* Always at hand on a wide screen; on a phone the buttons would cover the text. */
    @media (min-width: 600px) {
      .sticky {
        position: sticky;
        inset-block-end: 0;
        z-index: 1;
        background: var(--mat-sys-surface);
      }
    }
    .preview {
      margin-block-start: 24px;
    }
  `,
})
export class NewsletterEditorPage {
  private readonly api = inject(NewslettersApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly router = inject(Router);
  private readonly confirm = confirmAction();

  readonly id = input.required<string>();
  protected readonly newsletter = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  private readonly cardOptions = rxResource({
    stream: () => this.api.cardOptions({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly cards = computed(() =>
    this.cardOptions.hasValue() ? this.cardOptions.value().items : [],
  );
  private readonly villageCardOptions = rxResource({
    stream: () => this.api.villageCardOptions({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly villageCards = computed(() =>
    this.villageCardOptions.hasValue() ? this.villageCardOptions.value().items : [],
  );
  protected readonly sessionTarget = computed(() => {
    const n = this.newsletter.hasValue() ? this.newsletter.value() : null;
    return !!n && SESSION_TARGET_KINDS.includes(n.target.kind);
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    subject: ['', [Validators.required, Validators.maxLength(NEWSLETTER_LIMITS.subject)]],
    preheader: ['', Validators.maxLength(NEWSLETTER_LIMITS.preheader)],
    includePanel: [false],
  });
  protected readonly blocks = signal<EditorBlock[]>([]);
  protected readonly saving = submitter();
  /** Test sends, unscheduling, deleting: apart from saving, which they follow. */
  protected readonly acting = submitter();
  protected readonly previewShown = signal(false);
  protected readonly version = signal(0);
  protected readonly limits = NEWSLETTER_LIMITS;
  private readonly previewTitle = viewChild<ElementRef<HTMLElement>>('previewTitle');
  private loadedId: string | null = null;

  constructor() {
    // Fill the form once per newsletter (not after each save, which would move the caret).
    effect(() => {
      const n = this.newsletter.hasValue() ? this.newsletter.value() : null;
      if (!n || n.id === this.loadedId) return;
      this.loadedId = n.id;
      this.form.reset({ subject: n.subject, preheader: n.preheader, includePanel: n.includePanel });
      this.blocks.set(toEditorBlocks(n.blocks));
    });
  }

  protected save(): void {
    this.persist(() => this.toast('newsletters.saved'));
  }

  protected showPreview(): void {
    this.persist(() => {
      this.previewShown.set(true);
      this.version.update((v) => v + 1);
      setTimeout(() => this.previewTitle()?.nativeElement.scrollIntoView({ block: 'start' }));
    });
  }

  protected sendTest(): void {
    this.persist(() =>
      this.acting.run(
        null,
        () => this.api.sendTest(this.id()),
        (result) => this.toast('newsletters.testSent', { email: result.email }),
      ),
    );
  }

  protected schedule(): void {
    this.persist((saved) => {
      this.dialog
        .open<ScheduleDialog, ScheduleDialogData, NewsletterDto | null>(ScheduleDialog, {
          data: { newsletter: saved },
          maxWidth: 'calc(100vw - 32px)',
        })
        .afterClosed()
        .subscribe((scheduled) => {
          if (!scheduled) return;
          this.toast(
            scheduled.status === NewsletterStatus.Scheduled
              ? 'newsletters.scheduled'
              : 'newsletters.sendingStarted',
          );
          void this.router.navigate(['/newsletters', scheduled.id, 'progress']);
        });
    });
  }

  protected unscheduled(saved: NewsletterDto): void {
    this.loadedId = null;
    this.newsletter.set(saved);
    this.toast('newsletters.unscheduled');
  }

  protected remove(n: NewsletterDto): void {
    this.confirm({
      ask: {
        title: this.i18n.t('newsletters.deleteTitle'),
        message: this.i18n.t('newsletters.deleteMessage', {
          subject: this.form.controls.subject.value || n.subject,
        }),
        confirm: this.i18n.t('newsletters.delete'),
        cancel: this.i18n.t('common.cancel'),
      },
      act: () => this.api.delete(n.id),
      done: 'newsletters.deleted',
      then: () => void this.router.navigate(['/newsletters']),
      failed: (error) => this.acting.error.set(error),
    });
  }

  /** Saves what is on screen, then carries on with the saved newsletter. */
  private persist(then: (saved: NewsletterDto) => void): void {
    const unpicked = firstUnpickedCard(this.blocks());
    if (unpicked >= 0) {
      this.saving.error.set(new Error(this.i18n.t('newsletters.pickMissing')));
      return;
    }
    const { subject, preheader, includePanel } = this.form.getRawValue();
    const request = (): Observable<NewsletterDto> =>
      this.api.update(this.id(), {
        subject: subject.trim(),
        preheader: preheader.trim(),
        includePanel,
        blocks: fromEditorBlocks(this.blocks()),
      });
    this.acting.error.set(null);
    this.saving.run(this.form, request, (saved) => {
      this.newsletter.set(saved);
      this.form.markAsPristine();
      then(saved);
    });
  }

  private toast(key: TranslationKey, params?: Record<string, string>): void {
    this.snackBar.open(this.i18n.t(key, params), undefined, { duration: 4000 });
  }
}

import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type SurveyDto, SurveyStatus, surveyPublicPath } from '@blup/contracts';
import { I18nService, SurveysApi, TranslatePipe } from '@blup/web/core';
import { CopyField, Icon } from '@blup/web/ui';

/**
 * Sharing a questionnaire: its public link with a copy button, and the QR poster (the API's
 * SVG) shown and printed from a hidden frame, so only the poster goes to the printer.
 */
@Component({
  selector: 'blup-survey-share',
  imports: [CopyField, Icon, MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="share-heading" class="share" data-testid="survey-share">
      <h2 id="share-heading">{{ 'surveyAdmin.shareHeading' | t }}</h2>
      @if (survey().status === draft) {
        <p class="hint">{{ 'surveyAdmin.shareDraft' | t }}</p>
      }
      @if (!survey().anonymousLink) {
        <p class="hint">{{ 'surveyAdmin.shareNoLink' | t }}</p>
      } @else if (link(); as url) {
        <label for="survey-link">{{ 'surveyAdmin.shareLink' | t }}</label>
        <blup-copy-field
          [value]="url"
          inputId="survey-link"
          describedBy="survey-link-hint"
          inputTestId="survey-link"
          buttonTestId="copy-link"
          [buttonLabel]="'surveyAdmin.copy' | t"
          (copied)="copied($event)"
        />
        <p class="hint" id="survey-link-hint">{{ 'surveyAdmin.shareLinkHint' | t }}</p>
        <h3>{{ 'surveyAdmin.poster' | t }}</h3>
        <img
          class="poster"
          [src]="posterUrl()"
          [alt]="'surveyAdmin.posterAlt' | t: { title: survey().title }"
          width="210"
          height="297"
          loading="lazy"
          data-testid="poster"
        />
        <div>
          <button matButton="outlined" type="button" class="print" (click)="print()">
            <blup-icon matButtonIcon name="article" />
            {{ 'surveyAdmin.printPoster' | t }}
          </button>
        </div>
      }
    </section>
  `,
  styles: `
    .share {
      display: grid;
      gap: 8px;
      margin-block: 24px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-medium);
    }
    label {
      font: var(--mat-sys-label-large);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .poster {
      inline-size: min(100%, 280px);
      block-size: auto;
      border: 1px solid var(--mat-sys-outline-variant);
      background: #fff;
    }
    .print {
      min-block-size: 48px;
    }
  `,
})
export class SurveyShare {
  private readonly api = inject(SurveysApi);
  private readonly document = inject(DOCUMENT);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly survey = input.required<SurveyDto>();
  protected readonly draft = SurveyStatus.Draft;

  protected readonly link = computed(() => {
    // The same address the API puts in the poster's QR code.
    const { publicPath, publicToken } = this.survey();
    const path = publicPath ?? (publicToken ? surveyPublicPath(publicToken) : null);
    return path ? `${this.document.location.origin}${path}` : null;
  });
  protected readonly posterUrl = computed(() => this.api.posterUrl(this.survey().id));

  protected copied(ok: boolean): void {
    this.snackBar.open(
      this.i18n.t(ok ? 'surveyAdmin.copied' : 'surveyAdmin.copyByHand'),
      undefined,
      {
        duration: 3000,
      },
    );
  }

  /** Prints only the poster: loads it in a hidden frame and prints that frame. */
  protected print(): void {
    const frame = this.document.createElement('iframe');
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.style.cssText = 'position:fixed;inline-size:0;block-size:0;border:0;';
    frame.onload = () => {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
      setTimeout(() => frame.remove(), 60_000);
    };
    frame.src = this.posterUrl();
    this.document.body.appendChild(frame);
  }
}

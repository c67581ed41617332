import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { NewslettersApi, TranslatePipe } from '@blup/web/core';
import { ApiErrorMessage } from '../shared/api-error-message';
import { NewsletterFrame, type PreviewWidth } from './preview-frame';

/**
 * The letter as a recipient sees it: rendered by the API for the signed-in person as one
 * village's copy, shown at a desktop mail client's width (600 px) or a phone's (360 px).
 */
@Component({
  selector: 'blup-newsletter-preview',
  imports: [
    MatButtonToggleGroup,
    MatButtonToggle,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatProgressBar,
    NewsletterFrame,
    ApiErrorMessage,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="controls">
      @if (villages().length > 0) {
        <mat-form-field subscriptSizing="dynamic" class="village">
          <mat-label>{{ 'newsletters.previewVillage' | t }}</mat-label>
          <mat-select
            data-testid="preview-village"
            [value]="villageId() ?? villages()[0]?.id"
            (valueChange)="villageId.set($event)"
          >
            @for (village of villages(); track village.id) {
              <mat-option [value]="village.id">{{ village.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-button-toggle-group
        hideSingleSelectionIndicator
        [attr.aria-label]="'newsletters.width' | t"
        [value]="width()"
        (change)="width.set($event.value)"
      >
        <mat-button-toggle value="desktop" data-testid="width-desktop">
          {{ 'newsletters.desktop' | t }}
        </mat-button-toggle>
        <mat-button-toggle value="phone" data-testid="width-phone">
          {{ 'newsletters.phone' | t }}
        </mat-button-toggle>
      </mat-button-toggle-group>
    </div>
    <div class="progress">
      @if (preview.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      }
    </div>
    <blup-api-error [error]="preview.error()" />
    @if (preview.hasValue()) {
      @let p = preview.value();
      <p class="subject" data-testid="preview-subject">
        {{ 'newsletters.previewSubject' | t: { subject: p.subject } }}
      </p>
      <blup-newsletter-frame
        [html]="p.html"
        [width]="width()"
        [frameTitle]="
          'newsletters.previewFrame'
            | t: { width: (width() === 'phone' ? 'newsletters.phone' : 'newsletters.desktop') | t }
        "
      />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .controls {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 12px 16px;
    }
    .village {
      flex: 1 1 240px;
    }
    mat-button-toggle-group {
      flex: none;
    }
    mat-button-toggle {
      min-inline-size: 96px;
    }
    .progress {
      block-size: 4px;
      margin-block: 8px;
    }
    .subject {
      margin: 0 0 8px;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
  `,
})
export class NewsletterPreview {
  private readonly api = inject(NewslettersApi);

  readonly newsletterId = input.required<string>();
  readonly villages = input<readonly { id: string; name: string }[]>([]);
  /** Bump it after saving to render the saved letter again. */
  readonly version = input(0);

  protected readonly width = signal<PreviewWidth>('desktop');
  /** Null: the API picks the first village in scope. */
  protected readonly villageId = signal<string | null>(null);
  protected readonly preview = rxResource({
    params: () => ({
      id: this.newsletterId(),
      villageId: this.villageId() ?? this.villages()[0]?.id ?? null,
      version: this.version(),
    }),
    stream: ({ params }) =>
      this.api.preview(params.id, params.villageId ? { villageId: params.villageId } : {}),
  });
}

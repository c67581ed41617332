import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService } from '@blup/web/core';
import { percentText } from './initiative-labels';

/**
 * A progress bar with its number in words beside it: an initiative's progress, or a focus area's
 * weighted roll-up (`rollUp`). The words say it all, so nothing depends on seeing the bar; the
 * bar is a `progressbar` named by the same words for screen readers.
 */
@Component({
  selector: 'blup-progress-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (value() === null) {
      <p class="words" data-testid="progress-words">{{ text() }}</p>
    } @else {
      <div
        class="track"
        role="progressbar"
        aria-valuemin="0"
        aria-valuemax="100"
        [attr.aria-valuenow]="value()"
        [attr.aria-label]="text()"
      >
        <span class="fill" [style.inline-size.%]="value()"></span>
      </div>
      <p class="words" data-testid="progress-words">{{ text() }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .track {
      block-size: 12px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill {
      display: block;
      block-size: 100%;
      background: var(--mat-sys-primary);
    }
    .words {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class ProgressBar {
  private readonly i18n = inject(I18nService);
  /** 0–100, or null when there is nothing to measure yet. */
  readonly value = input.required<number | null>();
  /** A focus area's weighted roll-up rather than one initiative's progress. */
  readonly rollUp = input(false);

  protected readonly text = computed(() => {
    const value = this.value();
    if (value === null) return this.i18n.t('initiatives.rollUpNone');
    const percent = percentText(value, this.i18n.locale());
    return this.i18n.t(this.rollUp() ? 'initiatives.rollUp' : 'initiatives.progress', { percent });
  });
}

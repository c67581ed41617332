import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * A thin completion bar with its text beside it, e.g. "40 % gennemført".
 * `label` names the bar for screen readers; `text` is what is shown.
 */
@Component({
  selector: 'blup-percent-bar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      class="track"
      role="progressbar"
      aria-valuemin="0"
      aria-valuemax="100"
      [attr.aria-valuenow]="clamped()"
      [attr.aria-label]="label()"
    >
      <div class="fill" [style.inline-size.%]="clamped()"></div>
    </div>
    <span class="text">{{ text() }}</span>
  `,
  styles: `
    :host {
      display: flex;
      align-items: center;
      gap: 12px;
    }
    .track {
      flex: 1;
      block-size: 8px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-surface-container-highest);
      overflow: hidden;
    }
    .fill {
      block-size: 100%;
      background: var(--mat-sys-primary);
      border-radius: inherit;
    }
    .text {
      flex: none;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PercentBar {
  /** 0–100. */
  readonly value = input.required<number>();
  readonly label = input.required<string>();
  readonly text = input('');
  protected readonly clamped = computed(() => Math.round(Math.min(100, Math.max(0, this.value()))));
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { Icon, type IconName } from './icon';

/**
 * A whole-page message: "check your mail", "this link no longer works", an empty list.
 * Put follow-up buttons or links inside.
 */
@Component({
  selector: 'blup-notice',
  imports: [Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-icon class="icon" [name]="icon()" />
    @if (heading()) {
      @if (level() === 1) {
        <h1>{{ heading() }}</h1>
      } @else {
        <h2>{{ heading() }}</h2>
      }
    }
    @if (message()) {
      <p>{{ message() }}</p>
    }
    <div class="actions"><ng-content /></div>
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: center;
      text-align: center;
      gap: 8px;
      padding: 32px 16px;
      color: var(--mat-sys-on-surface);
    }
    .icon {
      color: var(--mat-sys-primary);
      transform: scale(1.5);
      margin-block-end: 8px;
    }
    h1,
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    p {
      margin: 0;
      max-inline-size: 40ch;
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
      margin-block-start: 16px;
    }
    .actions:empty {
      display: none;
    }
  `,
})
export class Notice {
  readonly icon = input<IconName>('check');
  readonly heading = input<string | null>(null);
  readonly message = input<string | null>(null);
  /** 1 when the notice is the whole page, 2 under a page header. */
  readonly level = input<1 | 2>(2);
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { Icon } from './icon';

/** A detail page's way back, above its header: an arrow and where it leads, 48px high. */
@Component({
  selector: 'blup-back-link',
  imports: [RouterLink, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" [routerLink]="link()">
      <blup-icon name="back" />
      {{ label() }}
    </a>
  `,
  styles: `
    :host {
      display: contents;
    }
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
  `,
})
export class BackLink {
  /** A router link: `'/newsletters'` or `['/newsletters', id]`. */
  readonly link = input.required<string | readonly unknown[]>();
  readonly label = input.required<string>();
}

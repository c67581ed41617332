import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { Icon } from './icon';

/** A list page's "New …" button in its header: opens the `new` route under the list. */
@Component({
  selector: 'blup-create-link',
  imports: [MatButton, RouterLink, Icon],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a matButton="filled" routerLink="new" data-testid="create">
      <blup-icon matButtonIcon name="add" />
      {{ label() }}
    </a>
  `,
  styles: `
    :host {
      display: contents;
    }
  `,
})
export class CreateLink {
  readonly label = input.required<string>();
}

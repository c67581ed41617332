import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { UrlTree } from '@angular/router';
import { TranslatePipe } from '@blup/web/core';
import { FormActions, PageHeader } from '@blup/web/ui';
import type { EditFormState } from './edit-form';
import { LoadState } from './load-state';

/**
 * Everything around the fields of a create/edit page: the heading, loading bar, error, the
 * `<form>` and its Create/Save and Cancel buttons. The page projects its fields and binds its
 * form group on this element (`<blup-edit-form-frame [formGroup]="form" …>`), so the projected
 * `formControlName`s find it.
 */
@Component({
  selector: 'blup-edit-form-frame',
  imports: [LoadState, PageHeader, FormActions, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <blup-page-header [heading]="heading()" />
    <blup-load-state
      [loading]="edit().existing.isLoading()"
      [error]="edit().existing.error() ?? edit().submitter.error()"
    />
    <form class="form" novalidate [attr.data-testid]="testId()" (submit)="submit($event)">
      <ng-content />
      <blup-form-actions
        [submitLabel]="(edit().editing() ? 'common.save' : 'common.create') | t"
        [cancelLabel]="'common.cancel' | t"
        [cancelLink]="cancelLink()"
        [busy]="edit().submitter.busy()"
      />
    </form>
  `,
})
export class EditFormFrame {
  /** The page's `editForm(…)`. */
  readonly edit = input.required<EditFormState>();
  readonly heading = input.required<string>();
  /** The record's page when editing, the list when creating. */
  readonly cancelLink = input.required<string | readonly unknown[] | UrlTree>();
  readonly testId = input.required<string>();

  protected submit(event: Event): void {
    event.preventDefault();
    this.edit().save();
  }
}

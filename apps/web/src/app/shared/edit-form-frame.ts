import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import type { UrlTree } from '@angular/router';
import { TranslatePipe } from '@blup/web/core';
import { FormActions, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from './api-error-message';
import type { EditFormState } from './edit-form';

/**
 * Everything around the fields of a create/edit page: the heading, loading bar, error, the
 * `<form>` and its Create/Save and Cancel buttons. The page projects its fields and binds its
 * form group on this element (`<blup-edit-form-frame [formGroup]="form" …>`), so the projected
 * `formControlName`s find it.
 */
@Component({
  selector: 'blup-edit-form-frame',
  imports: [MatProgressBar, PageHeader, FormActions, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { style: 'display: block' },
  template: `
    <blup-page-header [heading]="heading()" />
    @if (edit().existing.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="edit().existing.error() ?? edit().submitter.error()" />
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

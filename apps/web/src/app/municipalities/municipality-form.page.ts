import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { NAME_MAX_LENGTH } from '@blup/contracts';
import { OrganisationsApi, TranslatePipe } from '@blup/web/core';
import { FormActions, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { editForm } from '../shared/edit-form';

/** Create (`/municipalities/new`) or rename (`/municipalities/:id/edit`) a municipality. */
@Component({
  selector: 'blup-municipality-form-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatProgressBar,
    PageHeader,
    FormActions,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="(id() ? 'municipalities.editTitle' : 'municipalities.createTitle') | t"
    />
    @if (edit.existing.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="edit.existing.error() ?? edit.submitter.error()" />
    <form
      class="form"
      novalidate
      [formGroup]="form"
      (ngSubmit)="edit.save()"
      data-testid="municipality-form"
    >
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'municipalities.name' | t }}</mat-label>
        <input matInput formControlName="name" data-testid="name" />
        <mat-error>{{ form.controls.name | fieldError }}</mat-error>
      </mat-form-field>
      <blup-form-actions
        [submitLabel]="(id() ? 'common.save' : 'common.create') | t"
        [cancelLabel]="'common.cancel' | t"
        [cancelLink]="id() ? ['/municipalities', id()] : '/municipalities'"
        [busy]="edit.submitter.busy()"
      />
    </form>
  `,
})
export class MunicipalityFormPage {
  private readonly api = inject(OrganisationsApi);

  /** Set when editing. */
  readonly id = input<string>();
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
  });
  protected readonly edit = editForm({
    id: this.id,
    form: this.form,
    load: (id) => this.api.municipality(id),
    fill: (existing) => this.form.reset({ name: existing.name }),
    create: () => this.api.createMunicipality(this.form.getRawValue()),
    update: (id) => this.api.updateMunicipality(id, this.form.getRawValue()),
    created: 'municipalities.created',
    route: '/municipalities',
  });
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MAX_PAGE_SIZE, NAME_MAX_LENGTH } from '@blup/contracts';
import { OrganisationsApi, TranslatePipe } from '@blup/web/core';
import { FormActions, PageHeader } from '@blup/web/ui';
import { of } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { editForm } from '../shared/edit-form';

const DESCRIPTION_MAX_LENGTH = 2000;

/** Create (`/villages/new`) or edit (`/villages/:id/edit`) a village. The municipality is chosen once. */
@Component({
  selector: 'blup-village-form-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatProgressBar,
    PageHeader,
    FormActions,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="(id() ? 'villages.editTitle' : 'villages.createTitle') | t" />
    @if (edit.existing.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="edit.existing.error() ?? edit.submitter.error()" />
    <form
      class="form"
      novalidate
      [formGroup]="form"
      (ngSubmit)="edit.save()"
      data-testid="village-form"
    >
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'villages.name' | t }}</mat-label>
        <input matInput formControlName="name" data-testid="name" />
        <mat-error>{{ form.controls.name | fieldError }}</mat-error>
      </mat-form-field>
      @if (!id()) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'villages.municipality' | t }}</mat-label>
          <mat-select formControlName="municipalityId" data-testid="municipality">
            @for (municipality of municipalities(); track municipality.id) {
              <mat-option [value]="municipality.id">{{ municipality.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.municipalityId | fieldError }}</mat-error>
        </mat-form-field>
      }
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'villages.description' | t }}</mat-label>
        <textarea
          matInput
          formControlName="description"
          rows="4"
          data-testid="description"
        ></textarea>
        <mat-hint>{{ 'villages.descriptionHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
      <blup-form-actions
        [submitLabel]="(id() ? 'common.save' : 'common.create') | t"
        [cancelLabel]="'common.cancel' | t"
        [cancelLink]="id() ? ['/villages', id()] : '/villages'"
        [busy]="edit.submitter.busy()"
      />
    </form>
  `,
})
export class VillageFormPage {
  private readonly api = inject(OrganisationsApi);

  /** Set when editing. */
  readonly id = input<string>();
  private readonly municipalityOptions = rxResource({
    params: () => !this.id(),
    stream: ({ params: creating }) =>
      creating ? this.api.municipalities({ pageSize: MAX_PAGE_SIZE }) : of(null),
  });
  protected readonly municipalities = computed(() =>
    this.municipalityOptions.hasValue() ? (this.municipalityOptions.value()?.items ?? []) : [],
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    municipalityId: ['', Validators.required],
    description: ['', Validators.maxLength(DESCRIPTION_MAX_LENGTH)],
  });
  protected readonly edit = editForm({
    id: this.id,
    form: this.form,
    load: (id) => this.api.village(id),
    fill: (village) =>
      this.form.reset({
        name: village.name,
        municipalityId: village.municipalityId,
        description: village.description,
      }),
    create: () => this.api.createVillage(this.form.getRawValue()),
    update: (id) => {
      const { name, description } = this.form.getRawValue();
      return this.api.updateVillage(id, { name, description });
    },
    created: 'villages.created',
    route: '/villages',
  });
}

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
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { editForm } from '../shared/edit-form';

/** Create (`/cohorts/new`) or edit (`/cohorts/:id/edit`) a cohort and choose its villages. */
@Component({
  selector: 'blup-cohort-form-page',
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
    <blup-page-header [heading]="(id() ? 'cohorts.editTitle' : 'cohorts.createTitle') | t" />
    @if (edit.existing.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="edit.existing.error() ?? edit.submitter.error()" />
    <form
      class="form"
      novalidate
      [formGroup]="form"
      (ngSubmit)="edit.save()"
      data-testid="cohort-form"
    >
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'cohorts.name' | t }}</mat-label>
        <input matInput formControlName="name" data-testid="name" />
        <mat-hint>{{ 'cohorts.nameHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.name | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'cohorts.startDate' | t }}</mat-label>
        <input matInput type="date" formControlName="startDate" data-testid="start-date" />
        <mat-error>{{ form.controls.startDate | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'cohorts.villages' | t }}</mat-label>
        <mat-select formControlName="villageIds" multiple data-testid="villages">
          @for (village of villages(); track village.id) {
            <mat-option [value]="village.id"
              >{{ village.name }} ({{ village.municipalityName }})</mat-option
            >
          }
        </mat-select>
        <mat-hint>{{ 'cohorts.villagesHint' | t }}</mat-hint>
      </mat-form-field>
      <blup-form-actions
        [submitLabel]="(id() ? 'common.save' : 'common.create') | t"
        [cancelLabel]="'common.cancel' | t"
        [cancelLink]="id() ? ['/cohorts', id()] : '/cohorts'"
        [busy]="edit.submitter.busy()"
      />
    </form>
  `,
})
export class CohortFormPage {
  private readonly api = inject(OrganisationsApi);

  /** Set when editing. */
  readonly id = input<string>();
  private readonly villageOptions = rxResource({
    stream: () => this.api.villages({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly villages = computed(() =>
    this.villageOptions.hasValue() ? this.villageOptions.value().items : [],
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    startDate: ['', Validators.required],
    villageIds: [[] as string[]],
  });
  protected readonly edit = editForm({
    id: this.id,
    form: this.form,
    load: (id) => this.api.cohort(id),
    fill: (cohort) =>
      this.form.reset({
        name: cohort.name,
        startDate: cohort.startDate,
        villageIds: cohort.villages.map((v) => v.id),
      }),
    create: () => this.api.createCohort(this.form.getRawValue()),
    update: (id) => this.api.updateCohort(id, this.form.getRawValue()),
    created: 'cohorts.created',
    route: '/cohorts',
  });
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAX_PAGE_SIZE, NAME_MAX_LENGTH } from '@blup/contracts';
import { OrganisationsApi } from '@blup/web/core';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';

/** Create (`/cohorts/new`) or edit (`/cohorts/:id/edit`) a cohort and choose its villages. */
@Component({
  selector: 'blup-cohort-form-page',
  imports: [FORM_FIELDS, EditFormFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'cohorts.editTitle' : 'cohorts.createTitle') | t"
      [cancelLink]="id() ? ['/cohorts', id()] : '/cohorts'"
      testId="cohort-form"
    >
      <blup-text-field
        [control]="form.controls.name"
        [label]="'cohorts.name' | t"
        [hint]="'cohorts.nameHint' | t"
        testId="name"
      />
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
    </blup-edit-form-frame>
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

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MAX_PAGE_SIZE, NAME_MAX_LENGTH } from '@blup/contracts';
import { OrganisationsApi } from '@blup/web/core';
import { of } from 'rxjs';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';

const DESCRIPTION_MAX_LENGTH = 2000;

/** Create (`/villages/new`) or edit (`/villages/:id/edit`) a village. The municipality is chosen once. */
@Component({
  selector: 'blup-village-form-page',
  imports: [FORM_FIELDS, EditFormFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'villages.editTitle' : 'villages.createTitle') | t"
      [cancelLink]="id() ? ['/villages', id()] : '/villages'"
      testId="village-form"
    >
      <blup-text-field [control]="form.controls.name" [label]="'villages.name' | t" testId="name" />
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
    </blup-edit-form-frame>
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

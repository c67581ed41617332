import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { NAME_MAX_LENGTH } from '@blup/contracts';
import { OrganisationsApi } from '@blup/web/core';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';

/** Create (`/municipalities/new`) or rename (`/municipalities/:id/edit`) a municipality. */
@Component({
  selector: 'blup-municipality-form-page',
  imports: [FORM_FIELDS, EditFormFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'municipalities.editTitle' : 'municipalities.createTitle') | t"
      [cancelLink]="id() ? ['/municipalities', id()] : '/municipalities'"
      testId="municipality-form"
    >
      <blup-text-field
        [control]="form.controls.name"
        [label]="'municipalities.name' | t"
        testId="name"
      />
    </blup-edit-form-frame>
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

import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { FOCUS_AREA_LIMITS, type FocusAreaDto } from '@blup/contracts';
import { InitiativesApi } from '@blup/web/core';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';

const F = FOCUS_AREA_LIMITS;

/**
 * Add a focus area (`/villages/:villageId/initiatives/focus-areas/new`) or change one
 * (`…/focus-areas/:id`); either way, back to the village's initiatives after saving.
 */
@Component({
  selector: 'blup-focus-area-form-page',
  imports: [FORM_FIELDS, EditFormFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'initiatives.areaEditTitle' : 'initiatives.areaCreateTitle') | t"
      [cancelLink]="['/villages', villageId(), 'initiatives']"
      testId="focus-area-form"
    >
      <blup-text-field
        [control]="form.controls.name"
        [label]="'initiatives.fieldAreaName' | t"
        [hint]="'initiatives.fieldAreaNameHint' | t"
        testId="area-name"
      />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'initiatives.fieldAreaDescription' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          formControlName="description"
          data-testid="area-description"
        ></textarea>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
      @if (id()) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'initiatives.fieldAreaPosition' | t }}</mat-label>
          <input matInput type="number" inputmode="numeric" min="1" formControlName="position" />
          <mat-error>{{ form.controls.position | fieldError }}</mat-error>
        </mat-form-field>
      }
    </blup-edit-form-frame>
  `,
})
export class FocusAreaFormPage {
  private readonly api = inject(InitiativesApi);

  readonly villageId = input.required<string>();
  /** Set when editing. */
  readonly id = input<string>();
  private readonly version = signal(1);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(F.nameMaxLength)]],
    description: ['', Validators.maxLength(F.descriptionMaxLength)],
    position: [1, [Validators.min(1), Validators.max(F.positionMax)]],
  });
  protected readonly edit = editForm({
    id: this.id,
    form: this.form,
    load: (id) => this.api.focusArea(id),
    fill: (area: FocusAreaDto) => {
      this.version.set(area.version);
      this.form.reset({ name: area.name, description: area.description, position: area.position });
    },
    create: () => {
      const { name, description } = this.form.getRawValue();
      return this.api.createFocusArea(this.villageId(), { name, description });
    },
    update: (id) => {
      const { name, description, position } = this.form.getRawValue();
      return this.api.updateFocusArea(id, {
        name,
        description,
        position: Number(position),
        version: this.version(),
      });
    },
    created: 'initiatives.areaCreated',
    route: { after: () => ['/villages', this.villageId(), 'initiatives'] },
  });
}

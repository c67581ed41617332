import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { FOCUS_AREA_LIMITS, type FocusAreaDto } from '@blup/contracts';
import { I18nService, InitiativesApi } from '@blup/web/core';
import { of } from 'rxjs';
import { effect } from '@angular/core';
import type { EditFormState } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';
import { submitter } from '../shared/submitter';

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
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly villageId = input.required<string>();
  /** Set when editing. */
  readonly id = input<string>();
  private readonly version = signal(1);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(F.nameMaxLength)]],
    description: ['', Validators.maxLength(F.descriptionMaxLength)],
    position: [1, [Validators.min(1), Validators.max(F.positionMax)]],
  });
  private readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params }) => (params ? this.api.focusArea(params) : of(null)),
  });
  private readonly submit = submitter();

  protected readonly edit: EditFormState = {
    existing: this.existing,
    submitter: this.submit,
    editing: computed(() => !!this.id()),
    save: () => {
      const id = this.id();
      const { name, description, position } = this.form.getRawValue();
      this.submit.run(
        this.form,
        () =>
          id
            ? this.api.updateFocusArea(id, {
                name,
                description,
                position: Number(position),
                version: this.version(),
              })
            : this.api.createFocusArea(this.villageId(), { name, description }),
        () => {
          this.snackBar.open(
            this.i18n.t(id ? 'common.saved' : 'initiatives.areaCreated'),
            undefined,
            { duration: 4000 },
          );
          void this.router.navigate(['/villages', this.villageId(), 'initiatives']);
        },
      );
    },
  };

  constructor() {
    effect(() => {
      const area: FocusAreaDto | null = this.existing.hasValue() ? this.existing.value() : null;
      if (!area) return;
      this.version.set(area.version);
      this.form.reset({ name: area.name, description: area.description, position: area.position });
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE, NAME_MAX_LENGTH } from '@blup/contracts';
import { I18nService, OrganisationsApi, TranslatePipe } from '@blup/web/core';
import { PageHeader } from '@blup/web/ui';
import { of } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';

const DESCRIPTION_MAX_LENGTH = 2000;

/** Create (`/villages/new`) or edit (`/villages/:id/edit`) a village. The municipality is chosen once. */
@Component({
  selector: 'blup-village-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    MatProgressBar,
    PageHeader,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="(id() ? 'villages.editTitle' : 'villages.createTitle') | t" />
    @if (existing.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="existing.error() ?? submitter.error()" />
    <form class="form" novalidate [formGroup]="form" (ngSubmit)="save()" data-testid="village-form">
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
      <div class="form-actions">
        <button
          matButton="filled"
          type="submit"
          data-testid="save"
          [attr.aria-busy]="submitter.busy()"
        >
          {{ (id() ? 'common.save' : 'common.create') | t }}
        </button>
        <a matButton [routerLink]="id() ? ['/villages', id()] : '/villages'">{{
          'common.cancel' | t
        }}</a>
      </div>
    </form>
  `,
})
export class VillageFormPage {
  private readonly api = inject(OrganisationsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  /** Set when editing. */
  readonly id = input<string>();
  protected readonly submitter = submitter();
  protected readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params }) => (params ? this.api.village(params) : of(null)),
  });
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

  constructor() {
    effect(() => {
      const village = this.existing.hasValue() ? this.existing.value() : null;
      if (village)
        this.form.reset({
          name: village.name,
          municipalityId: village.municipalityId,
          description: village.description,
        });
    });
  }

  protected save(): void {
    const id = this.id();
    const { name, municipalityId, description } = this.form.getRawValue();
    this.submitter.run(
      this.form,
      () =>
        id
          ? this.api.updateVillage(id, { name, description })
          : this.api.createVillage({ name, municipalityId, description }),
      (saved) => {
        this.snackBar.open(this.i18n.t(id ? 'common.saved' : 'villages.created'), undefined, {
          duration: 4000,
        });
        void this.router.navigate(['/villages', saved.id]);
      },
    );
  }
}

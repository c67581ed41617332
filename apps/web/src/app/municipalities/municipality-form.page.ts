import { ChangeDetectionStrategy, Component, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { NAME_MAX_LENGTH } from '@blup/contracts';
import { I18nService, OrganisationsApi, TranslatePipe } from '@blup/web/core';
import { PageHeader } from '@blup/web/ui';
import { of } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';

/** Create (`/municipalities/new`) or rename (`/municipalities/:id/edit`) a municipality. */
@Component({
  selector: 'blup-municipality-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
    PageHeader,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="(id() ? 'municipalities.editTitle' : 'municipalities.createTitle') | t"
    />
    @if (existing.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="existing.error() ?? submitter.error()" />
    <form
      class="form"
      novalidate
      [formGroup]="form"
      (ngSubmit)="save()"
      data-testid="municipality-form"
    >
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'municipalities.name' | t }}</mat-label>
        <input matInput formControlName="name" data-testid="name" />
        <mat-error>{{ form.controls.name | fieldError }}</mat-error>
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
        <a matButton [routerLink]="id() ? ['/municipalities', id()] : '/municipalities'">{{
          'common.cancel' | t
        }}</a>
      </div>
    </form>
  `,
})
export class MunicipalityFormPage {
  private readonly api = inject(OrganisationsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  /** Set when editing. */
  readonly id = input<string>();
  protected readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params }) => (params ? this.api.municipality(params) : of(null)),
  });
  protected readonly submitter = submitter();
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
  });

  constructor() {
    effect(() => {
      const existing = this.existing.hasValue() ? this.existing.value() : null;
      if (existing) this.form.reset({ name: existing.name });
    });
  }

  protected save(): void {
    const id = this.id();
    const body = this.form.getRawValue();
    this.submitter.run(
      this.form,
      () => (id ? this.api.updateMunicipality(id, body) : this.api.createMunicipality(body)),
      (saved) => {
        this.snackBar.open(this.i18n.t(id ? 'common.saved' : 'municipalities.created'), undefined, {
          duration: 4000,
        });
        void this.router.navigate(['/municipalities', saved.id]);
      },
    );
  }
}

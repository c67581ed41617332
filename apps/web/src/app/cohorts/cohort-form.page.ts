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

/** Create (`/cohorts/new`) or edit (`/cohorts/:id/edit`) a cohort and choose its villages. */
@Component({
  selector: 'blup-cohort-form-page',
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
    <blup-page-header [heading]="(id() ? 'cohorts.editTitle' : 'cohorts.createTitle') | t" />
    @if (existing.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="existing.error() ?? submitter.error()" />
    <form class="form" novalidate [formGroup]="form" (ngSubmit)="save()" data-testid="cohort-form">
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
      <div class="form-actions">
        <button
          matButton="filled"
          type="submit"
          data-testid="save"
          [attr.aria-busy]="submitter.busy()"
        >
          {{ (id() ? 'common.save' : 'common.create') | t }}
        </button>
        <a matButton [routerLink]="id() ? ['/cohorts', id()] : '/cohorts'">{{
          'common.cancel' | t
        }}</a>
      </div>
    </form>
  `,
})
export class CohortFormPage {
  private readonly api = inject(OrganisationsApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  /** Set when editing. */
  readonly id = input<string>();
  protected readonly submitter = submitter();
  protected readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params }) => (params ? this.api.cohort(params) : of(null)),
  });
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

  constructor() {
    effect(() => {
      const cohort = this.existing.hasValue() ? this.existing.value() : null;
      if (cohort)
        this.form.reset({
          name: cohort.name,
          startDate: cohort.startDate,
          villageIds: cohort.villages.map((v) => v.id),
        });
    });
  }

  protected save(): void {
    const id = this.id();
    const body = this.form.getRawValue();
    this.submitter.run(
      this.form,
      () => (id ? this.api.updateCohort(id, body) : this.api.createCohort(body)),
      (saved) => {
        this.snackBar.open(this.i18n.t(id ? 'common.saved' : 'cohorts.created'), undefined, {
          duration: 4000,
        });
        void this.router.navigate(['/cohorts', saved.id]);
      },
    );
  }
}

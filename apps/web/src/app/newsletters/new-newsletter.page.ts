import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  CourseAudience,
  MAX_PAGE_SIZE,
  NEWSLETTER_LIMITS,
  type NewsletterTargetOption,
  NewsletterTargetKind,
} from '@blup/contracts';
import {
  CoursesApi,
  I18nService,
  NewslettersApi,
  OrganisationsApi,
  TranslatePipe,
} from '@blup/web/core';
import { FormActions, PageHeader } from '@blup/web/ui';
import { type Observable, map, of } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { formatWhen } from './newsletter-labels';

type Kind = 'session' | 'standalone';
type Standalone =
  NewsletterTargetKind.Cohort | NewsletterTargetKind.Village | NewsletterTargetKind.Course;

/**
 * `/newsletters/new[?for=<plan or session id>]`: the secretariat picks what a new newsletter
 * leads into (an upcoming planned session of a cohort, a single session, or nothing: a cohort,
 * a village or an academy course), gives it a subject and goes on to the editor.
 */
@Component({
  selector: 'blup-new-newsletter-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    PageHeader,
    FormActions,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'newsletters.newTitle' | t"
      [subheading]="'newsletters.newIntro' | t"
    />
    <form class="form" novalidate [formGroup]="form" (ngSubmit)="create()" data-testid="new-form">
      <blup-api-error [error]="save.error()" />
      <fieldset>
        <legend>{{ 'newsletters.kindLabel' | t }}</legend>
        <mat-radio-group formControlName="kind" class="radios">
          <mat-radio-button value="session" data-testid="kind-session">
            {{ 'newsletters.kindPlan' | t }}
          </mat-radio-button>
          <mat-radio-button value="standalone" data-testid="kind-standalone">
            {{ 'newsletters.kindStandalone' | t }}
          </mat-radio-button>
        </mat-radio-group>
      </fieldset>

      @if (kind() === 'session') {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'newsletters.cohort' | t }}</mat-label>
          <mat-select formControlName="cohortId" data-testid="cohort">
            @for (cohort of cohorts(); track cohort.id) {
              <mat-option [value]="cohort.id">{{ cohort.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.cohortId | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'newsletters.session' | t }}</mat-label>
          <mat-select formControlName="targetId" data-testid="target">
            @for (option of sessionOptions(); track option.id) {
              <mat-option [value]="option.id">{{ optionText(option) }}</mat-option>
            } @empty {
              <mat-option disabled [value]="''">
                {{ (cohortId() ? 'newsletters.noSessions' : 'newsletters.chooseCohort') | t }}
              </mat-option>
            }
          </mat-select>
          <mat-hint>{{ 'newsletters.kindPlanHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.targetId | fieldError }}</mat-error>
        </mat-form-field>
      } @else {
        <fieldset>
          <legend>{{ 'newsletters.standaloneTo' | t }}</legend>
          <mat-radio-group formControlName="standalone" class="radios">
            <mat-radio-button [value]="kinds.Cohort" data-testid="to-cohort">
              {{ 'newsletters.toCohort' | t }}
            </mat-radio-button>
            <mat-radio-button [value]="kinds.Village" data-testid="to-village">
              {{ 'newsletters.toVillage' | t }}
            </mat-radio-button>
            <mat-radio-button [value]="kinds.Course" data-testid="to-course">
              {{ 'newsletters.toCourse' | t }}
            </mat-radio-button>
          </mat-radio-group>
        </fieldset>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ standaloneLabel() | t }}</mat-label>
          <mat-select formControlName="targetId" data-testid="standalone-target">
            @for (option of standaloneOptions(); track option.id) {
              <mat-option [value]="option.id">{{ option.name }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.targetId | fieldError }}</mat-error>
        </mat-form-field>
      }

      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'newsletters.subject' | t }}</mat-label>
        <input matInput formControlName="subject" data-testid="subject" [maxlength]="maxSubject" />
        <mat-hint>{{ 'newsletters.subjectHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.subject | fieldError }}</mat-error>
      </mat-form-field>
      <blup-form-actions
        submitTestId="create"
        cancelLink="/newsletters"
        [submitLabel]="'newsletters.create' | t"
        [cancelLabel]="'common.cancel' | t"
        [busy]="save.busy()"
      />
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 16px;
      max-inline-size: 640px;
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: none;
    }
    legend {
      margin-block-end: 4px;
      font: var(--mat-sys-title-medium);
    }
    .radios {
      display: flex;
      flex-direction: column;
    }
    .radios mat-radio-button {
      min-block-size: 48px;
      display: flex;
      align-items: center;
    }
  `,
})
export class NewNewsletterPage {
  private readonly api = inject(NewslettersApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly courses = inject(CoursesApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);

  /** A planned session or circle session to write for (from the planner's link). */
  readonly for = input<string | undefined>(undefined);

  protected readonly kinds = NewsletterTargetKind;
  protected readonly maxSubject = NEWSLETTER_LIMITS.subject;
  protected readonly save = submitter();
  protected readonly form = inject(NonNullableFormBuilder).group({
    kind: ['session' as Kind],
    cohortId: [''],
    standalone: [NewsletterTargetKind.Cohort as Standalone],
    targetId: ['', Validators.required],
    subject: ['', [Validators.required, Validators.maxLength(NEWSLETTER_LIMITS.subject)]],
  });
  protected readonly kind = toSignal(this.form.controls.kind.valueChanges, {
    initialValue: this.form.controls.kind.value,
  });
  protected readonly cohortId = toSignal(this.form.controls.cohortId.valueChanges, {
    initialValue: '',
  });
  private readonly standalone = toSignal(this.form.controls.standalone.valueChanges, {
    initialValue: this.form.controls.standalone.value,
  });

  private readonly cohortList = rxResource({
    stream: () => this.organisations.cohorts({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly cohorts = computed(() =>
    this.cohortList.hasValue() ? this.cohortList.value().items : [],
  );
  private readonly preset = rxResource({
    params: () => this.for(),
    stream: ({ params }) => (params ? this.api.forSession(params) : of(null)),
  });
  private readonly targets = rxResource({
    params: () => this.cohortId(),
    stream: ({ params }) =>
      params ? this.api.targets({ cohortId: params, pageSize: MAX_PAGE_SIZE }) : of(null),
  });
  protected readonly sessionOptions = computed(() => {
    const listed = this.targets.hasValue() ? (this.targets.value()?.items ?? []) : [];
    const preset = this.preset.hasValue() ? this.preset.value() : null;
    return preset && preset.cohortId === this.cohortId() && !listed.some((o) => o.id === preset.id)
      ? [preset, ...listed]
      : listed;
  });
  private readonly standaloneList = rxResource({
    params: () => (this.kind() === 'standalone' ? this.standalone() : null),
    stream: ({ params }): Observable<{ id: string; name: string }[]> => {
      const all = { pageSize: MAX_PAGE_SIZE };
      switch (params) {
        case NewsletterTargetKind.Cohort:
          return this.organisations.cohorts(all).pipe(map((page) => page.items));
        case NewsletterTargetKind.Village:
          return this.organisations.villages(all).pipe(map((page) => page.items));
        case NewsletterTargetKind.Course:
          return this.courses
            .courses(all)
            .pipe(
              map((page) =>
                page.items
                  .filter((course) => course.audience === CourseAudience.Academy)
                  .map((course) => ({ id: course.id, name: course.title })),
              ),
            );
        default:
          return of([]);
      }
    },
  });
  protected readonly standaloneOptions = computed(() =>
    this.standaloneList.hasValue() ? this.standaloneList.value() : [],
  );
  protected readonly standaloneLabel = computed(() =>
    this.standalone() === NewsletterTargetKind.Village
      ? 'newsletters.village'
      : this.standalone() === NewsletterTargetKind.Course
        ? 'newsletters.course'
        : 'newsletters.cohort',
  );

  constructor() {
    // Changing what it is about clears the choice below it.
    this.form.controls.kind.valueChanges.subscribe(() => this.form.controls.targetId.reset(''));
    this.form.controls.standalone.valueChanges.subscribe(() =>
      this.form.controls.targetId.reset(''),
    );
    this.form.controls.cohortId.valueChanges.subscribe((cohortId) => {
      const preset = this.preset.hasValue() ? this.preset.value() : null;
      this.form.controls.targetId.reset(preset?.cohortId === cohortId ? preset.id : '');
    });
    // From the planner: the session's cohort and the session itself are chosen already.
    effect(() => {
      const preset = this.preset.hasValue() ? this.preset.value() : null;
      if (!preset) return;
      this.form.patchValue({ kind: 'session', cohortId: preset.cohortId ?? '' });
      this.form.controls.targetId.setValue(preset.id);
    });
  }

  protected optionText(option: NewsletterTargetOption): string {
    const where =
      option.circleKind === 'coordinator'
        ? this.i18n.t('circles.coordinatorCircleName')
        : this.i18n.t('newsletters.villagesCount', { count: option.villages.length });
    return `${option.title} · ${formatWhen(option.startsAt, this.i18n)} · ${where}`;
  }

  protected create(): void {
    const { kind, standalone, targetId, subject } = this.form.getRawValue();
    const option = this.sessionOptions().find((o) => o.id === targetId);
    const targetKind =
      kind === 'session' ? (option?.kind ?? NewsletterTargetKind.Plan) : standalone;
    this.save.run(
      this.form,
      () =>
        this.api.create({
          target: { kind: targetKind, id: targetId },
          subject: subject.trim(),
          blocks:
            kind === 'session'
              ? [{ type: 'text', html: '' }, { type: 'session' }]
              : [{ type: 'text', html: '' }],
        }),
      (created) => {
        this.snackBar.open(this.i18n.t('newsletters.created'), undefined, { duration: 4000 });
        void this.router.navigate(['/newsletters', created.id]);
      },
    );
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  CourseAudience,
  DEFAULT_COHORT_CAPACITY,
  DEFAULT_COHORT_PRICE_DKK,
  MAX_PAGE_SIZE,
  OFFERING_AUDIENCES,
  OFFERING_KINDS,
  OFFERING_LIMITS,
  type CreateOfferingRequest,
  type OfferingDto,
  OfferingApproval,
  OfferingAudience,
  OfferingKind,
  type UpdateOfferingRequest,
} from '@blup/contracts';
import { CoursesApi, EnrolmentApi } from '@blup/web/core';
import { of } from 'rxjs';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';
import { textControl } from '../shared/forms';
import { audienceKey, kindKey } from './enrolment-labels';

/** `/enrolment/offerings/new` and `/enrolment/offerings/:id/edit` (secretariat): one offering. */
@Component({
  selector: 'blup-offering-form-page',
  imports: [FORM_FIELDS, MatCheckbox, EditFormFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'enrolment.offerings.editTitle' : 'enrolment.offerings.createTitle') | t"
      [cancelLink]="id() ? ['/enrolment/offerings', id()] : '/enrolment/offerings'"
      testId="offering-form"
    >
      @if (!id()) {
        <mat-form-field>
          <mat-label>{{ 'enrolment.offerings.kind' | t }}</mat-label>
          <mat-select formControlName="kind" data-testid="kind">
            @for (k of kinds; track k) {
              <mat-option [value]="k">{{ kindKey(k) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-form-field>
        <mat-label>{{ 'enrolment.offerings.name' | t }}</mat-label>
        <input matInput formControlName="name" data-testid="name" />
        <mat-hint>{{ 'enrolment.offerings.nameHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.name | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'enrolment.offerings.description' | t }}</mat-label>
        <textarea matInput rows="3" formControlName="description"></textarea>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
      @if (kind() === miniBlup && !id()) {
        <mat-form-field>
          <mat-label>{{ 'enrolment.offerings.module' | t }}</mat-label>
          <mat-select formControlName="moduleId" data-testid="module">
            @for (m of modules(); track m.id) {
              <mat-option [value]="m.id">{{ m.title }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.moduleId | fieldError }}</mat-error>
        </mat-form-field>
      }
      @if (kind() === academy) {
        @if (!id()) {
          <mat-form-field>
            <mat-label>{{ 'enrolment.offerings.course' | t }}</mat-label>
            <mat-select formControlName="courseId" data-testid="course">
              @for (c of academyCourses(); track c.id) {
                <mat-option [value]="c.id">{{ c.title }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form.controls.courseId | fieldError }}</mat-error>
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{ 'enrolment.offerings.audience' | t }}</mat-label>
          <mat-select formControlName="audience">
            @for (a of audiences; track a) {
              <mat-option [value]="a">{{ audienceKey(a) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-checkbox formControlName="selfPaced">{{
          'enrolment.offerings.selfPaced' | t
        }}</mat-checkbox>
      }
      @if (!(kind() === academy && value().selfPaced)) {
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'enrolment.offerings.startsOn' | t }}</mat-label>
            <input matInput type="date" formControlName="startsOn" data-testid="starts-on" />
            <mat-error>{{ form.controls.startsOn | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'enrolment.offerings.endsOn' | t }}</mat-label>
            <input matInput type="date" formControlName="endsOn" data-testid="ends-on" />
            <mat-error>{{ form.controls.endsOn | fieldError }}</mat-error>
          </mat-form-field>
        </div>
      }
      <div class="row">
        <mat-form-field>
          <mat-label>{{ 'enrolment.offerings.capacity' | t }}</mat-label>
          <input matInput type="number" min="1" formControlName="capacity" data-testid="capacity" />
          <mat-hint>{{ 'enrolment.offerings.capacityHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.capacity | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'enrolment.offerings.price' | t }}</mat-label>
          <input matInput type="number" min="0" formControlName="priceDkk" data-testid="price" />
          <mat-hint>{{ 'enrolment.offerings.priceHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.priceDkk | fieldError }}</mat-error>
        </mat-form-field>
      </div>
      <mat-form-field>
        <mat-label>{{ 'enrolment.offerings.approval' | t }}</mat-label>
        <mat-select formControlName="approval">
          <mat-option [value]="automatic">{{
            'enrolment.offerings.approvalAutomatic' | t
          }}</mat-option>
          <mat-option [value]="bySecretariat">{{
            'enrolment.offerings.approvalSecretariat' | t
          }}</mat-option>
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'enrolment.offerings.enrolClosesAt' | t }}</mat-label>
        <input matInput type="date" formControlName="enrolClosesOn" />
      </mat-form-field>
      @if (!id()) {
        <mat-checkbox formControlName="published" data-testid="published">{{
          'enrolment.offerings.publish' | t
        }}</mat-checkbox>
      }
    </blup-edit-form-frame>
  `,
  styles: `
    /* A longer form than most: closer rows, a little wider than .form in styles.scss. */
    :host {
      --form-gap: 8px;
      --form-width: 640px;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .row > * {
      flex: 1 1 200px;
    }
    mat-checkbox {
      margin-block-end: 8px;
    }
  `,
})
export class OfferingFormPage {
  private readonly api = inject(EnrolmentApi);
  private readonly courses = inject(CoursesApi);

  /** Set when editing. */
  readonly id = input<string>();

  protected readonly kinds = OFFERING_KINDS;
  protected readonly audiences = OFFERING_AUDIENCES;
  protected readonly kindKey = kindKey;
  protected readonly audienceKey = audienceKey;
  protected readonly miniBlup = OfferingKind.MiniBlup;
  protected readonly academy = OfferingKind.AcademyCourse;
  protected readonly automatic = OfferingApproval.Automatic;
  protected readonly bySecretariat = OfferingApproval.Secretariat;

  protected readonly form = new FormGroup({
    kind: new FormControl<OfferingKind>(OfferingKind.Cohort, { nonNullable: true }),
    name: textControl(OFFERING_LIMITS.name, Validators.required),
    description: textControl(OFFERING_LIMITS.description),
    moduleId: new FormControl('', { nonNullable: true }),
    courseId: new FormControl('', { nonNullable: true }),
    audience: new FormControl<OfferingAudience>(OfferingAudience.Everyone, { nonNullable: true }),
    selfPaced: new FormControl(false, { nonNullable: true }),
    startsOn: new FormControl('', { nonNullable: true }),
    endsOn: new FormControl('', { nonNullable: true }),
    capacity: new FormControl<number | null>(DEFAULT_COHORT_CAPACITY, [
      Validators.min(1),
      Validators.max(OFFERING_LIMITS.capacity),
    ]),
    priceDkk: new FormControl<number>(DEFAULT_COHORT_PRICE_DKK, {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.min(0),
        Validators.max(OFFERING_LIMITS.priceDkk),
      ],
    }),
    approval: new FormControl<OfferingApproval>(OfferingApproval.Automatic, { nonNullable: true }),
    enrolClosesOn: new FormControl('', { nonNullable: true }),
    published: new FormControl(true, { nonNullable: true }),
  });
  protected readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  protected readonly kind = computed(() => this.value().kind ?? OfferingKind.Cohort);

  private readonly courseList = rxResource({
    stream: () => this.courses.courses({ pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly academyCourses = computed(() =>
    this.courseList.hasValue()
      ? this.courseList.value().items.filter((c) => c.audience === CourseAudience.Academy)
      : [],
  );
  private readonly blupCourse = rxResource({
    params: () => {
      if (!this.courseList.hasValue()) return undefined;
      return this.courseList.value().items.find((c) => c.audience === CourseAudience.VillageProcess)
        ?.id;
    },
    stream: ({ params }) => (params ? this.courses.course(params) : of(null)),
  });
  protected readonly modules = computed(() =>
    this.blupCourse.hasValue() ? (this.blupCourse.value()?.modules ?? []) : [],
  );

  protected readonly edit = editForm<OfferingDto, OfferingDto>({
    id: this.id,
    form: this.form,
    load: (id) => this.api.offering(id),
    fill: (o) =>
      this.form.reset({
        kind: o.kind,
        name: o.name,
        description: o.description,
        moduleId: o.moduleId ?? '',
        courseId: o.courseId ?? '',
        audience: o.audience ?? OfferingAudience.Everyone,
        selfPaced: o.selfPaced,
        startsOn: o.startsOn ?? '',
        endsOn: o.endsOn ?? '',
        capacity: o.capacity,
        priceDkk: o.priceDkk,
        approval: o.approval,
        enrolClosesOn: o.enrolClosesAt ? o.enrolClosesAt.slice(0, 10) : '',
        published: !!o.publishedAt,
      }),
    create: () => this.api.createOffering(this.createRequest()),
    update: (id) => this.api.updateOffering(id, this.updateRequest()),
    created: 'enrolment.offerings.created',
    route: '/enrolment/offerings',
  });

  private updateRequest(): UpdateOfferingRequest {
    const v = this.form.getRawValue();
    const dated = !(v.kind === OfferingKind.AcademyCourse && v.selfPaced);
    return {
      name: v.name.trim(),
      description: v.description.trim(),
      startsOn: dated && v.startsOn ? v.startsOn : null,
      endsOn: dated && v.endsOn ? v.endsOn : null,
      capacity: v.capacity ?? null,
      priceDkk: Number(v.priceDkk) || 0,
      approval: v.approval,
      ...(v.kind === OfferingKind.AcademyCourse ? { audience: v.audience } : {}),
      // The end of the chosen day in Danish winter time.
      enrolClosesAt: v.enrolClosesOn ? `${v.enrolClosesOn}T22:59:59.000Z` : null,
    };
  }

  private createRequest(): CreateOfferingRequest {
    const v = this.form.getRawValue();
    return {
      kind: v.kind,
      ...this.updateRequest(),
      ...(v.kind === OfferingKind.MiniBlup ? { moduleId: v.moduleId } : {}),
      ...(v.kind === OfferingKind.AcademyCourse ? { courseId: v.courseId } : {}),
      published: v.published,
    } as CreateOfferingRequest;
  }
}

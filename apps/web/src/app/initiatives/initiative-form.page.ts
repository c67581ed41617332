import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormArray, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  ErrorCode,
  INITIATIVE_LIMITS,
  INITIATIVE_STATUSES,
  InitiativeStatus,
  type InitiativeDto,
} from '@blup/contracts';
import { GoalsApi, InitiativesApi } from '@blup/web/core';
import { of } from 'rxjs';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';
import { FIELDSET_STYLES } from './fieldset-styles';
import { initiativeStatusKey } from './initiative-labels';
import { OTHER, PersonFields, type PersonGroup, personGroup, personInput } from './person-fields';
import { WorkingGroupFields } from './working-group-fields';

const L = INITIATIVE_LIMITS;

/**
 * Add an initiative (`/villages/:villageId/initiatives/new`) or change one
 * (`/initiatives/:id/edit`): one column on a phone, choices as large buttons, the working group
 * added one person at a time, each with or without an account.
 */
@Component({
  selector: 'blup-initiative-form-page',
  imports: [FORM_FIELDS, EditFormFrame, PersonFields, WorkingGroupFields, MatButton],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'initiatives.editTitle' : 'initiatives.createTitle') | t"
      [cancelLink]="id() ? ['/initiatives', id()] : ['/villages', village(), 'initiatives']"
      testId="initiative-form"
    >
      <blup-text-field
        [control]="form.controls.title"
        [label]="'initiatives.fieldTitle' | t"
        [hint]="'initiatives.fieldTitleHint' | t"
        testId="title"
      />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'initiatives.fieldFocusArea' | t }}</mat-label>
        <mat-select formControlName="focusAreaId" data-testid="focus-area">
          @for (area of areas(); track area.id) {
            <mat-option [value]="area.id">{{ area.name }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.focusAreaId | fieldError }}</mat-error>
      </mat-form-field>

      <fieldset>
        <legend>{{ 'initiatives.fieldGoals' | t }}</legend>
        <p class="hint">{{ 'initiatives.fieldGoalsHint' | t }}</p>
        <div class="choices" data-testid="goal-choices">
          @for (goal of goals(); track goal.id) {
            <button
              matButton="outlined"
              type="button"
              class="choice"
              [class.on]="form.controls.goalIds.value.includes(goal.id)"
              [attr.aria-pressed]="form.controls.goalIds.value.includes(goal.id)"
              (click)="toggleGoal(goal.id)"
            >
              {{ goal.title }}
            </button>
          } @empty {
            <p>{{ 'initiatives.noGoals' | t }}</p>
          }
        </div>
        @if (form.controls.goalIds.invalid && form.controls.goalIds.touched) {
          <p class="error" role="alert">{{ 'initiatives.goalsMissing' | t }}</p>
        }
      </fieldset>

      <fieldset>
        <legend>{{ 'initiatives.fieldStatus' | t }}</legend>
        <div class="choices" data-testid="status-choices">
          @for (status of statuses; track status) {
            <button
              matButton="outlined"
              type="button"
              class="choice"
              [class.on]="form.controls.status.value === status"
              [attr.aria-pressed]="form.controls.status.value === status"
              [attr.data-testid]="'status-' + status"
              (click)="form.controls.status.setValue(status)"
            >
              {{ statusKey(status) | t }}
            </button>
          }
        </div>
      </fieldset>
      <div class="pair">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'initiatives.fieldProgress' | t }}</mat-label>
          <input
            matInput
            type="number"
            inputmode="numeric"
            min="0"
            max="100"
            step="5"
            formControlName="progress"
            data-testid="progress"
          />
          <mat-error>{{ form.controls.progress | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'initiatives.fieldWeight' | t }}</mat-label>
          <mat-select formControlName="weight" data-testid="weight">
            @for (w of weights; track w) {
              <mat-option [value]="w">{{ w }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <p class="hint">{{ 'initiatives.fieldWeightHint' | t }}</p>

      <div class="pair">
        <blup-text-field
          [control]="form.controls.milestoneWhat"
          [label]="'initiatives.fieldMilestone' | t"
          testId="milestone"
        />
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'initiatives.fieldMilestoneDate' | t }}</mat-label>
          <input
            matInput
            type="date"
            formControlName="milestoneDate"
            data-testid="milestone-date"
          />
        </mat-form-field>
      </div>

      <fieldset>
        <legend>{{ 'initiatives.contactTitle' | t }}</legend>
        <blup-person-fields
          [group]="form.controls.contact"
          [candidates]="people()"
          [label]="'initiatives.personWho' | t"
          [allowNone]="true"
          testId="contact"
        />
        @if (form.controls.contact.controls.who.value === other) {
          <p class="hint">{{ 'initiatives.contactReach' | t }}</p>
        }
      </fieldset>

      <blup-working-group-fields [members]="form.controls.members" [candidates]="people()" />

      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'initiatives.fieldPartners' | t }}</mat-label>
        <textarea matInput rows="3" formControlName="partners" data-testid="partners"></textarea>
        <mat-hint>{{ 'initiatives.fieldPartnersHint' | t }}</mat-hint>
      </mat-form-field>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'initiatives.fieldDescription' | t }}</mat-label>
        <textarea
          matInput
          rows="4"
          formControlName="description"
          data-testid="description"
        ></textarea>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
    </blup-edit-form-frame>
    @if (edit.changedMeanwhile()) {
      <p class="conflict">
        <button
          matButton="tonal"
          type="button"
          data-testid="load-their-version"
          (click)="edit.loadTheirVersion()"
        >
          {{ 'initiatives.loadTheirVersion' | t }}
        </button>
      </p>
    }
  `,
  styles: [
    FIELDSET_STYLES,
    `
      .hint {
        margin: 0;
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
      }
      .error {
        color: var(--mat-sys-error);
        font: var(--mat-sys-body-small);
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 8px;
      }
      .choice {
        min-block-size: 48px;
        block-size: auto;
        white-space: normal;
      }
      .choice.on {
        background: var(--mat-sys-secondary-container);
        color: var(--mat-sys-on-secondary-container);
        font-weight: 700;
      }
      .pair {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
        gap: 12px;
      }
      .conflict {
        margin-block: 12px;
      }
    `,
  ],
})
export class InitiativeFormPage {
  private readonly api = inject(InitiativesApi);
  private readonly goalsApi = inject(GoalsApi);

  /** Set when editing. */
  readonly id = input<string>();
  /** Set when adding, from the village's initiatives. */
  readonly villageId = input<string>();
  private readonly loadedVillage = signal<string | null>(null);
  protected readonly village = computed(() => this.villageId() ?? this.loadedVillage() ?? '');
  private readonly version = signal(1);
  protected readonly statuses = INITIATIVE_STATUSES;
  protected readonly statusKey = initiativeStatusKey;
  protected readonly weights = [1, 2, 3, 4, 5];
  protected readonly other = OTHER;

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(L.titleMaxLength)]],
    focusAreaId: ['', Validators.required],
    goalIds: [[] as string[], Validators.required],
    status: [InitiativeStatus.Idea as InitiativeStatus],
    progress: [0, [Validators.required, Validators.min(0), Validators.max(100)]],
    weight: [1],
    milestoneWhat: ['', Validators.maxLength(L.milestoneMaxLength)],
    milestoneDate: [''],
    contact: personGroup(null, ''),
    members: new FormArray<PersonGroup>([]),
    partners: [''],
    description: ['', Validators.maxLength(L.descriptionMaxLength)],
  });

  protected readonly areasResource = rxResource({
    params: () => this.village(),
    stream: ({ params }) => (params ? this.api.focusAreas(params, { pageSize: 100 }) : of(null)),
  });
  protected readonly areas = computed(() => this.areasResource.value()?.items ?? []);
  private readonly goalsResource = rxResource({
    params: () => this.village(),
    stream: ({ params }) => (params ? this.goalsApi.goals(params, { pageSize: 100 }) : of(null)),
  });
  protected readonly goals = computed(() => this.goalsResource.value()?.items ?? []);
  private readonly peopleResource = rxResource({
    params: () => this.village(),
    stream: ({ params }) => (params ? this.api.people(params, { pageSize: 100 }) : of(null)),
  });
  protected readonly people = computed(() => this.peopleResource.value()?.items ?? []);

  protected readonly edit = editForm({
    id: this.id,
    form: this.form,
    load: (id) => this.api.initiative(id),
    fill: (initiative: InitiativeDto) => this.fill(initiative),
    create: () => this.api.createInitiative(this.village(), this.body()),
    update: (id) => this.api.updateInitiative(id, { ...this.body(), version: this.version() }),
    created: 'initiatives.created',
    route: '/initiatives',
    changed: ErrorCode.InitiativeChanged,
  });

  constructor() {
    // A new initiative goes into the first focus area until another is chosen.
    effect(() => {
      const first = this.areas()[0];
      if (first && !this.id() && !this.form.controls.focusAreaId.value) {
        this.form.controls.focusAreaId.setValue(first.id);
      }
    });
  }

  protected toggleGoal(goalId: string): void {
    const ids = this.form.controls.goalIds.value;
    this.form.controls.goalIds.setValue(
      ids.includes(goalId) ? ids.filter((id) => id !== goalId) : [...ids, goalId],
    );
    this.form.controls.goalIds.markAsTouched();
  }

  private fill(initiative: InitiativeDto): void {
    this.loadedVillage.set(initiative.villageId);
    this.version.set(initiative.version);
    this.form.controls.members.clear();
    for (const member of initiative.members) {
      this.form.controls.members.push(personGroup(member, OTHER));
    }
    this.form.setControl('contact', personGroup(initiative.contact, ''));
    this.form.patchValue({
      title: initiative.title,
      focusAreaId: initiative.focusAreaId,
      goalIds: initiative.goals.map((goal) => goal.id),
      status: initiative.status,
      progress: initiative.progress,
      weight: initiative.weight,
      milestoneWhat: initiative.milestone?.what ?? '',
      milestoneDate: initiative.milestone?.date ?? '',
      partners: initiative.partners.join('\n'),
      description: initiative.description,
    });
    this.form.markAsPristine();
  }

  private body() {
    const v = this.form.getRawValue();
    return {
      title: v.title,
      focusAreaId: v.focusAreaId,
      goalIds: v.goalIds,
      status: v.status,
      progress: Number(v.progress),
      weight: v.weight,
      milestone: v.milestoneWhat.trim()
        ? { what: v.milestoneWhat, date: v.milestoneDate || null }
        : null,
      contact: personInput(this.form.controls.contact),
      members: this.form.controls.members.controls.flatMap((group) => {
        const person = personInput(group);
        return person ? [person] : [];
      }),
      partners: v.partners
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      description: v.description,
    };
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { ErrorCode, GOAL_LIMITS, type VillageGoalDto } from '@blup/contracts';
import { GoalsApi, InitiativesApi } from '@blup/web/core';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { of } from 'rxjs';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';
import { INDICATOR_VALUE, indicatorValue } from './goal-labels';
import { SdgTargetPicker, sdgOfTarget } from './sdg-target-picker';
import { SdgTiles } from './sdg-tiles';

/** Who owns the goal: a person with an account, a working group, or a name in words. */
type OwnerKind = 'person' | 'group' | 'words';

/** Add a goal (`/villages/:villageId/goals/new`) or change one (`/goals/:id/edit`). */
@Component({
  selector: 'blup-goal-form-page',
  imports: [
    FORM_FIELDS,
    EditFormFrame,
    SdgTiles,
    SdgTargetPicker,
    MatButton,
    MatButtonToggleGroup,
    MatButtonToggle,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'goals.editTitle' : 'goals.createTitle') | t"
      [cancelLink]="id() ? ['/goals', id()] : ['/villages', villageId(), 'goals']"
      testId="goal-form"
    >
      <blup-text-field
        [control]="form.controls.title"
        [label]="'goals.fieldTitle' | t"
        [hint]="'goals.fieldTitleHint' | t"
        testId="title"
      />
      <fieldset class="sdgs">
        <legend>{{ 'goals.fieldSdgs' | t }}</legend>
        <p class="hint">{{ 'goals.fieldSdgsHint' | t }}</p>
        <blup-sdg-tiles
          [label]="'goals.fieldSdgs' | t"
          [value]="form.controls.sdgs.value"
          (valueChange)="chooseSdgs($event)"
        />
        @if (form.controls.sdgs.invalid && form.controls.sdgs.touched) {
          <p class="error" role="alert" data-testid="sdgs-error">{{ 'goals.sdgsMissing' | t }}</p>
        }
      </fieldset>
      @if (form.controls.sdgs.value.length > 0) {
        <fieldset class="sdgs">
          <legend>{{ 'goals.fieldTargets' | t }}</legend>
          <p class="hint">{{ 'goals.fieldTargetsHint' | t }}</p>
          @for (sdg of form.controls.sdgs.value; track sdg) {
            <blup-sdg-target-picker
              [sdg]="sdg"
              [value]="form.controls.targets.value"
              (valueChange)="form.controls.targets.setValue($event)"
            />
          }
        </fieldset>
      }
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'goals.fieldWhy' | t }}</mat-label>
        <textarea matInput rows="3" formControlName="why" data-testid="why"></textarea>
        <mat-error>{{ form.controls.why | fieldError }}</mat-error>
      </mat-form-field>
      <fieldset class="owner">
        <legend id="owner-legend">{{ 'goals.fieldOwner' | t }}</legend>
        <mat-button-toggle-group
          vertical
          formControlName="ownerKind"
          aria-labelledby="owner-legend"
          data-testid="owner-kind"
        >
          <mat-button-toggle value="person" data-testid="owner-kind-person">
            {{ 'goals.ownerKindPerson' | t }}
          </mat-button-toggle>
          <mat-button-toggle value="group" data-testid="owner-kind-group">
            {{ 'goals.ownerKindGroup' | t }}
          </mat-button-toggle>
          <mat-button-toggle value="words" data-testid="owner-kind-words">
            {{ 'goals.ownerKindWords' | t }}
          </mat-button-toggle>
        </mat-button-toggle-group>
        @switch (form.controls.ownerKind.value) {
          @case ('person') {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'goals.fieldOwnerPerson' | t }}</mat-label>
              <mat-select formControlName="ownerUserId" data-testid="owner-person">
                <mat-option value="">{{ 'goals.ownerNobody' | t }}</mat-option>
                @for (person of people(); track person.id) {
                  <mat-option [value]="person.id">{{ person.name }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'goals.fieldOwnerPersonHint' | t }}</mat-hint>
            </mat-form-field>
          }
          @case ('group') {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'goals.fieldOwnerGroup' | t }}</mat-label>
              <mat-select formControlName="ownerInitiativeId" data-testid="owner-group">
                <mat-option value="">{{ 'goals.ownerNobody' | t }}</mat-option>
                @for (initiative of initiatives(); track initiative.id) {
                  <mat-option [value]="initiative.id">{{ initiative.title }}</mat-option>
                }
              </mat-select>
              <mat-hint>{{ 'goals.fieldOwnerGroupHint' | t }}</mat-hint>
            </mat-form-field>
          }
          @default {
            <blup-text-field
              [control]="form.controls.owner"
              [label]="'goals.fieldOwnerWords' | t"
              [hint]="'goals.fieldOwnerHint' | t"
              testId="owner"
            />
          }
        }
      </fieldset>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'goals.fieldHorizon' | t }}</mat-label>
        <input matInput type="date" formControlName="horizon" data-testid="horizon" />
        <mat-error>{{ form.controls.horizon | fieldError }}</mat-error>
      </mat-form-field>
      <blup-text-field
        [control]="form.controls.indicator"
        [label]="'goals.fieldIndicator' | t"
        [hint]="'goals.fieldIndicatorHint' | t"
        testId="indicator"
      />
      <div class="numbers">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'goals.fieldBaseline' | t }}</mat-label>
          <input matInput inputmode="decimal" formControlName="baseline" data-testid="baseline" />
          <mat-error>{{ form.controls.baseline | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'goals.fieldTarget' | t }}</mat-label>
          <input matInput inputmode="decimal" formControlName="targetValue" data-testid="target" />
          <mat-error>{{ form.controls.targetValue | fieldError }}</mat-error>
        </mat-form-field>
      </div>
    </blup-edit-form-frame>
    @if (edit.changedMeanwhile()) {
      <p class="conflict">
        <button
          matButton="tonal"
          type="button"
          data-testid="load-their-version"
          (click)="edit.loadTheirVersion()"
        >
          {{ 'goals.loadTheirVersion' | t }}
        </button>
      </p>
    }
  `,
  styles: `
    .sdgs,
    .owner {
      margin: 0;
      padding: 0;
      border: 0;
    }
    .owner {
      display: grid;
      gap: 8px;
    }
    .owner mat-button-toggle-group {
      --mat-button-toggle-height: 48px;
      width: 100%;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    .hint {
      margin: 4px 0 8px;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .conflict {
      margin-block: 12px;
    }
    .numbers {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 12px;
    }
  `,
})
export class GoalFormPage {
  private readonly api = inject(GoalsApi);
  private readonly initiativesApi = inject(InitiativesApi);

  /** Set when editing. */
  readonly id = input<string>();
  /** Set when adding, from the village's goals. */
  readonly villageId = input<string>();
  private readonly version = signal(1);
  /** The goal's village when editing (the route gives only the goal). */
  private readonly loadedVillage = signal('');
  private readonly village = computed(() => this.villageId() ?? this.loadedVillage());

  private readonly peopleResource = rxResource({
    params: () => this.village(),
    stream: ({ params }) =>
      params ? this.initiativesApi.people(params, { pageSize: 100 }) : of(null),
  });
  /** The village's people with an account (its steering group), to choose an owner from. */
  protected readonly people = computed(() => this.peopleResource.value()?.items ?? []);
  private readonly initiativesResource = rxResource({
    params: () => this.village(),
    stream: ({ params }) =>
      params ? this.initiativesApi.initiatives(params, { pageSize: 100 }) : of(null),
  });
  /** The village's initiatives: each has a working group that can own the goal. */
  protected readonly initiatives = computed(() => this.initiativesResource.value()?.items ?? []);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(GOAL_LIMITS.titleMaxLength)]],
    sdgs: [[] as number[], Validators.required],
    targets: [[] as string[]],
    why: ['', Validators.maxLength(GOAL_LIMITS.whyMaxLength)],
    ownerKind: ['words' as OwnerKind],
    ownerUserId: [''],
    ownerInitiativeId: [''],
    owner: ['', Validators.maxLength(GOAL_LIMITS.ownerMaxLength)],
    horizon: [''],
    indicator: ['', Validators.maxLength(GOAL_LIMITS.indicatorMaxLength)],
    baseline: ['', Validators.pattern(INDICATOR_VALUE)],
    targetValue: ['', Validators.pattern(INDICATOR_VALUE)],
  });
  protected readonly edit = editForm({
    id: this.id,
    form: this.form,
    load: (id) => this.api.goal(id),
    fill: (goal: VillageGoalDto) => {
      this.version.set(goal.version);
      this.loadedVillage.set(goal.villageId);
      this.form.reset({
        title: goal.title,
        sdgs: goal.sdgs,
        targets: goal.targets.map((target) => target.code),
        why: goal.why,
        ownerKind: goal.ownerPerson ? 'person' : goal.ownerInitiative ? 'group' : 'words',
        ownerUserId: goal.ownerPerson?.id ?? '',
        ownerInitiativeId: goal.ownerInitiative?.id ?? '',
        owner: goal.ownerPerson || goal.ownerInitiative ? '' : goal.owner,
        horizon: goal.horizon ?? '',
        indicator: goal.indicator,
        baseline: goal.baseline === null ? '' : String(goal.baseline),
        targetValue: goal.targetValue === null ? '' : String(goal.targetValue),
      });
    },
    create: () => this.api.createGoal(this.villageId() ?? '', this.body()),
    update: (id) => this.api.updateGoal(id, { ...this.body(), version: this.version() }),
    created: 'goals.created',
    route: '/goals',
    changed: ErrorCode.GoalChanged,
  });

  protected chooseSdgs(sdgs: number[]): void {
    this.form.controls.sdgs.setValue(sdgs);
    this.form.controls.sdgs.markAsTouched();
    // A target under an SDG no longer chosen goes with it.
    const targets = this.form.controls.targets.value;
    this.form.controls.targets.setValue(targets.filter((code) => sdgs.includes(sdgOfTarget(code))));
  }

  private body() {
    const v = this.form.getRawValue();
    return {
      title: v.title,
      sdgs: v.sdgs,
      targets: v.targets,
      why: v.why,
      ...ownerOf(v),
      horizon: v.horizon || null,
      indicator: v.indicator,
      baseline: indicatorValue(v.baseline),
      targetValue: indicatorValue(v.targetValue),
    };
  }
}

/** The owner the form names: only the chosen kind counts, the other two are cleared. */
function ownerOf(v: {
  ownerKind: OwnerKind;
  ownerUserId: string;
  ownerInitiativeId: string;
  owner: string;
}) {
  return {
    owner: v.ownerKind === 'words' ? v.owner : '',
    ownerUserId: v.ownerKind === 'person' ? v.ownerUserId || null : null,
    ownerInitiativeId: v.ownerKind === 'group' ? v.ownerInitiativeId || null : null,
  };
}

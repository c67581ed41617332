import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  output,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  FormArray,
  type FormControl,
  type FormGroup,
  NonNullableFormBuilder,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatOptgroup } from '@angular/material/core';
import {
  MAX_PAGE_SIZE,
  type NextStep,
  type NextStepInput,
  SESSION_LIMITS,
  type SessionDto,
} from '@blup/contracts';
import { GoalsApi, InitiativesApi, SessionsApi } from '@blup/web/core';
import { of } from 'rxjs';
import { Icon } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FORM_FIELDS } from '../shared/form-fields';
import { submitter } from '../shared/submitter';

/** The owner select's value for "someone else, typed in". */
export const OTHER_OWNER = '__other__';

/** How a next step is edited: the owner is a participant's id, OTHER_OWNER or '' (nobody). */
export interface StepFields {
  text: string;
  owner: string;
  ownerName: string;
  dueDate: string;
  done: boolean;
  /** `goal:<id>` or `initiative:<id>` of the village, or '' for none. */
  link: string;
}

/** A saved next step as the form edits it. */
export function stepFields(step: NextStep): StepFields {
  return {
    text: step.text,
    owner: step.ownerId ?? (step.ownerName ? OTHER_OWNER : ''),
    ownerName: step.ownerId ? '' : (step.ownerName ?? ''),
    dueDate: step.dueDate ?? '',
    done: step.done,
    link: step.link ? `${step.link.kind}:${step.link.id}` : '',
  };
}

/** The form's next step as the API takes it; the name of a chosen participant comes from `names`. */
export function toNextStep(fields: StepFields, names: ReadonlyMap<string, string>): NextStepInput {
  const other = fields.owner === OTHER_OWNER;
  const ownerId = fields.owner && !other ? fields.owner : null;
  const typed = fields.ownerName.trim();
  const [kind, id] = fields.link.split(':');
  return {
    text: fields.text.trim(),
    ownerId,
    ownerName: ownerId ? (names.get(ownerId) ?? null) : other && typed ? typed : null,
    dueDate: fields.dueDate || null,
    done: fields.done,
    ...((kind === 'goal' || kind === 'initiative') && id ? { link: { kind, id } } : {}),
  };
}

/** Notes and next steps after a session, for the facilitator and the village's coordination group. */
@Component({
  selector: 'blup-outcome-form',
  imports: [FORM_FIELDS, MatButton, MatCheckbox, MatOptgroup, Icon, ApiErrorMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="form" novalidate [formGroup]="form" (ngSubmit)="save()" data-testid="outcome-form">
      <blup-api-error [error]="submit.error()" />
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'sessions.notesLabel' | t }}</mat-label>
        <textarea
          matInput
          formControlName="notes"
          rows="6"
          data-testid="notes"
          [maxlength]="limits.notes"
        ></textarea>
        <mat-error>{{ form.controls.notes | fieldError }}</mat-error>
      </mat-form-field>

      <h3>{{ 'sessions.nextSteps' | t }}</h3>
      @for (step of steps.controls; track step; let i = $index) {
        <fieldset class="step" [formGroup]="step" [attr.data-testid]="'step-' + i">
          <legend>{{ 'sessions.stepLabel' | t: { n: i + 1 } }}</legend>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'sessions.stepText' | t }}</mat-label>
            <input matInput formControlName="text" [maxlength]="limits.nextStepText" />
            <mat-error>{{ step.controls.text | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'sessions.stepOwner' | t }}</mat-label>
            <mat-select formControlName="owner">
              <mat-option value="">{{ 'sessions.noOwner' | t }}</mat-option>
              @for (person of participants(); track person.id) {
                <mat-option [value]="person.id">{{ person.name }}</mat-option>
              }
              <mat-option [value]="other">{{ 'sessions.otherOwner' | t }}</mat-option>
            </mat-select>
          </mat-form-field>
          @if (step.controls.owner.value === other) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'sessions.ownerName' | t }}</mat-label>
              <input matInput formControlName="ownerName" maxlength="200" />
            </mat-form-field>
          }
          @if (session().villageId) {
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'sessions.stepLink' | t }}</mat-label>
              <mat-select formControlName="link" [attr.data-testid]="'step-link-' + i">
                <mat-option value="">{{ 'sessions.noLink' | t }}</mat-option>
                @if (goals().length) {
                  <mat-optgroup [label]="'sessions.linkGoals' | t">
                    @for (goal of goals(); track goal.id) {
                      <mat-option [value]="'goal:' + goal.id">{{ goal.title }}</mat-option>
                    }
                  </mat-optgroup>
                }
                @if (initiatives().length) {
                  <mat-optgroup [label]="'sessions.linkInitiatives' | t">
                    @for (initiative of initiatives(); track initiative.id) {
                      <mat-option [value]="'initiative:' + initiative.id">{{
                        initiative.title
                      }}</mat-option>
                    }
                  </mat-optgroup>
                }
              </mat-select>
            </mat-form-field>
          }
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'sessions.stepDue' | t }}</mat-label>
            <input matInput type="date" formControlName="dueDate" />
          </mat-form-field>
          <div class="step-row">
            <mat-checkbox formControlName="done">{{ 'sessions.stepDone' | t }}</mat-checkbox>
            <button matButton type="button" (click)="removeStep(i)">
              <blup-icon matButtonIcon name="delete" />
              {{ 'sessions.removeStep' | t: { n: i + 1 } }}
            </button>
          </div>
        </fieldset>
      }
      @if (steps.length < limits.nextSteps) {
        <button matButton="outlined" type="button" data-testid="add-step" (click)="addStep()">
          <blup-icon matButtonIcon name="add" />
          {{ 'sessions.addStep' | t }}
        </button>
      }
      <div class="actions">
        <button
          matButton="filled"
          type="submit"
          data-testid="save-outcome"
          [attr.aria-busy]="submit.busy()"
        >
          {{ 'common.save' | t }}
        </button>
        <button matButton type="button" (click)="cancelled.emit()">
          {{ 'common.cancel' | t }}
        </button>
      </div>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    h3 {
      margin: 8px 0 0;
      font: var(--mat-sys-title-medium);
    }
    .step {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    legend {
      padding-inline: 4px;
      font: var(--mat-sys-label-large);
    }
    .step-row,
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
    }
    .actions {
      justify-content: flex-start;
    }
    button {
      min-block-size: 48px;
    }
  `,
})
export class OutcomeForm implements OnInit {
  private readonly api = inject(SessionsApi);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly goalsApi = inject(GoalsApi);
  private readonly initiativesApi = inject(InitiativesApi);

  readonly session = input.required<SessionDto>();
  readonly saved = output<SessionDto>();
  readonly cancelled = output<void>();

  protected readonly submit = submitter();
  protected readonly limits = SESSION_LIMITS;
  protected readonly other = OTHER_OWNER;
  /** The circle's members and guests, to pick an owner from (the first hundred). */
  private readonly people = rxResource({
    params: () => this.session().id,
    stream: ({ params }) => this.api.attendance(params, { pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly participants = computed(() =>
    this.people.hasValue() ? this.people.value().items.map((row) => row.person) : [],
  );

  /** The village's goals and initiatives, for a step to point at (the first hundred of each). */
  private readonly goalList = rxResource({
    params: () => this.session().villageId,
    stream: ({ params }) =>
      params ? this.goalsApi.goals(params, { pageSize: MAX_PAGE_SIZE }) : of(null),
  });
  protected readonly goals = computed(() => this.goalList.value()?.items ?? []);
  private readonly initiativeList = rxResource({
    params: () => this.session().villageId,
    stream: ({ params }) =>
      params ? this.initiativesApi.initiatives(params, { pageSize: MAX_PAGE_SIZE }) : of(null),
  });
  protected readonly initiatives = computed(() => this.initiativeList.value()?.items ?? []);

  protected readonly steps = new FormArray<FormGroup<StepGroup>>([]);
  protected readonly form = this.fb.group({
    notes: ['', [Validators.maxLength(SESSION_LIMITS.notes)]],
    nextSteps: this.steps,
  });

  ngOnInit(): void {
    const session = this.session();
    this.form.controls.notes.setValue(session.notes);
    for (const step of session.nextSteps) this.steps.push(this.stepGroup(stepFields(step)));
  }

  protected addStep(): void {
    this.steps.push(
      this.stepGroup({
        text: '',
        owner: '',
        ownerName: '',
        dueDate: '',
        done: false,
        link: '',
      }),
    );
  }

  protected removeStep(index: number): void {
    this.steps.removeAt(index);
  }

  protected save(): void {
    const names = new Map(this.participants().map((person) => [person.id, person.name]));
    // Names of owners no longer listed (beyond the first page) stay as they were saved.
    for (const step of this.session().nextSteps)
      if (step.ownerId && step.ownerName && !names.has(step.ownerId))
        names.set(step.ownerId, step.ownerName);
    this.submit.run(
      this.form,
      () =>
        this.api.updateOutcome(this.session().id, {
          notes: this.form.controls.notes.value,
          nextSteps: this.steps.controls.map((group) => toNextStep(group.getRawValue(), names)),
        }),
      (session) => this.saved.emit(session),
    );
  }

  private stepGroup(fields: StepFields): FormGroup<StepGroup> {
    return this.fb.group({
      text: [fields.text, [Validators.required, Validators.maxLength(SESSION_LIMITS.nextStepText)]],
      owner: [fields.owner],
      ownerName: [fields.ownerName, [Validators.maxLength(200)]],
      dueDate: [fields.dueDate],
      done: [fields.done],
      link: [fields.link],
    });
  }
}

type StepGroup = { [K in keyof StepFields]: FormControl<StepFields[K]> };

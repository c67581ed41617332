import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormArray, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  addDays,
  CIRCLE_KINDS,
  CircleKind,
  type PlanSessionDto,
  SESSION_LIMITS,
} from '@blup/contracts';
import {
  ApiError,
  CirclesApi,
  I18nService,
  OrganisationsApi,
  type TranslationKey,
  pagedList,
} from '@blup/web/core';
import { FORM_FIELDS } from '../shared/form-fields';
import { readyToSubmit } from '../shared/forms';
import { submitter } from '../shared/submitter';
import {
  AgendaEditor,
  agendaArray,
  agendaKindTitles,
  agendaValue,
  setAgenda,
} from './agenda-editor';
import { copenhagenParts } from './copenhagen-time';
import { PlanPreviewRows, type PlanRowGroup, planRowGroup } from './plan-preview-rows';
import { type PlanRow, defaultAgenda, planInputs, seriesRows } from './plan-series';
import { PlanTable } from './plan-table';
import { TIME_PATTERN } from './session-times';
import { PAGE_PARTS } from '../shared/page-parts';

/** `/cohorts/:id/plan`: the secretariat plans a cohort's sessions once, for every village. */
@Component({
  selector: 'blup-planner-page',
  imports: [PAGE_PARTS, FORM_FIELDS, AgendaEditor, PlanTable, PlanPreviewRows],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="cohort.isLoading()" [error]="cohort.error()" />
    <blup-page-header
      [heading]="'circles.plannerTitle' | t: { cohort: cohortName() }"
      [subheading]="'circles.timesNote' | t"
    >
      <a matButton="outlined" [routerLink]="['/cohorts', id(), 'grid']" data-testid="grid-link">
        <blup-icon matButtonIcon name="grid" />
        {{ 'circles.grid' | t }}
      </a>
      <a matButton [routerLink]="['/cohorts', id()]">
        <blup-icon matButtonIcon name="back" />
        {{ 'common.back' | t }}
      </a>
    </blup-page-header>

    <section aria-labelledby="existing-plan">
      <h2 id="existing-plan" class="section-title">{{ 'circles.existingPlan' | t }}</h2>
      <blup-plan-table [plan]="plan" />
    </section>

    <section aria-labelledby="series-title" class="card">
      <h2 id="series-title" class="section-title">{{ 'circles.seriesTitle' | t }}</h2>
      <p class="intro">{{ 'circles.seriesIntro' | t }}</p>
      <form class="series" novalidate [formGroup]="series" (ngSubmit)="preview()">
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'circles.kind' | t }}</mat-label>
          <mat-select formControlName="circleKind" data-testid="circle-kind">
            @for (kind of kinds; track kind) {
              <mat-option [value]="kind">{{ kindsPluralKey(kind) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'circles.firstDate' | t }}</mat-label>
          <input matInput type="date" formControlName="firstDate" data-testid="first-date" />
          <mat-error>{{ series.controls.firstDate | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'circles.startTime' | t }}</mat-label>
          <input matInput type="time" formControlName="startTime" data-testid="start-time" />
          <mat-error>{{ series.controls.startTime | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'circles.duration' | t }}</mat-label>
          <input
            matInput
            type="number"
            min="15"
            [max]="maxMinutes"
            formControlName="durationMinutes"
          />
          <mat-error>{{ series.controls.durationMinutes | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'circles.everyWeeks' | t }}</mat-label>
          <input matInput type="number" min="1" max="12" formControlName="everyWeeks" />
          <mat-hint>{{ 'circles.everyWeeksHint' | t }}</mat-hint>
          <mat-error>{{ series.controls.everyWeeks | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'circles.count' | t }}</mat-label>
          <input
            matInput
            type="number"
            min="1"
            [max]="maxSessions"
            formControlName="count"
            data-testid="count"
          />
          <mat-error>{{ series.controls.count | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic" class="wide">
          <mat-label>{{ 'circles.titlePattern' | t }}</mat-label>
          <input matInput formControlName="titlePattern" />
          <mat-hint>{{ 'circles.titlePatternHint' | t }}</mat-hint>
          <mat-error>{{ series.controls.titlePattern | fieldError }}</mat-error>
        </mat-form-field>
        <div class="wide">
          <button matButton="outlined" type="submit" data-testid="preview">
            {{ 'circles.showPreview' | t }}
          </button>
        </div>
      </form>

      <h3 class="sub-title">{{ 'circles.agendaTitle' | t }}</h3>
      <p class="intro">{{ 'circles.agendaIntro' | t }}</p>
      <blup-agenda-editor [items]="agenda" />
    </section>

    @if (rows.length) {
      <section aria-labelledby="preview-title" class="card" data-testid="preview-rows">
        <h2 id="preview-title" class="section-title" tabindex="-1">
          {{ 'circles.previewTitle' | t: { count: rows.length } }}
        </h2>
        <p class="intro">{{ 'circles.previewIntro' | t }}</p>
        <blup-plan-preview-rows [rows]="rows" />
        <blup-api-error [error]="save.error()" />
        <div class="save">
          <button
            matButton="filled"
            type="button"
            (click)="savePlan()"
            [disabled]="save.busy()"
            data-testid="save-plan"
          >
            {{ 'circles.savePlan' | t }}
          </button>
        </div>
      </section>
    }
  `,
  styles: `
    section {
      margin-block-end: 32px;
    }
    .card {
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .intro {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-large);
    }
    .sub-title {
      font: var(--mat-sys-title-medium);
      margin: 24px 0 4px;
    }
    .series {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(200px, 1fr));
      gap: 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .save {
      margin-block-start: 16px;
    }
  `,
})
export class PlannerPage {
  private readonly api = inject(CirclesApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  /** The cohort's id, from the route. */
  readonly id = input.required<string>();

  protected readonly kinds = CIRCLE_KINDS;
  protected readonly maxMinutes = SESSION_LIMITS.durationMinutes;
  protected readonly maxSessions = SESSION_LIMITS.planSessions;
  protected readonly kindsPluralKey = (kind: CircleKind): TranslationKey =>
    `circles.kindsPlural.${kind}`;

  protected readonly cohort = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.organisations.cohort(params),
  });
  protected readonly cohortName = computed(() =>
    this.cohort.hasValue() ? this.cohort.value().name : '…',
  );

  protected readonly plan = pagedList<PlanSessionDto, { cohortId: string }>(
    ({ cohortId, page, pageSize }) => this.api.plan(cohortId ?? '', { page, pageSize }),
    { scope: () => ({ cohortId: this.id() }) },
  );

  protected readonly series = inject(NonNullableFormBuilder).group({
    circleKind: [CircleKind.Village as CircleKind],
    firstDate: [addDays(copenhagenParts(new Date().toISOString()).date, 7), Validators.required],
    startTime: ['19:00', [Validators.required, Validators.pattern(TIME_PATTERN)]],
    durationMinutes: [
      120,
      [Validators.required, Validators.min(15), Validators.max(SESSION_LIMITS.durationMinutes)],
    ],
    everyWeeks: [3, [Validators.required, Validators.min(1), Validators.max(12)]],
    count: [
      12,
      [Validators.required, Validators.min(1), Validators.max(SESSION_LIMITS.planSessions)],
    ],
    titlePattern: [
      this.i18n.t('circles.titlePatternDefault'),
      [Validators.required, Validators.maxLength(SESSION_LIMITS.title)],
    ],
  });
  protected readonly agenda = agendaArray(
    defaultAgenda(CircleKind.Village, agendaKindTitles(this.i18n)),
  );
  protected readonly rows = new FormArray<PlanRowGroup>([]);
  private readonly plannedKind = signal(CircleKind.Village);
  protected readonly save = submitter();

  constructor() {
    this.series.controls.circleKind.valueChanges.subscribe((kind) => {
      const village = kind === CircleKind.Village;
      this.series.patchValue({
        count: village ? 12 : 6,
        everyWeeks: village ? 3 : 4,
        titlePattern: this.i18n.t(
          village ? 'circles.titlePatternDefault' : 'circles.coordinatorTitlePatternDefault',
        ),
      });
      setAgenda(this.agenda, defaultAgenda(kind, agendaKindTitles(this.i18n)));
    });
  }

  /** Fills the preview from the series form. */
  protected preview(): void {
    if (!readyToSubmit(this.series, this.host)) return;
    const value = this.series.getRawValue();
    this.plannedKind.set(value.circleKind);
    this.rows.clear();
    for (const row of seriesRows({
      ...value,
      durationMinutes: Number(value.durationMinutes),
      everyWeeks: Number(value.everyWeeks),
      count: Number(value.count),
    })) {
      this.rows.push(planRowGroup(row));
    }
    this.save.error.set(null);
    queueMicrotask(() =>
      this.host.nativeElement.querySelector<HTMLElement>('#preview-title')?.focus(),
    );
  }

  protected savePlan(): void {
    const form = new FormGroup({ sessions: this.rows, agenda: this.agenda });
    const rows: PlanRow[] = this.rows.getRawValue();
    this.save.run(
      form,
      () =>
        this.api.createPlan(this.id(), {
          sessions: planInputs(this.plannedKind(), rows, agendaValue(this.agenda)),
        }),
      (saved) => {
        this.snackBar.open(this.i18n.t('circles.planSaved', { count: saved.length }), undefined, {
          duration: 5000,
        });
        this.rows.clear();
        this.plan.reload();
      },
      (error) => {
        this.showRowErrors(error);
        return false;
      },
    );
  }

  /** `sessions.3.startsAt` and friends: the API names the row; show it at that row's field. */
  private showRowErrors(error: unknown): void {
    if (!(error instanceof ApiError)) return;
    for (const [field, messages] of Object.entries(error.details)) {
      const match = /^sessions\.(\d+)\.(\w+)/.exec(field);
      const row = match ? this.rows.at(Number(match[1])) : null;
      if (!row || !match) continue;
      const name = match[2] === 'startsAt' || match[2] === 'endsAt' ? 'date' : match[2];
      const control = row.get(name) ?? row.controls.date;
      control.setErrors({ ...control.errors, server: messages.join(' ') });
      control.markAsTouched();
    }
    queueMicrotask(() =>
      this.host.nativeElement
        .querySelector<HTMLElement>('.row .ng-invalid:is(input, mat-select)')
        ?.focus(),
    );
  }
}

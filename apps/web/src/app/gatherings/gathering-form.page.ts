import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  GATHERING_AUDIENCES,
  GATHERING_KINDS,
  GATHERING_MODES,
  GatheringAudience,
  type GatheringDto,
  GatheringMode,
  MAX_PAGE_SIZE,
  PHASES,
  type Phase,
  Role,
} from '@blup/contracts';
import {
  AuthStore,
  GatheringsApi,
  I18nService,
  OrganisationsApi,
  type TranslationKey,
} from '@blup/web/core';
import { map, of } from 'rxjs';
import { editForm } from '../shared/edit-form';
import { EditFormFrame } from '../shared/edit-form-frame';
import { FORM_FIELDS } from '../shared/form-fields';
import { audienceKey, kindKey, modeKey } from './gathering-labels';
import { fillGatheringForm, gatheringForm, gatheringRequest, placeFieldOf } from './gathering-form';

/** `/moeder/ny` and `/moeder/:id/edit`: one plain column of fields. */
@Component({
  selector: 'blup-gathering-form-page',
  imports: [FORM_FIELDS, EditFormFrame, MatCheckbox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-edit-form-frame
      [formGroup]="form"
      [edit]="edit"
      [heading]="(id() ? 'gatherings.editTitle' : 'gatherings.createTitle') | t"
      [cancelLink]="id() ? ['/moeder', id()] : ['/moeder']"
      testId="gathering-form"
    >
      <mat-form-field>
        <mat-label>{{ 'gatherings.kind' | t }}</mat-label>
        <mat-select formControlName="kind" data-testid="kind">
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ kindKey(k) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <blup-text-field
        [control]="form.controls.title"
        [label]="'gatherings.titleLabel' | t"
        testId="title"
      />
      <mat-form-field>
        <mat-label>{{ 'gatherings.description' | t }}</mat-label>
        <textarea
          matInput
          rows="4"
          formControlName="description"
          data-testid="description"
        ></textarea>
        <mat-error>{{ form.controls.description | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'gatherings.startsAt' | t }}</mat-label>
        <input matInput type="datetime-local" formControlName="startsAt" data-testid="starts-at" />
        <mat-error>{{ form.controls.startsAt | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'gatherings.endsAt' | t }}</mat-label>
        <input matInput type="datetime-local" formControlName="endsAt" data-testid="ends-at" />
        <mat-error>{{ form.controls.endsAt | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'gatherings.mode' | t }}</mat-label>
        <mat-select formControlName="mode" data-testid="mode">
          @for (m of modes; track m) {
            <mat-option [value]="m">{{ modeKey(m) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (mode() !== online) {
        <blup-text-field
          [control]="form.controls.address"
          [label]="'gatherings.address' | t"
          testId="address"
        />
      }
      @if (mode() !== inPerson) {
        <blup-text-field
          [control]="form.controls.url"
          [label]="'gatherings.url' | t"
          testId="url"
        />
      }
      <mat-form-field>
        <mat-label>{{ 'gatherings.phase' | t }}</mat-label>
        <mat-select formControlName="phase" data-testid="phase">
          <mat-option value="">{{ 'gatherings.noPhase' | t }}</mat-option>
          @for (p of phases; track p) {
            <mat-option [value]="p">{{ phaseKey(p) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'gatherings.audienceLabel' | t }}</mat-label>
        <mat-select formControlName="audience" data-testid="audience">
          @for (a of audiences; track a) {
            <mat-option [value]="a">{{ audienceKey(a) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (placeField(); as field) {
        <mat-form-field>
          <mat-label>{{ placeLabel[field] | t }}</mat-label>
          <mat-select [formControlName]="field" data-testid="place">
            @for (o of options.value() ?? []; track o.id) {
              <mat-option [value]="o.id">{{ o.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-form-field>
        <mat-label>{{ 'gatherings.capacity' | t }}</mat-label>
        <input
          matInput
          type="number"
          inputmode="numeric"
          formControlName="capacity"
          data-testid="capacity"
        />
        <mat-error>{{ form.controls.capacity | fieldError }}</mat-error>
      </mat-form-field>
      <fieldset>
        <legend>{{ 'gatherings.questions' | t }}</legend>
        <mat-checkbox formControlName="askCount" data-testid="ask-count">{{
          'gatherings.askCount' | t
        }}</mat-checkbox>
        <mat-checkbox formControlName="askDiet" data-testid="ask-diet">{{
          'gatherings.askDiet' | t
        }}</mat-checkbox>
      </fieldset>
      @if (endsTooEarly()) {
        <p class="problem" role="alert">{{ 'gatherings.endsBeforeStart' | t }}</p>
      }
    </blup-edit-form-frame>
  `,
  styles: `
    fieldset {
      display: flex;
      flex-direction: column;
      margin: 0 0 16px;
      padding: 0;
      border: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
    }
    mat-checkbox {
      min-block-size: 48px;
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class GatheringFormPage {
  private readonly api = inject(GatheringsApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly i18n = inject(I18nService);

  readonly id = input<string>();

  protected readonly form = gatheringForm();
  private readonly user = inject(AuthStore).user();
  private readonly loaded = signal<GatheringDto | null>(null);
  protected readonly endsTooEarly = signal(false);
  protected readonly edit = editForm({
    id: this.id,
    form: this.form,
    load: (id) => this.api.get(id),
    fill: (g: GatheringDto) => {
      this.loaded.set(g);
      fillGatheringForm(this.form, g);
    },
    create: () => this.api.create(this.request()),
    update: (id) =>
      this.api.update(id, { ...this.request(), version: this.loaded()?.version ?? 1 }),
    created: 'gatherings.saved',
    route: '/moeder',
  });

  protected readonly kinds = GATHERING_KINDS;
  protected readonly modes = GATHERING_MODES;
  /** A steering member plans only their own village's gatherings (as the API's policy). */
  protected readonly audiences =
    this.user?.role === Role.SteeringMember
      ? [GatheringAudience.SteeringGroup, GatheringAudience.VillagePanel]
      : GATHERING_AUDIENCES;
  protected readonly phases = PHASES;
  protected readonly online = GatheringMode.Online;
  protected readonly inPerson = GatheringMode.InPerson;
  protected readonly kindKey = kindKey;
  protected readonly modeKey = modeKey;
  protected readonly audienceKey = audienceKey;
  protected readonly placeLabel: Record<string, TranslationKey> = {
    villageId: 'gatherings.villageLabel',
    cohortId: 'gatherings.cohortLabel',
    municipalityId: 'gatherings.municipalityLabel',
  };
  protected readonly mode = toSignal(this.form.controls.mode.valueChanges, {
    initialValue: this.form.controls.mode.value,
  });
  private readonly audience = toSignal(this.form.controls.audience.valueChanges, {
    initialValue: this.form.controls.audience.value,
  });
  protected readonly placeField = computed(() => placeFieldOf(this.audience()));
  /** The villages, cohorts or municipalities the person may see, for the audience's place. */
  protected readonly options = rxResource({
    params: () => this.placeField(),
    stream: ({ params }) => {
      const query = { pageSize: MAX_PAGE_SIZE };
      const named = map((p: { items: { id: string; name: string }[] }) =>
        p.items.map(({ id, name }) => ({ id, name })),
      );
      switch (params) {
        case 'villageId':
          return this.organisations.villages(query).pipe(named);
        case 'cohortId':
          return this.organisations.cohorts(query).pipe(named);
        case 'municipalityId':
          return this.organisations.municipalities(query).pipe(named);
        default:
          return of<{ id: string; name: string }[]>([]);
      }
    },
  });

  constructor() {
    // A new gathering starts in the person's own village, if they have one.
    if (this.user?.villageId) this.form.controls.villageId.setValue(this.user.villageId);
  }

  protected phaseKey(phase: Phase): TranslationKey {
    return `courses.phases.${phase}`;
  }

  private request() {
    const body = gatheringRequest(this.form, this.loaded()?.questions ?? [], {
      count: this.i18n.t('gatherings.countQuestion'),
      diet: this.i18n.t('gatherings.dietQuestion'),
    });
    this.endsTooEarly.set(new Date(body.endsAt).getTime() <= new Date(body.startsAt).getTime());
    return body;
  }
}

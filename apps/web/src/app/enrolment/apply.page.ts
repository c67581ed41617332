import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MatOption, MatSelect } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import {
  AGREEMENT_FILE_EXTENSIONS,
  APPLICATION_LIMITS,
  type ApplicationReceiptDto,
  type CreateApplicationRequest,
  FUNDING_STATUSES,
  FundingStatus,
  applicationChecklist,
} from '@blup/contracts';
import { AuthStore, EnrolmentApi, I18nService, LocalDatePipe, TranslatePipe } from '@blup/web/core';
import { Icon, Notice, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe, textControl } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { Checklist } from './checklist';
import { formatDkk, fundingKey } from './enrolment-labels';

type PersonGroup = FormGroup<{
  name: FormControl<string>;
  email: FormControl<string>;
  position: FormControl<string>;
}>;

function personGroup(): PersonGroup {
  return new FormGroup({
    name: textControl(APPLICATION_LIMITS.name, Validators.required),
    email: textControl(APPLICATION_LIMITS.email, Validators.required, Validators.email),
    position: textControl(APPLICATION_LIMITS.position),
  });
}

/** Marks the later of two people with the same email (`duplicate`), and clears it again. */
function distinctEmails(array: AbstractControl): ValidationErrors | null {
  const seen = new Set<string>();
  for (const group of (array as FormArray<PersonGroup>).controls) {
    const control = group.controls.email;
    const email = control.value.trim().toLowerCase();
    const { duplicate, ...others } = control.errors ?? {};
    const clash = !!email && seen.has(email);
    if (clash && !duplicate) control.setErrors({ ...others, duplicate: true });
    if (!clash && duplicate) control.setErrors(Object.keys(others).length ? others : null);
    if (email) seen.add(email);
  }
  return null;
}

type VillageMode = 'existing' | 'new';

const STEPS = ['village', 'municipality', 'group', 'cooperation'] as const;

/** Villages shown at once in the list; more are found by searching. */
const VILLAGE_PAGE_SIZE = 50;
type Step = (typeof STEPS)[number];

/**
 * `/enrolment/apply` and `/enrolment/apply/:offeringId` (public): a village applies for a full
 * BLUP process, in four short steps made for a phone. The three requirements are shown as a
 * live checklist (the same pure function the API decides with); sending leads to the receipt.
 */
@Component({
  selector: 'blup-apply-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatRadioGroup,
    MatRadioButton,
    MatProgressBar,
    Icon,
    Notice,
    PageHeader,
    ApiErrorMessage,
    Checklist,
    TranslatePipe,
    LocalDatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'enrolment.apply.title' | t"
      [subheading]="'enrolment.apply.intro' | t"
    />
    @if (options.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="options.error()" />
    @if (options.hasValue() && !offerings().length) {
      <blup-notice icon="cohort" [message]="'enrolment.apply.noOffering' | t">
        <a matButton="filled" routerLink="/enrolment/info-meetings">
          {{ 'enrolment.receipt.infoMeetings' | t }}
        </a>
      </blup-notice>
    } @else if (options.hasValue()) {
      <div class="layout">
        <form
          class="form"
          novalidate
          [formGroup]="form"
          (ngSubmit)="send()"
          data-testid="apply-form"
        >
          <ol
            class="progress"
            [attr.aria-label]="
              'enrolment.apply.stepOf' | t: { step: index() + 1, total: steps.length }
            "
          >
            @for (s of steps; track s; let i = $index) {
              <li
                [class.done]="i < index()"
                [class.current]="i === index()"
                [attr.aria-current]="i === index() ? 'step' : null"
              >
                <span class="visually-hidden">{{ stepKey(s) | t }}</span>
              </li>
            }
          </ol>
          <p class="step-of">
            {{ 'enrolment.apply.stepOf' | t: { step: index() + 1, total: steps.length } }}
          </p>
          <h2 class="step-title" tabindex="-1" data-testid="step-title">
            {{ stepKey(step()) | t }}
          </h2>

          @switch (step()) {
            @case ('village') {
              <div class="fields">
                @if (offerings().length > 1) {
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'enrolment.apply.offering' | t }}</mat-label>
                    <mat-select formControlName="offeringId" data-testid="offering">
                      @for (o of offerings(); track o.id) {
                        <mat-option [value]="o.id">{{ o.name }}</mat-option>
                      }
                    </mat-select>
                    <mat-hint>{{ 'enrolment.apply.offeringHint' | t }}</mat-hint>
                    <mat-error>{{ form.controls.offeringId | fieldError }}</mat-error>
                  </mat-form-field>
                } @else if (offering(); as o) {
                  <p class="offering" data-testid="offering-name">
                    {{ 'enrolment.apply.offering' | t }}:
                    <strong>{{
                      o.startsOn
                        ? ('enrolment.apply.offeringStarts'
                          | t: { name: o.name, date: (o.startsOn | localDate) })
                        : o.name
                    }}</strong>
                  </p>
                }
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'enrolment.apply.municipality' | t }}</mat-label>
                  <mat-select formControlName="municipalityId" data-testid="municipality">
                    @for (m of municipalities(); track m.id) {
                      <mat-option [value]="m.id">{{ m.name }}</mat-option>
                    }
                  </mat-select>
                  <mat-error>{{ form.controls.municipalityId | fieldError }}</mat-error>
                </mat-form-field>
                <div class="choice">
                  <span class="choice-label" id="village-mode-label">{{
                    'enrolment.apply.villageKind' | t
                  }}</span>
                  <mat-radio-group
                    formControlName="villageMode"
                    aria-labelledby="village-mode-label"
                    class="radios"
                  >
                    <mat-radio-button value="new" data-testid="village-new">{{
                      'enrolment.apply.newVillage' | t
                    }}</mat-radio-button>
                    <mat-radio-button value="existing" data-testid="village-existing">{{
                      'enrolment.apply.existingVillage' | t
                    }}</mat-radio-button>
                  </mat-radio-group>
                </div>
                @if (mode() === 'existing') {
                  @if (villagesTotal() > villagePageSize || villageSearch.value) {
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'enrolment.apply.villageSearch' | t }}</mat-label>
                      <input
                        matInput
                        type="search"
                        [formControl]="villageSearch"
                        autocomplete="off"
                        data-testid="village-search"
                      />
                      <mat-hint>{{ 'enrolment.apply.villageSearchHint' | t }}</mat-hint>
                    </mat-form-field>
                  }
                  @if (villages().length) {
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'enrolment.apply.village' | t }}</mat-label>
                      <mat-select formControlName="villageId" data-testid="village">
                        @for (v of villages(); track v.id) {
                          <mat-option [value]="v.id">{{ v.name }}</mat-option>
                        }
                      </mat-select>
                      @if (villagesTotal() > villages().length) {
                        <mat-hint data-testid="villages-shown">{{
                          'enrolment.apply.villagesShown'
                            | t: { shown: villages().length, total: villagesTotal() }
                        }}</mat-hint>
                      }
                      <mat-error>{{ form.controls.villageId | fieldError }}</mat-error>
                    </mat-form-field>
                  } @else if (villageOptions.hasValue()) {
                    <p class="hint">
                      {{
                        (villageSearch.value
                          ? 'enrolment.apply.noVillageMatch'
                          : 'enrolment.apply.noVillages'
                        ) | t
                      }}
                    </p>
                  }
                } @else {
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'enrolment.apply.villageName' | t }}</mat-label>
                    <input
                      matInput
                      formControlName="villageName"
                      autocomplete="off"
                      data-testid="village-name"
                    />
                    <mat-hint>{{ 'enrolment.apply.villageNameHint' | t }}</mat-hint>
                    <mat-error>{{ form.controls.villageName | fieldError }}</mat-error>
                  </mat-form-field>
                }
              </div>
            }
            @case ('municipality') {
              <div class="fields">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'enrolment.apply.contactName' | t }}</mat-label>
                  <input
                    matInput
                    formControlName="contactName"
                    autocomplete="off"
                    data-testid="contact-name"
                  />
                  <mat-hint>{{ 'enrolment.apply.contactNameHint' | t }}</mat-hint>
                  <mat-error>{{ form.controls.contactName | fieldError }}</mat-error>
                </mat-form-field>
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'enrolment.apply.contactEmail' | t }}</mat-label>
                  <input
                    matInput
                    type="email"
                    inputmode="email"
                    autocomplete="off"
                    formControlName="contactEmail"
                    data-testid="contact-email"
                  />
                  <mat-error>{{ form.controls.contactEmail | fieldError }}</mat-error>
                </mat-form-field>
                <div class="choice">
                  <span class="choice-label" id="funding-label">{{
                    'enrolment.apply.fundingStatus' | t
                  }}</span>
                  <span class="hint">{{
                    'enrolment.apply.fundingHint' | t: { price: price() }
                  }}</span>
                  <mat-radio-group
                    formControlName="fundingStatus"
                    aria-labelledby="funding-label"
                    class="radios"
                  >
                    @for (f of fundingStatuses; track f) {
                      <mat-radio-button [value]="f" [attr.data-testid]="'funding-' + f">{{
                        fundingKey(f) | t
                      }}</mat-radio-button>
                    }
                  </mat-radio-group>
                </div>
                <div class="choice">
                  <span class="choice-label">{{ 'enrolment.apply.agreement' | t }}</span>
                  <span class="hint">{{ 'enrolment.apply.agreementHint' | t }}</span>
                  <input
                    #picker
                    hidden
                    type="file"
                    data-testid="agreement-file"
                    [accept]="accept"
                    (change)="pick(picker)"
                  />
                  @if (agreement(); as file) {
                    <div class="file">
                      <blup-icon name="article" />
                      <span class="file-name" data-testid="agreement-name">{{ file.name }}</span>
                      <button matButton type="button" (click)="agreement.set(null)">
                        {{ 'enrolment.apply.agreementRemove' | t }}
                      </button>
                    </div>
                  } @else {
                    <button
                      matButton="tonal"
                      type="button"
                      class="wide-button"
                      (click)="picker.click()"
                      data-testid="agreement-pick"
                    >
                      <blup-icon matButtonIcon name="upload" />
                      {{ 'enrolment.apply.agreementPick' | t }}
                    </button>
                  }
                  @if (fileError(); as key) {
                    <p class="file-error" role="alert">{{ key | t }}</p>
                  }
                </div>
              </div>
            }
            @case ('group') {
              <p class="hint">{{ 'enrolment.apply.groupIntro' | t }}</p>
              <ol class="people" formArrayName="people" data-testid="people">
                @for (p of people.controls; track p; let i = $index) {
                  <li class="person" [formGroupName]="i" [attr.data-testid]="'person-' + i">
                    <div class="person-head">
                      <h3>{{ 'enrolment.apply.person' | t: { n: i + 1 } }}</h3>
                      @if (people.length > minPeople) {
                        <button
                          matButton
                          type="button"
                          (click)="removePerson(i)"
                          [attr.data-testid]="'remove-person-' + i"
                        >
                          <blup-icon matButtonIcon name="delete" />
                          {{ 'enrolment.apply.removePerson' | t: { n: i + 1 } }}
                        </button>
                      }
                    </div>
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'enrolment.apply.personName' | t }}</mat-label>
                      <input matInput formControlName="name" autocomplete="off" />
                      <mat-error>{{ p.controls.name | fieldError }}</mat-error>
                    </mat-form-field>
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'enrolment.apply.personEmail' | t }}</mat-label>
                      <input
                        matInput
                        type="email"
                        inputmode="email"
                        autocomplete="off"
                        formControlName="email"
                      />
                      <mat-error>
                        @if (p.controls.email.hasError('duplicate')) {
                          {{ 'enrolment.apply.sameEmail' | t }}
                        } @else {
                          {{ p.controls.email | fieldError }}
                        }
                      </mat-error>
                    </mat-form-field>
                    <mat-form-field subscriptSizing="dynamic">
                      <mat-label>{{ 'enrolment.apply.personPosition' | t }}</mat-label>
                      <input matInput formControlName="position" autocomplete="off" />
                      <mat-hint>{{ 'enrolment.apply.personPositionHint' | t }}</mat-hint>
                      <mat-error>{{ p.controls.position | fieldError }}</mat-error>
                    </mat-form-field>
                  </li>
                }
              </ol>
              @if (people.length < maxPeople) {
                <button
                  matButton="outlined"
                  type="button"
                  class="wide-button"
                  (click)="addPerson()"
                  data-testid="add-person"
                >
                  <blup-icon matButtonIcon name="add" />
                  {{ 'enrolment.apply.addPerson' | t }}
                </button>
              }
            }
            @case ('cooperation') {
              <div class="fields">
                <mat-form-field subscriptSizing="dynamic">
                  <mat-label>{{ 'enrolment.apply.cooperationText' | t }}</mat-label>
                  <textarea
                    matInput
                    rows="6"
                    formControlName="cooperationText"
                    data-testid="cooperation"
                  ></textarea>
                  <mat-hint>{{
                    'enrolment.apply.cooperationHint' | t: { min: minChars }
                  }}</mat-hint>
                  <mat-error>{{ form.controls.cooperationText | fieldError }}</mat-error>
                </mat-form-field>
                @if (!auth.signedIn()) {
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'enrolment.apply.applicantName' | t }}</mat-label>
                    <input
                      matInput
                      formControlName="applicantName"
                      autocomplete="name"
                      data-testid="applicant-name"
                    />
                    <mat-error>{{ form.controls.applicantName | fieldError }}</mat-error>
                  </mat-form-field>
                  <mat-form-field subscriptSizing="dynamic">
                    <mat-label>{{ 'enrolment.apply.applicantEmail' | t }}</mat-label>
                    <input
                      matInput
                      type="email"
                      inputmode="email"
                      autocomplete="email"
                      formControlName="applicantEmail"
                      data-testid="applicant-email"
                    />
                    <mat-hint>{{ 'enrolment.apply.applicantHint' | t }}</mat-hint>
                    <mat-error>{{ form.controls.applicantEmail | fieldError }}</mat-error>
                  </mat-form-field>
                }
              </div>
            }
          }

          <blup-api-error [error]="submit.error()" />
          <div class="nav">
            @if (index() < steps.length - 1) {
              <button matButton="filled" type="button" (click)="next()" data-testid="next">
                {{ 'enrolment.apply.next' | t }}
                <blup-icon matButtonIcon iconPositionEnd name="next" />
              </button>
            } @else {
              <button
                matButton="filled"
                type="submit"
                [attr.aria-busy]="submit.busy()"
                data-testid="send"
              >
                {{ 'enrolment.apply.submit' | t }}
              </button>
            }
            @if (index() > 0) {
              <button
                matButton="outlined"
                type="button"
                (click)="previous()"
                data-testid="previous"
              >
                <blup-icon matButtonIcon name="back" />
                {{ 'enrolment.apply.previous' | t }}
              </button>
            }
          </div>
        </form>
        <aside class="side">
          <blup-checklist [checklist]="checklist()" [live]="true" />
        </aside>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      max-inline-size: 1040px;
    }
    .layout {
      display: grid;
      gap: 24px;
      grid-template-columns: minmax(0, 1fr);
    }
    @media (min-width: 840px) {
      .layout {
        grid-template-columns: minmax(0, 1fr) 320px;
        align-items: start;
      }
      .side {
        position: sticky;
        inset-block-start: 16px;
      }
    }
    .form {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .progress {
      display: flex;
      gap: 6px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .progress li {
      flex: 1;
      block-size: 6px;
      border-radius: 3px;
      background: var(--mat-sys-surface-container-highest);
    }
    .progress li.done,
    .progress li.current {
      background: var(--mat-sys-primary);
    }
    .step-of {
      margin: 12px 0 0;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .step-title {
      margin: 4px 0 16px;
      font: var(--mat-sys-headline-small);
      outline: none;
    }
    .fields {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .offering {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
    }
    .choice {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .choice-label {
      font: var(--mat-sys-title-small);
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
    .hint {
      margin: 0 0 8px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .wide-button {
      min-block-size: 48px;
      align-self: stretch;
    }
    .file {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 8px 12px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .file-name {
      flex: 1 1 120px;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-large);
    }
    .file-error {
      margin: 4px 0 0;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    .people {
      display: flex;
      flex-direction: column;
      gap: 16px;
      margin: 0 0 16px;
      padding: 0;
      list-style: none;
    }
    .person {
      display: flex;
      flex-direction: column;
      gap: 16px;
      padding: 12px 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .person-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px;
    }
    .person-head h3 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .nav {
      display: flex;
      flex-direction: column;
      gap: 12px;
      margin-block-start: 24px;
    }
    .nav button {
      min-block-size: 48px;
    }
    @media (min-width: 600px) {
      .nav {
        flex-direction: row-reverse;
        justify-content: flex-end;
      }
    }
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
})
export class ApplyPage {
  private readonly api = inject(EnrolmentApi);
  private readonly router = inject(Router);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly i18n = inject(I18nService);
  protected readonly auth = inject(AuthStore);

  /** From `/enrolment/apply/:offeringId`. */
  readonly offeringId = input<string>();

  protected readonly steps = STEPS;
  protected readonly fundingStatuses = FUNDING_STATUSES;
  protected readonly fundingKey = fundingKey;
  protected readonly minPeople = APPLICATION_LIMITS.minPeople;
  protected readonly maxPeople = APPLICATION_LIMITS.maxPeople;
  protected readonly minChars = APPLICATION_LIMITS.cooperationMinChars;
  protected readonly accept = AGREEMENT_FILE_EXTENSIONS.join(',');

  protected readonly people = new FormArray<PersonGroup>([personGroup(), personGroup()], {
    validators: distinctEmails,
  });
  protected readonly form = new FormGroup({
    offeringId: new FormControl('', { nonNullable: true, validators: Validators.required }),
    municipalityId: new FormControl('', { nonNullable: true, validators: Validators.required }),
    villageMode: new FormControl<VillageMode>('new', { nonNullable: true }),
    villageId: new FormControl('', { nonNullable: true }),
    villageName: textControl(APPLICATION_LIMITS.villageName, Validators.required),
    contactName: textControl(APPLICATION_LIMITS.name, Validators.required),
    contactEmail: textControl(APPLICATION_LIMITS.email, Validators.required, Validators.email),
    fundingStatus: new FormControl<FundingStatus>(FundingStatus.Requested, { nonNullable: true }),
    people: this.people,
    cooperationText: textControl(APPLICATION_LIMITS.cooperationMaxChars, Validators.required),
    applicantName: textControl(APPLICATION_LIMITS.name),
    applicantEmail: textControl(APPLICATION_LIMITS.email, Validators.email),
  });

  /** Which controls each step shows (checked before moving on). */
  private readonly stepControls: Record<Step, AbstractControl[]> = {
    village: [
      this.form.controls.offeringId,
      this.form.controls.municipalityId,
      this.form.controls.villageId,
      this.form.controls.villageName,
    ],
    municipality: [this.form.controls.contactName, this.form.controls.contactEmail],
    group: [this.people],
    cooperation: [
      this.form.controls.cooperationText,
      this.form.controls.applicantName,
      this.form.controls.applicantEmail,
    ],
  };

  protected readonly index = signal(0);
  protected readonly step = computed(() => STEPS[this.index()]);
  protected readonly agreement = signal<File | null>(null);
  protected readonly fileError = signal<
    'enrolment.apply.agreementTooLarge' | 'enrolment.apply.agreementWrongType' | null
  >(null);
  protected readonly submit = submitter();

  protected readonly options = rxResource({ stream: () => this.api.applicationFormOptions() });
  protected readonly offerings = computed(() =>
    this.options.hasValue() ? this.options.value().offerings : [],
  );
  protected readonly municipalities = computed(() =>
    this.options.hasValue() ? this.options.value().municipalities : [],
  );

  private readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  protected readonly mode = computed(() => this.value().villageMode ?? 'new');
  protected readonly offering = computed(() =>
    this.offerings().find((o) => o.id === this.value().offeringId),
  );
  /** Villages come a page at a time for the chosen municipality, searched by name. */
  protected readonly villagePageSize = VILLAGE_PAGE_SIZE;
  protected readonly villageSearch = new FormControl('', { nonNullable: true });
  private readonly villageQuery = toSignal(
    this.villageSearch.valueChanges.pipe(
      debounceTime(250),
      map((q) => q.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  protected readonly villageOptions = rxResource({
    params: () => {
      const municipalityId = this.value().municipalityId;
      if (!municipalityId || this.mode() !== 'existing') return undefined;
      return { municipalityId, q: this.villageQuery(), pageSize: VILLAGE_PAGE_SIZE };
    },
    stream: ({ params }) => this.api.applicationVillages(params),
  });
  protected readonly villages = computed(() =>
    this.villageOptions.hasValue() ? this.villageOptions.value().items : [],
  );
  protected readonly villagesTotal = computed(() =>
    this.villageOptions.hasValue() ? this.villageOptions.value().total : 0,
  );
  protected readonly price = computed(() =>
    formatDkk(this.offering()?.priceDkk ?? 48_000, this.i18n.locale()),
  );

  /** The same checklist the API computes; cooperation stays "to assess" until the secretariat reads it. */
  protected readonly checklist = computed(() => {
    const v = this.value();
    return applicationChecklist({
      contactName: v.contactName,
      contactEmail: v.contactEmail,
      fundingStatus: v.fundingStatus,
      hasAgreement: this.agreement() !== null,
      people: v.people ?? [],
      cooperationText: v.cooperationText,
      cooperationConfirmed: false,
    });
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    if (this.auth.signedIn()) {
      // The API takes the sender from the account.
      this.form.controls.applicantName.disable();
      this.form.controls.applicantEmail.disable();
    } else {
      this.form.controls.applicantName.addValidators(Validators.required);
      this.form.controls.applicantEmail.addValidators(Validators.required);
    }
    this.form.controls.villageMode.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((mode) => this.applyVillageMode(mode));
    this.applyVillageMode('new');
    this.form.controls.municipalityId.valueChanges
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => {
        this.form.controls.villageId.setValue('');
        this.villageSearch.setValue('');
      });

    // Pick the offering from the address, or the only (first) one open.
    effect(() => {
      const offerings = this.offerings();
      if (!offerings.length || this.form.controls.offeringId.value) return;
      const wanted = offerings.find((o) => o.id === this.offeringId()) ?? offerings[0];
      this.form.controls.offeringId.setValue(wanted.id);
    });
    // A signed-in steering member applies for their own village.
    effect(() => {
      const user = this.auth.user();
      if (!this.municipalities().length || !user?.municipalityId) return;
      if (this.form.controls.municipalityId.value) return;
      this.form.controls.municipalityId.setValue(user.municipalityId);
      if (user.villageId) {
        // Their village is on the first page of a search for its name.
        this.villageSearch.setValue(user.villageName ?? '');
        this.form.controls.villageMode.setValue('existing');
        this.form.controls.villageId.setValue(user.villageId);
      }
    });
  }

  protected stepKey(step: Step): `enrolment.apply.steps.${Step}` {
    return `enrolment.apply.steps.${step}`;
  }

  protected next(): void {
    if (!this.stepReady(this.step())) return;
    this.go(this.index() + 1);
  }

  protected previous(): void {
    this.go(this.index() - 1);
  }

  protected addPerson(): void {
    this.people.push(personGroup());
    queueMicrotask(() =>
      this.host.nativeElement
        .querySelector<HTMLInputElement>(`[data-testid="person-${this.people.length - 1}"] input`)
        ?.focus(),
    );
  }

  protected removePerson(index: number): void {
    this.people.removeAt(index);
  }

  protected pick(picker: HTMLInputElement): void {
    const file = picker.files?.[0] ?? null;
    picker.value = '';
    this.fileError.set(null);
    if (!file) return;
    const name = file.name.toLowerCase();
    if (!AGREEMENT_FILE_EXTENSIONS.some((ext) => name.endsWith(ext))) {
      this.fileError.set('enrolment.apply.agreementWrongType');
      return;
    }
    if (file.size > APPLICATION_LIMITS.agreementMaxBytes) {
      this.fileError.set('enrolment.apply.agreementTooLarge');
      return;
    }
    this.agreement.set(file);
  }

  protected send(): void {
    const wrong = STEPS.findIndex((s) => this.stepControls[s].some((c) => c.invalid));
    if (wrong !== -1 && wrong !== this.index()) {
      this.go(wrong);
      queueMicrotask(() => this.stepReady(STEPS[wrong]));
      return;
    }
    this.submit.run(
      this.form,
      () => this.api.apply(this.request(), this.agreement()),
      (receipt: ApplicationReceiptDto) =>
        void this.router.navigate(['/enrolment/apply/received'], { state: { receipt } }),
    );
  }

  private request(): CreateApplicationRequest {
    const v = this.form.getRawValue();
    const existing = v.villageMode === 'existing';
    return {
      offeringId: v.offeringId,
      municipalityId: v.municipalityId,
      villageId: existing ? v.villageId : null,
      villageName: existing ? null : v.villageName.trim(),
      contactName: v.contactName.trim(),
      contactEmail: v.contactEmail.trim(),
      fundingStatus: v.fundingStatus,
      cooperationText: v.cooperationText.trim(),
      people: v.people.map((p) => ({
        name: p.name.trim(),
        email: p.email.trim(),
        position: p.position.trim() || null,
      })),
      ...(this.auth.signedIn()
        ? {}
        : { applicantName: v.applicantName.trim(), applicantEmail: v.applicantEmail.trim() }),
    };
  }

  private applyVillageMode(mode: VillageMode): void {
    const { villageId, villageName } = this.form.controls;
    villageId.setValidators(mode === 'existing' ? Validators.required : null);
    villageName.setValidators(
      mode === 'new'
        ? [Validators.required, Validators.maxLength(APPLICATION_LIMITS.villageName)]
        : null,
    );
    villageId.updateValueAndValidity({ emitEvent: false });
    villageName.updateValueAndValidity({ emitEvent: false });
  }

  /** Shows what is wrong on a step and puts the focus on the first such field. */
  private stepReady(step: Step): boolean {
    const controls = this.stepControls[step];
    if (controls.every((c) => c.valid || c.disabled)) return true;
    for (const c of controls) c.markAllAsTouched();
    queueMicrotask(() =>
      this.host.nativeElement
        .querySelector<HTMLElement>('form .ng-invalid:is(input, textarea, mat-select)')
        ?.focus(),
    );
    return false;
  }

  private go(index: number): void {
    this.index.set(Math.max(0, Math.min(STEPS.length - 1, index)));
    this.host.nativeElement.scrollIntoView?.({ block: 'start' });
    queueMicrotask(() =>
      this.host.nativeElement.querySelector<HTMLElement>('[data-testid="step-title"]')?.focus(),
    );
  }
}

import { DestroyRef, Injectable, computed, effect, inject, signal } from '@angular/core';
import { rxResource, takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  FormArray,
  FormControl,
  FormGroup,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { debounceTime, distinctUntilChanged, map } from 'rxjs';
import {
  APPLICATION_LIMITS,
  type CreateApplicationRequest,
  FundingStatus,
  applicationChecklist,
} from '@blup/contracts';
import { AuthStore, EnrolmentApi, I18nService } from '@blup/web/core';
import { textControl } from '../../shared/forms';
import { formatDkk } from '../enrolment-labels';

export type PersonGroup = FormGroup<{
  name: FormControl<string>;
  email: FormControl<string>;
  position: FormControl<string>;
}>;

export function personGroup(): PersonGroup {
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

export type VillageMode = 'existing' | 'new';

export const APPLY_STEPS = ['village', 'municipality', 'group', 'cooperation'] as const;
export type ApplyStep = (typeof APPLY_STEPS)[number];

/** Villages shown at once in the list; more are found by searching. */
export const VILLAGE_PAGE_SIZE = 50;

/**
 * The one application form that the four step components of `ApplyPage` bind their parts of,
 * with what they look up (offerings, municipalities, villages) and the live checklist.
 * Provided by `ApplyPage`, so it lives as long as the page.
 */
@Injectable()
export class ApplyForm {
  private readonly api = inject(EnrolmentApi);
  private readonly i18n = inject(I18nService);
  private readonly auth = inject(AuthStore);

  readonly people = new FormArray<PersonGroup>([personGroup(), personGroup()], {
    validators: distinctEmails,
  });
  readonly form = new FormGroup({
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
  readonly stepControls: Record<ApplyStep, AbstractControl[]> = {
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

  /** The signed agreement, sent beside the form. */
  readonly agreement = signal<File | null>(null);

  readonly options = rxResource({ stream: () => this.api.applicationFormOptions() });
  readonly offerings = computed(() =>
    this.options.hasValue() ? this.options.value().offerings : [],
  );
  readonly municipalities = computed(() =>
    this.options.hasValue() ? this.options.value().municipalities : [],
  );

  private readonly value = toSignal(this.form.valueChanges, {
    initialValue: this.form.getRawValue(),
  });
  readonly mode = computed(() => this.value().villageMode ?? 'new');
  readonly offering = computed(() =>
    this.offerings().find((o) => o.id === this.value().offeringId),
  );
  /** Villages come a page at a time for the chosen municipality, searched by name. */
  readonly villageSearch = new FormControl('', { nonNullable: true });
  private readonly villageQuery = toSignal(
    this.villageSearch.valueChanges.pipe(
      debounceTime(250),
      map((q) => q.trim()),
      distinctUntilChanged(),
    ),
    { initialValue: '' },
  );
  readonly villageOptions = rxResource({
    params: () => {
      const municipalityId = this.value().municipalityId;
      if (!municipalityId || this.mode() !== 'existing') return undefined;
      return { municipalityId, q: this.villageQuery(), pageSize: VILLAGE_PAGE_SIZE };
    },
    stream: ({ params }) => this.api.applicationVillages(params),
  });
  readonly villages = computed(() =>
    this.villageOptions.hasValue() ? this.villageOptions.value().items : [],
  );
  readonly villagesTotal = computed(() =>
    this.villageOptions.hasValue() ? this.villageOptions.value().total : 0,
  );
  readonly price = computed(() =>
    formatDkk(this.offering()?.priceDkk ?? 48_000, this.i18n.locale()),
  );

  /** The same checklist the API computes; cooperation stays "to assess" until the secretariat reads it. */
  readonly checklist = computed(() => {
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

  /** Picks the offering from the address, or the only (first) one open. */
  pickOffering(offeringId: string | undefined): void {
    const offerings = this.offerings();
    if (!offerings.length || this.form.controls.offeringId.value) return;
    const wanted = offerings.find((o) => o.id === offeringId) ?? offerings[0];
    this.form.controls.offeringId.setValue(wanted.id);
  }

  /** What the API takes, trimmed; a signed-in sender is taken from the account. */
  request(): CreateApplicationRequest {
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
}

import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormControl, FormGroup, type ValidatorFn, Validators } from '@angular/forms';
import {
  INITIATIVE_LIMITS,
  type InitiativeCandidateDto,
  type InitiativePersonDto,
  type InitiativePersonInput,
} from '@blup/contracts';
import { FORM_FIELDS } from '../shared/form-fields';

/** `who`: an account's id, `OTHER` for someone without one, or `''` for nobody (contact only). */
export const OTHER = 'other';

export type PersonGroup = FormGroup<{
  who: FormControl<string>;
  name: FormControl<string>;
  phone: FormControl<string>;
  email: FormControl<string>;
}>;

const PHONE = /^\s*\+?[0-9][0-9 ()-]{3,28}\s*$/;

export function personGroup(person: InitiativePersonDto | null, fallback: string): PersonGroup {
  const text = (value: string | null, max: number, ...more: ValidatorFn[]) =>
    new FormControl(value ?? '', {
      nonNullable: true,
      validators: [Validators.maxLength(max), ...more],
    });
  return new FormGroup({
    who: new FormControl(person ? (person.userId ?? OTHER) : fallback, { nonNullable: true }),
    name: text(person?.userId ? '' : (person?.name ?? ''), INITIATIVE_LIMITS.nameMaxLength),
    phone: text(person?.phone ?? '', INITIATIVE_LIMITS.phoneMaxLength, Validators.pattern(PHONE)),
    email: text(
      person?.userId ? '' : (person?.email ?? ''),
      INITIATIVE_LIMITS.emailMaxLength,
      Validators.email,
    ),
  });
}

/** The person as the API takes it, or null for nobody. */
export function personInput(group: PersonGroup): InitiativePersonInput | null {
  const { who, name, phone, email } = group.getRawValue();
  if (!who) return null;
  if (who !== OTHER) return { userId: who, phone: phone.trim() || null };
  return { name, phone: phone.trim() || null, email: email.trim() || null };
}

/**
 * One person of an initiative: an account of the village chosen from a list, or a name with a
 * phone number (asked first: most people in a village are reached by phone) and an email.
 */
@Component({
  selector: 'blup-person-fields',
  imports: [FORM_FIELDS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="person" [formGroup]="group()">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ label() }}</mat-label>
        <mat-select formControlName="who" [attr.data-testid]="testId() + '-who'">
          @if (allowNone()) {
            <mat-option value="">{{ 'initiatives.contactNone' | t }}</mat-option>
          }
          <mat-option [value]="other">{{ 'initiatives.personOther' | t }}</mat-option>
          @for (person of candidates(); track person.id) {
            <mat-option [value]="person.id">{{ person.name }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      @if (group().controls.who.value === other) {
        <blup-text-field
          [control]="group().controls.name"
          [label]="'initiatives.personName' | t"
          [testId]="testId() + '-name'"
        />
      }
      @if (group().controls.who.value) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'initiatives.personPhone' | t }}</mat-label>
          <input
            matInput
            type="tel"
            inputmode="tel"
            autocomplete="off"
            [formControl]="group().controls.phone"
            [attr.data-testid]="testId() + '-phone'"
          />
          <mat-error>{{ group().controls.phone | fieldError }}</mat-error>
        </mat-form-field>
      }
      @if (group().controls.who.value === other) {
        <blup-text-field
          [control]="group().controls.email"
          type="email"
          [label]="'initiatives.personEmail' | t"
          [testId]="testId() + '-email'"
        />
      }
    </div>
  `,
  styles: `
    .person {
      display: grid;
      gap: 8px;
    }
  `,
})
export class PersonFields {
  readonly group = input.required<PersonGroup>();
  readonly candidates = input.required<readonly InitiativeCandidateDto[]>();
  readonly label = input.required<string>();
  readonly allowNone = input(false);
  readonly testId = input.required<string>();
  protected readonly other = OTHER;
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { LEARNER_KINDS, MAX_PAGE_SIZE, type Role } from '@blup/contracts';
import { OrganisationsApi, TranslatePipe, learnerKindKey, roleKey } from '@blup/web/core';
import { of, startWith, switchMap, tap } from 'rxjs';
import { FieldErrorPipe } from '../shared/forms';
import { type PlacementForm, applyRole, roleUses } from './placement';

/** A municipality or village the person inviting is tied to: shown, not chosen. */
export interface LockedPlace {
  id: string;
  name: string;
}

/**
 * Role, and the fields that role needs: a municipality for coordinators and learners
 * (plus the kind of learner), a village for steering members (plus the coordination-group flag).
 */
@Component({
  selector: 'blup-placement-fields',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatSelect,
    MatOption,
    MatCheckbox,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fields" [formGroup]="form()">
      @if (roles().length > 1) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'people.role' | t }}</mat-label>
          <mat-select formControlName="role" data-testid="role">
            @for (role of roles(); track role) {
              <mat-option [value]="role">{{ roleKey(role) | t }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      } @else {
        <p class="locked">{{ 'people.role' | t }}: {{ roleKey(form().controls.role.value) | t }}</p>
      }

      @if (needs().municipality) {
        @if (lockedMunicipality(); as place) {
          <p class="locked">{{ 'people.municipality' | t }}: {{ place.name }}</p>
        } @else {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'people.municipality' | t }}</mat-label>
            <mat-select formControlName="municipalityId" data-testid="municipality">
              @for (municipality of municipalities(); track municipality.id) {
                <mat-option [value]="municipality.id">{{ municipality.name }}</mat-option>
              }
            </mat-select>
            <mat-error>{{ form().controls.municipalityId | fieldError }}</mat-error>
          </mat-form-field>
        }
      }

      @if (needs().learnerKind) {
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'people.learnerKind' | t }}</mat-label>
          <mat-select formControlName="learnerKind" data-testid="learner-kind">
            @for (kind of learnerKinds; track kind) {
              <mat-option [value]="kind">{{ learnerKindKey(kind) | t }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form().controls.learnerKind | fieldError }}</mat-error>
        </mat-form-field>
      }

      @if (needs().village) {
        @if (lockedVillage(); as place) {
          <p class="locked">{{ 'people.village' | t }}: {{ place.name }}</p>
        } @else {
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'people.village' | t }}</mat-label>
            <mat-select formControlName="villageId" data-testid="village">
              @for (village of villages(); track village.id) {
                <mat-option [value]="village.id"
                  >{{ village.name }} ({{ village.municipalityName }})</mat-option
                >
              }
            </mat-select>
            <mat-error>{{ form().controls.villageId | fieldError }}</mat-error>
          </mat-form-field>
        }
      }

      @if (needs().coordinationGroup) {
        <mat-checkbox
          class="flag"
          formControlName="coordinationGroup"
          data-testid="coordination-group"
        >
          {{ 'people.coordinationGroup' | t }}
        </mat-checkbox>
        <p class="flag-hint">{{ 'people.coordinationGroupHint' | t }}</p>
      }

      @if (needs().contactPerson) {
        <mat-checkbox class="flag" formControlName="contactPerson" data-testid="contact-person">
          {{ 'people.contactPerson' | t }}
        </mat-checkbox>
      }
    </div>
  `,
  styles: `
    :host,
    .fields {
      display: contents;
    }
    mat-form-field {
      inline-size: 100%;
    }
    .locked {
      margin: 0 0 16px;
    }
    .flag {
      display: block;
      margin-block-end: 12px;
    }
    .flag-hint {
      margin: -8px 0 12px 48px;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class PlacementFields {
  private readonly api = inject(OrganisationsApi);

  readonly form = input.required<PlacementForm>();
  readonly roles = input.required<readonly Role[]>();
  readonly lockedMunicipality = input<LockedPlace | null>(null);
  readonly lockedVillage = input<LockedPlace | null>(null);
  /** The contact-person flag is set by the secretariat when editing, not when inviting. */
  readonly showContactPerson = input(false);

  protected readonly roleKey = roleKey;
  protected readonly learnerKindKey = learnerKindKey;
  protected readonly learnerKinds = LEARNER_KINDS;

  /** The chosen role; on every change the form enables exactly the fields that role uses. */
  private readonly role = toSignal(
    toObservable(this.form).pipe(
      switchMap((form) =>
        form.controls.role.valueChanges.pipe(
          startWith(form.controls.role.value),
          tap(() => applyRole(form)),
        ),
      ),
    ),
    { initialValue: null },
  );
  protected readonly needs = computed(() => {
    const role = this.role();
    return {
      municipality: roleUses(role, 'municipalityId'),
      village: roleUses(role, 'villageId'),
      learnerKind: roleUses(role, 'learnerKind'),
      coordinationGroup: roleUses(role, 'coordinationGroup'),
      contactPerson: roleUses(role, 'contactPerson') && this.showContactPerson(),
    };
  });

  private readonly municipalityOptions = rxResource({
    params: () => this.needs().municipality && !this.lockedMunicipality(),
    stream: ({ params: load }) =>
      load ? this.api.municipalities({ pageSize: MAX_PAGE_SIZE }) : of(null),
  });
  private readonly villageOptions = rxResource({
    params: () => this.needs().village && !this.lockedVillage(),
    stream: ({ params: load }) =>
      load ? this.api.villages({ pageSize: MAX_PAGE_SIZE }) : of(null),
  });
  protected readonly municipalities = computed(() =>
    this.municipalityOptions.hasValue() ? (this.municipalityOptions.value()?.items ?? []) : [],
  );
  protected readonly villages = computed(() =>
    this.villageOptions.hasValue() ? (this.villageOptions.value()?.items ?? []) : [],
  );
}

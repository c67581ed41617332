import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import {
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  EMAIL_MAX_LENGTH,
  LOCALES,
  type Locale,
  NAME_MAX_LENGTH,
  type PersonDto,
  Role,
} from '@blup/contracts';
import { AuthStore, I18nService, PeopleApi, TranslatePipe, localeKey } from '@blup/web/core';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { placementForInvite, placementForm } from './placement';
import { type LockedPlace, PlacementFields } from './placement-fields';
import { TextField } from '../shared/text-field';

/**
 * Invites someone by email. The choices are those the inviter may make: the secretariat any role
 * anywhere, a coordinator within their municipality, a coordination-group member into their village.
 * Closes with the new person.
 */
@Component({
  selector: 'blup-invite-dialog',
  imports: [
    TextField,
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatButton,
    PlacementFields,
    ApiErrorMessage,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'people.invite' | t }}</h2>
    <form novalidate [formGroup]="form" (ngSubmit)="send()" data-testid="invite-form">
      <mat-dialog-content>
        <p>{{ 'people.inviteIntro' | t }}</p>
        <blup-api-error [error]="submitter.error()" />
        <blup-text-field
          [control]="form.controls.name"
          [label]="'common.name' | t"
          autocomplete="off"
          testId="invite-name"
        />
        <blup-text-field
          [control]="form.controls.email"
          [label]="'common.email' | t"
          type="email"
          autocomplete="off"
          testId="invite-email"
        />
        <blup-placement-fields
          [form]="form.controls.placement"
          [roles]="roles()"
          [lockedMunicipality]="lockedMunicipality()"
          [lockedVillage]="lockedVillage()"
        />
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'people.mailLanguage' | t }}</mat-label>
          <mat-select formControlName="locale" data-testid="invite-locale">
            @for (locale of locales; track locale) {
              <mat-option [value]="locale" [attr.lang]="locale">{{
                localeKey(locale) | t
              }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button matButton type="button" mat-dialog-close>{{ 'common.cancel' | t }}</button>
        <button
          matButton="filled"
          type="submit"
          data-testid="send-invitation"
          [attr.aria-busy]="submitter.busy()"
        >
          {{ 'people.sendInvitation' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    mat-form-field {
      inline-size: 100%;
    }
  `,
})
export class InviteDialog {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(PeopleApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialogRef = inject<MatDialogRef<InviteDialog, PersonDto>>(MatDialogRef);

  protected readonly submitter = submitter();
  protected readonly locales = LOCALES;
  protected readonly localeKey = localeKey;
  protected readonly roles = this.auth.invitableRoles;
  protected readonly lockedMunicipality = computed(() =>
    this.lockOf(Role.Coordinator, 'municipality'),
  );
  protected readonly lockedVillage = computed(() => this.lockOf(Role.SteeringMember, 'village'));

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(EMAIL_MAX_LENGTH)]],
    placement: placementForm({
      role: this.roles().includes(Role.SteeringMember) ? Role.SteeringMember : this.roles()[0],
      municipalityId: this.lockedMunicipality()?.id,
      villageId: this.lockedVillage()?.id,
    }),
    locale: [this.i18n.locale() as Locale],
  });

  protected send(): void {
    const { name, email, locale } = this.form.getRawValue();
    this.submitter.run(
      this.form,
      () =>
        this.api.invite({
          name,
          email,
          locale,
          ...placementForInvite(this.form.controls.placement),
        }),
      (person) => {
        this.snackBar.open(
          this.i18n.t('people.invitationSent', { email: person.email }),
          undefined,
          { duration: 5000 },
        );
        this.dialogRef.close(person);
      },
    );
  }

  /** Coordinators invite into their municipality, coordination-group members into their village. */
  private lockOf(role: Role, place: 'municipality' | 'village'): LockedPlace | null {
    const user = this.auth.user();
    if (user?.role !== role) return null;
    const id = place === 'municipality' ? user.municipalityId : user.villageId;
    const name = place === 'municipality' ? user.municipalityName : user.villageName;
    return id ? { id, name: name ?? '' } : null;
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatSnackBar } from '@angular/material/snack-bar';
import { NAME_MAX_LENGTH, ROLES, type PersonDto, Role } from '@blup/contracts';
import {
  AuthStore,
  I18nService,
  PeopleApi,
  TranslatePipe,
  isSecretariat,
  learnerKindKey,
  roleKey,
  statusKey,
} from '@blup/web/core';
import { ConfirmDialog, type ConfirmDialogData, FormActions, PageHeader } from '@blup/web/ui';
import { firstValueFrom } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { FieldErrorPipe } from '../shared/forms';
import { submitter } from '../shared/submitter';
import { placementForUpdate, placementForm } from './placement';
import { PlacementFields } from './placement-fields';
import { LoadState } from '../shared/load-state';

/** One person. The secretariat may change their role and place, or block their access. */
@Component({
  selector: 'blup-person-page',
  imports: [
    LoadState,
    FormActions,
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    PageHeader,
    PlacementFields,
    ApiErrorMessage,
    TranslatePipe,
    FieldErrorPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="person.isLoading()" [error]="person.error() ?? actions.error()" />

    @if (person.hasValue()) {
      @let p = person.value();
      <blup-page-header [heading]="p.name" [subheading]="p.email" />
      <dl class="facts" data-testid="person-facts">
        <dt>{{ 'people.role' | t }}</dt>
        <dd>
          {{ roleKey(p.role) | t
          }}{{ p.learnerKind ? ' (' + (learnerKindKey(p.learnerKind) | t) + ')' : '' }}
        </dd>
        @if (p.municipalityName) {
          <dt>{{ 'people.municipality' | t }}</dt>
          <dd>{{ p.municipalityName }}</dd>
        }
        @if (p.villageName) {
          <dt>{{ 'people.village' | t }}</dt>
          <dd>
            {{ p.villageName
            }}{{ p.coordinationGroup ? ' · ' + ('people.coordinationGroup' | t) : '' }}
          </dd>
        }
        <dt>{{ 'people.status' | t }}</dt>
        <dd data-testid="person-status">{{ statusKey(p.status) | t }}</dd>
      </dl>

      <div class="form-actions">
        @if (canResend()) {
          <button
            matButton="tonal"
            type="button"
            data-testid="resend-invitation"
            (click)="resend()"
          >
            {{ 'people.resendInvitation' | t }}
          </button>
        }
        @if (canEdit()) {
          @if (p.status === 'disabled') {
            <button
              matButton="tonal"
              type="button"
              data-testid="enable"
              (click)="setDisabled(false)"
            >
              {{ 'people.enable' | t }}
            </button>
          } @else {
            <button
              matButton="outlined"
              type="button"
              data-testid="disable"
              (click)="setDisabled(true)"
            >
              {{ 'people.disable' | t }}
            </button>
          }
        }
      </div>

      @if (canEdit()) {
        @let f = form();
        <h2 class="section-title">{{ 'people.editTitle' | t }}</h2>
        <blup-api-error [error]="submitter.error()" />
        <form class="form" novalidate [formGroup]="f" (ngSubmit)="save()" data-testid="person-form">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'common.name' | t }}</mat-label>
            <input matInput formControlName="name" data-testid="name" />
            <mat-error>{{ f.controls.name | fieldError }}</mat-error>
          </mat-form-field>
          <blup-placement-fields
            [form]="f.controls.placement"
            [roles]="roles"
            [showContactPerson]="true"
          />
          <blup-form-actions [submitLabel]="'common.save' | t" [busy]="submitter.busy()" />
        </form>
      }
    }
  `,
})
export class PersonPage {
  private readonly api = inject(PeopleApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly fb = inject(NonNullableFormBuilder);

  readonly id = input.required<string>();
  protected readonly roles = ROLES;
  protected readonly roleKey = roleKey;
  protected readonly statusKey = statusKey;
  protected readonly learnerKindKey = learnerKindKey;
  protected readonly person = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.get(params),
  });
  protected readonly canEdit = computed(() => isSecretariat(this.auth.user()));
  protected readonly canResend = computed(
    () =>
      this.auth.canInvite() && this.person.hasValue() && this.person.value().status === 'invited',
  );
  protected readonly submitter = submitter();
  protected readonly actions = submitter();

  /** Rebuilt whenever the person (re)loads. */
  protected readonly form = computed(() => {
    const person = this.person.hasValue() ? this.person.value() : null;
    return this.fb.group({
      name: [person?.name ?? '', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
      placement: placementForm(person ?? { role: Role.SteeringMember }),
    });
  });

  protected save(): void {
    const form = this.form();
    const { name } = form.getRawValue();
    this.submitter.run(
      form,
      () => this.api.update(this.id(), { name, ...placementForUpdate(form.controls.placement) }),
      (person) => this.saved(person),
    );
  }

  protected async setDisabled(disabled: boolean): Promise<void> {
    const person = this.person.hasValue() ? this.person.value() : null;
    if (!person) return;
    if (disabled && !(await this.confirmDisable(person))) return;
    this.actions.run(
      null,
      () => this.api.update(person.id, { disabled }),
      (updated) => this.saved(updated),
    );
  }

  protected resend(): void {
    this.actions.run(
      null,
      () => this.api.resendInvitation(this.id()),
      () =>
        this.snackBar.open(this.i18n.t('people.invitationResent'), undefined, { duration: 4000 }),
    );
  }

  private saved(person: PersonDto): void {
    this.person.set(person);
    this.snackBar.open(this.i18n.t('common.saved'), undefined, { duration: 4000 });
  }

  private async confirmDisable(person: PersonDto): Promise<boolean> {
    const data: ConfirmDialogData = {
      title: this.i18n.t('people.disableTitle', { name: person.name }),
      message: this.i18n.t('people.disableText', { name: person.name }),
      confirm: this.i18n.t('people.disable'),
      cancel: this.i18n.t('common.cancel'),
    };
    const ref = this.dialog.open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, {
      data,
      maxWidth: 'calc(100vw - 16px)',
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}

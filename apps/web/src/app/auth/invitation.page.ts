import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatProgressBar } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@blup/contracts';
import { AuthApi, AuthStore, roleKey } from '@blup/web/core';
import { submitter } from '../shared/submitter';
import { AUTH_PAGE_IMPORTS } from './auth-page';
import { isDeadLink, isUnusableLink } from './return-url';

/**
 * Where an invitation email lands: who invited whom to what, then a name and a password.
 * Looking at the invitation does not use it up; accepting does.
 */
@Component({
  selector: 'blup-invitation-page',
  imports: [...AUTH_PAGE_IMPORTS, MatProgressBar],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (invitation.isLoading()) {
        <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
      } @else if (dead()) {
        <blup-notice
          icon="error"
          data-testid="invitation-expired"
          [level]="1"
          [heading]="'invitation.expiredTitle' | t"
          [message]="'invitation.expiredText' | t"
        />
      } @else if (invitation.hasValue()) {
        @let info = invitation.value();
        <blup-page-header
          [heading]="'invitation.title' | t"
          [subheading]="
            info.invitedByName
              ? ('invitation.invitedBy' | t: { inviter: info.invitedByName })
              : ('invitation.invited' | t)
          "
        />
        <dl class="facts" data-testid="invitation-details">
          <dt>{{ 'common.email' | t }}</dt>
          <dd>{{ info.email }}</dd>
          <dt>{{ 'invitation.role' | t }}</dt>
          <dd>{{ roleKey(info.role) | t }}</dd>
          @if (info.villageName || info.municipalityName) {
            <dt>{{ 'invitation.place' | t }}</dt>
            <dd>
              {{
                info.villageName
                  ? info.villageName + ', ' + info.municipalityName
                  : info.municipalityName
              }}
            </dd>
          }
        </dl>

        <p>{{ 'invitation.setUp' | t }}</p>
        <blup-submit-form
          [submitter]="submitter"
          [submitLabel]="'invitation.accept' | t"
          submitTestId="accept-invitation"
          testId="invitation-form"
          (submitted)="accept()"
        >
          <blup-text-field
            [control]="form.controls.name"
            [label]="'common.name' | t"
            autocomplete="name"
            testId="name"
          />
          <blup-new-password-fields
            [password]="form.controls.password"
            label="common.password"
            testId="password"
          />
        </blup-submit-form>
      } @else {
        <blup-api-error [error]="invitation.error()" />
      }
    </div>
  `,
})
export class InvitationPage {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  readonly token = input<string>();

  protected readonly roleKey = roleKey;
  protected readonly invitation = rxResource({
    params: () => this.token() || undefined,
    stream: ({ params: token }) => this.api.inspectInvitation({ token }),
  });
  protected readonly submitter = submitter();
  private readonly usedUp = signal(false);
  /** No token, or the API says the invitation is used or expired. */
  protected readonly dead = computed(
    () =>
      !this.token() ||
      this.usedUp() ||
      isUnusableLink(this.invitation.error()) ||
      this.invitation.status() === 'idle',
  );
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
  });

  constructor() {
    // Offer the name the inviter typed; the person may correct it.
    effect(() => {
      const name = this.invitation.hasValue() ? this.invitation.value().name : '';
      if (name && !this.form.controls.name.dirty) this.form.controls.name.setValue(name);
    });
  }

  protected accept(): void {
    const token = this.token();
    if (!token) return;
    this.submitter.run(
      this.form,
      () => this.auth.acceptInvitation({ token, ...this.form.getRawValue() }),
      () => void this.router.navigateByUrl('/'),
      (error) => isDeadLink(error) && (this.usedUp.set(true), true),
    );
  }
}

import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { AuthStore, TranslatePipe } from '@blup/web/core';
import { Notice, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';
import { isDeadLink } from './return-url';

/**
 * Where a sign-in link from an email lands. Nothing is used up on opening the page
 * (mail scanners open links too): only pressing the button spends the token.
 */
@Component({
  selector: 'blup-link-page',
  imports: [RouterLink, MatButton, PageHeader, Notice, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (token() && !dead()) {
        <blup-page-header [heading]="'auth.linkTitle' | t" [subheading]="'auth.linkText' | t" />
        <blup-api-error [error]="submitter.error()" />
        <button
          matButton="filled"
          type="button"
          data-testid="consume-link"
          [attr.aria-busy]="submitter.busy()"
          (click)="signIn()"
        >
          {{ 'auth.signIn' | t }}
        </button>
      } @else {
        <blup-notice
          icon="error"
          data-testid="link-expired"
          [level]="1"
          [heading]="'auth.linkExpiredTitle' | t"
          [message]="'auth.linkExpiredText' | t"
        >
          <a matButton="filled" routerLink="/sign-in" [queryParams]="{ mode: 'link' }">{{
            'auth.askForNewLink' | t
          }}</a>
        </blup-notice>
      }
    </div>
  `,
})
export class LinkPage {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  readonly token = input<string>();
  protected readonly submitter = submitter();
  protected readonly dead = signal(false);

  protected signIn(): void {
    const token = this.token();
    if (!token) return;
    this.submitter.run(
      null,
      () => this.auth.consumeLink(token),
      () => void this.router.navigateByUrl('/'),
      (error) => isDeadLink(error) && (this.dead.set(true), true),
    );
  }
}

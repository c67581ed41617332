import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { ErrorCode, type PanelConfirmResponse } from '@blup/contracts';
import { ApiError, PanelApi, TranslatePipe, type TranslationKey } from '@blup/web/core';
import { Notice, PageHeader } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { submitter } from '../shared/submitter';

type DeadLink = { title: TranslationKey; text: TranslationKey; icon: 'check' | 'error' };

const DEAD_LINKS: Partial<Record<string, DeadLink>> = {
  [ErrorCode.PanelConfirmLinkUsed]: {
    title: 'panel.linkUsedTitle',
    text: 'panel.linkUsedText',
    icon: 'check',
  },
  [ErrorCode.PanelConfirmLinkExpired]: {
    title: 'panel.linkExpiredTitle',
    text: 'panel.linkExpiredText',
    icon: 'error',
  },
};
const INVALID: DeadLink = {
  title: 'panel.linkInvalidTitle',
  text: 'panel.linkInvalidText',
  icon: 'error',
};

/**
 * Where the confirmation mail's link lands. Opening the page spends nothing (mail scanners
 * open links too): the person presses the button. A used, expired or unknown link gets its
 * own clear page and changes nothing.
 */
@Component({
  selector: 'blup-panel-confirm-page',
  imports: [MatButton, RouterLink, Notice, PageHeader, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (confirmed(); as c) {
        <blup-notice
          icon="check"
          data-testid="confirmed"
          [level]="1"
          [heading]="'panel.confirmedTitle' | t"
          [message]="'panel.confirmedText' | t: { village: c.villageName, email: c.email }"
        >
          <a
            matButton="outlined"
            routerLink="/panel/preferences"
            data-testid="to-preferences"
            [queryParams]="{ token: c.preferencesToken }"
            >{{ 'panel.managePreferences' | t }}</a
          >
        </blup-notice>
      } @else if (dead() ?? (token() ? null : invalid); as d) {
        <blup-notice
          data-testid="link-dead"
          [icon]="d.icon"
          [level]="1"
          [heading]="d.title | t"
          [message]="d.text | t"
        />
      } @else {
        <blup-page-header
          [heading]="'panel.confirmTitle' | t"
          [subheading]="'panel.confirmText' | t"
        />
        <blup-api-error [error]="submitter.error()" />
        <button
          matButton="filled"
          type="button"
          data-testid="confirm"
          [attr.aria-busy]="submitter.busy()"
          (click)="confirm()"
        >
          {{ 'panel.confirmButton' | t }}
        </button>
      }
    </div>
  `,
})
export class ConfirmPage {
  private readonly api = inject(PanelApi);

  readonly token = input<string>();
  protected readonly invalid = INVALID;
  protected readonly submitter = submitter();
  protected readonly confirmed = signal<PanelConfirmResponse | null>(null);
  protected readonly dead = signal<DeadLink | null>(null);

  protected confirm(): void {
    const token = this.token();
    if (!token) return;
    this.submitter.run(
      null,
      () => this.api.confirm(token),
      (result) => this.confirmed.set(result),
      (error) => {
        if (!(error instanceof ApiError) || ![400, 404, 410].includes(error.status)) return false;
        this.dead.set(DEAD_LINKS[error.code ?? ''] ?? INVALID);
        return true;
      },
    );
  }
}

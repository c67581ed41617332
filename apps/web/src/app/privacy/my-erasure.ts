import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatSnackBar } from '@angular/material/snack-bar';
import { type ErasureRequestDto, PRIVACY_LIMITS } from '@blup/contracts';
import { I18nService, PrivacyApi, TranslatePipe } from '@blup/web/core';
import { ApiErrorMessage } from '../shared/api-error-message';
import { confirmAction } from '../shared/confirm-action';
import { LoadState } from '../shared/load-state';
import { submitter } from '../shared/submitter';
import { longDate, myErasureView } from './privacy-labels';

/**
 * "Slet min konto" on the profile: what happens in plain words, a confirm step, then the date it
 * happens and a button to undo it until then.
 */
@Component({
  selector: 'blup-my-erasure',
  imports: [MatButton, LoadState, ApiErrorMessage, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section aria-labelledby="erase-title" data-testid="my-erasure">
      <h2 class="section-title" id="erase-title">{{ 'privacy.eraseTitle' | t }}</h2>
      <blup-load-state [loading]="loaded.isLoading()" [error]="loaded.error()" />
      <div role="status" class="state" data-testid="erasure-state">
        @switch (view()) {
          @case ('pending') {
            <p>
              <strong>{{ 'privacy.erasePending' | t: { date: date() } }}</strong>
            </p>
            <p>{{ 'privacy.erasePendingHint' | t }}</p>
          }
          @case ('underway') {
            <p>
              <strong>{{ 'privacy.eraseUnderway' | t }}</strong>
            </p>
          }
        }
      </div>
      @if (loaded.hasValue()) {
        @switch (view()) {
          @case ('pending') {
            <button
              matButton="filled"
              type="button"
              class="action"
              data-testid="erasure-undo"
              [attr.aria-busy]="undoing.busy()"
              (click)="undo()"
            >
              {{ 'privacy.undo' | t }}
            </button>
            <blup-api-error [error]="undoing.error()" />
          }
          @case ('none') {
            <ul class="what-happens">
              <li>{{ 'privacy.eraseWait' | t: { days: coolOffDays() } }}</li>
              <li>{{ 'privacy.eraseWhat' | t }}</li>
              <li>{{ 'privacy.eraseKeeps' | t }}</li>
              <li>{{ 'privacy.eraseCounts' | t }}</li>
            </ul>
            <button
              matButton="outlined"
              type="button"
              class="action danger"
              data-testid="erasure-ask"
              (click)="ask()"
            >
              {{ 'privacy.askErase' | t }}
            </button>
            <blup-api-error [error]="askError()" />
          }
        }
      }
    </section>
  `,
  styles: `
    .state p {
      margin: 0 0 8px;
      font: var(--mat-sys-body-large);
    }
    .what-happens {
      margin: 0 0 16px;
      padding-inline-start: 20px;
      max-inline-size: 60ch;
      font: var(--mat-sys-body-large);
    }
    .what-happens li + li {
      margin-block-start: 8px;
    }
    .action {
      min-block-size: 48px;
    }
    .danger {
      --mat-button-outlined-label-text-color: var(--mat-sys-error);
      --mat-button-outlined-outline-color: var(--mat-sys-error);
    }
  `,
})
export class MyErasure {
  private readonly api = inject(PrivacyApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly confirm = confirmAction();

  protected readonly loaded = rxResource({ stream: () => this.api.myErasure() });
  /** The request as changed here (asked or undone), over what was loaded. */
  private readonly changed = signal<ErasureRequestDto | null | undefined>(undefined);
  protected readonly request = computed(() => {
    const changed = this.changed();
    if (changed !== undefined) return changed;
    return this.loaded.hasValue() ? this.loaded.value().request : null;
  });
  protected readonly view = computed(() => myErasureView(this.request()));
  protected readonly coolOffDays = computed(() =>
    this.loaded.hasValue() ? this.loaded.value().coolOffDays : PRIVACY_LIMITS.erasureCoolOffDays,
  );
  protected readonly date = computed(() => {
    const request = this.request();
    return request ? longDate(request.eraseAfter, this.i18n.locale()) : '';
  });
  protected readonly undoing = submitter();
  protected readonly askError = signal<unknown>(null);

  protected ask(): void {
    const days = this.coolOffDays();
    this.askError.set(null);
    this.confirm({
      ask: {
        title: this.i18n.t('privacy.confirmEraseTitle'),
        message: this.i18n.t('privacy.confirmEraseText', { days }),
        confirm: this.i18n.t('privacy.confirmEraseYes'),
        cancel: this.i18n.t('privacy.keep'),
        danger: true,
      },
      act: () => this.api.askErasure(),
      done: 'privacy.eraseAsked',
      then: (request) => this.changed.set(request),
      failed: (error) => this.askError.set(error),
    });
  }

  protected undo(): void {
    this.undoing.run(
      null,
      () => this.api.undoErasure(),
      () => {
        this.changed.set(null);
        this.snackBar.open(this.i18n.t('privacy.undone'), undefined, { duration: 4000 });
      },
    );
  }
}

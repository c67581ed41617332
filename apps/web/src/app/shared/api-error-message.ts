import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ApiError, I18nService } from '@blup/web/core';
import { ErrorMessage } from '@blup/web/ui';

/** Shows a failed call's message, and the request id to quote when there is one. */
@Component({
  selector: 'blup-api-error',
  imports: [ErrorMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<blup-error-message [message]="message()" [detail]="detail()" />`,
})
export class ApiErrorMessage {
  private readonly i18n = inject(I18nService);
  readonly error = input<unknown>(null);

  protected readonly message = computed(() => {
    const error = this.error();
    if (!error) return null;
    return error instanceof Error && error.message ? error.message : this.i18n.t('errors.generic');
  });
  protected readonly detail = computed(() => {
    const error = this.error();
    return error instanceof ApiError && error.requestId && error.status >= 500
      ? this.i18n.t('errors.requestId', { id: error.requestId })
      : null;
  });
}

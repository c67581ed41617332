import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ApiError, NewslettersApi, TranslatePipe } from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { NewsletterLetter } from './letter';
import { LoadState } from '../shared/load-state';

/**
 * `/newsletters/web/:token?v=`: the public web version ("read on the web" in every mail). No
 * sign-in: the unguessable token is the key; `v` picks a village's copy.
 */
@Component({
  selector: 'blup-newsletter-web-page',
  imports: [LoadState, Notice, ApiErrorMessage, NewsletterLetter, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="copy.isLoading()" />
    @if (notFound()) {
      <blup-notice
        icon="mail"
        data-testid="web-not-found"
        [level]="1"
        [heading]="'newsletters.webNotFound' | t"
        [message]="'newsletters.webNotFoundText' | t"
      />
    } @else {
      <blup-api-error [error]="copy.error()" />
    }
    @if (copy.hasValue()) {
      <blup-newsletter-letter [copy]="copy.value()" />
    }
  `,
})
export class NewsletterWebPage {
  private readonly api = inject(NewslettersApi);

  readonly token = input.required<string>();
  /** The village whose copy to show, signed for this newsletter (`<villageId>.<hmac>`) as in the mailed link. */
  readonly v = input<string | undefined>(undefined);
  protected readonly copy = rxResource({
    params: () => ({ token: this.token(), villageId: this.v() }),
    stream: ({ params }) => this.api.webVersion(params.token, params.villageId),
  });
  protected readonly notFound = computed(() => {
    const error = this.copy.error();
    return error instanceof ApiError && (error.status === 404 || error.status === 400);
  });
}

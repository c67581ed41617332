import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { NewslettersApi, TranslatePipe } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { ApiErrorMessage } from '../shared/api-error-message';
import { NewsletterLetter } from './letter';

/** `/newsletters/:id/read?v=`: a sent newsletter from the archive, as the village's copy. */
@Component({
  selector: 'blup-newsletter-read-page',
  imports: [RouterLink, MatProgressBar, Icon, ApiErrorMessage, NewsletterLetter, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" routerLink="/newsletters/archive">
      <blup-icon name="back" />
      {{ 'newsletters.archiveTitle' | t }}
    </a>
    @if (copy.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'app.loading' | t" />
    }
    <blup-api-error [error]="copy.error()" />
    @if (copy.hasValue()) {
      <blup-newsletter-letter [copy]="copy.value()" />
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
  `,
})
export class NewsletterReadPage {
  private readonly api = inject(NewslettersApi);

  readonly id = input.required<string>();
  /** The village whose copy to show. */
  readonly v = input<string | undefined>(undefined);
  protected readonly copy = rxResource({
    params: () => ({ id: this.id(), villageId: this.v() }),
    stream: ({ params }) => this.api.read(params.id, params.villageId),
  });
}

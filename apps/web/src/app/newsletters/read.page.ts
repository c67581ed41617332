import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NewslettersApi, TranslatePipe } from '@blup/web/core';
import { BackLink } from '@blup/web/ui';
import { LinkedDocuments } from '../library/linked-documents';
import { NewsletterLetter } from './letter';
import { LoadState } from '../shared/load-state';

/** `/newsletters/:id/read?v=`: a sent newsletter from the archive, as the village's copy. */
@Component({
  selector: 'blup-newsletter-read-page',
  imports: [LoadState, BackLink, NewsletterLetter, LinkedDocuments, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-back-link link="/newsletters/archive" [label]="'newsletters.archiveTitle' | t" />
    <blup-load-state [loading]="copy.isLoading()" [error]="copy.error()" />
    @if (copy.hasValue()) {
      <blup-newsletter-letter [copy]="copy.value()" />
      <blup-linked-documents target="newsletter" [targetId]="id()" />
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

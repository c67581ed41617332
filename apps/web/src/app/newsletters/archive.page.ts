import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NewsletterArchiveItemDto } from '@blup/contracts';
import { NewslettersApi, TranslatePipe, pagedList } from '@blup/web/core';
import { Icon, PageHeader } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';
import { NewsletterTargetPipe, NewsletterWhenPipe } from './newsletter-labels';

/**
 * `/newsletters/archive`: the sent newsletters a person may read: their village's, their
 * circle's, their cohort's and their courses'; the secretariat sees all of them.
 */
@Component({
  selector: 'blup-newsletter-archive-page',
  imports: [
    RouterLink,
    Icon,
    PageHeader,
    ListFrame,
    RowList,
    NewsletterTargetPipe,
    NewsletterWhenPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'newsletters.archiveTitle' | t"
      [subheading]="'newsletters.archiveIntro' | t"
    />
    <blup-list-frame [list]="list" emptyText="newsletters.archiveEmpty">
      <ul blupRows data-testid="archive">
        @for (item of list.items(); track item.id + (item.villageId ?? '')) {
          <li class="blup-row" [attr.data-testid]="'archive-' + item.id">
            <a
              class="blup-row-link subject"
              [routerLink]="['/newsletters', item.id, 'read']"
              [queryParams]="item.villageId ? { v: item.villageId } : {}"
            >
              <span>{{ item.subject }}</span>
              <blup-icon class="blup-row-go" name="next" />
            </a>
            @if (item.preheader) {
              <span class="preheader">{{ item.preheader }}</span>
            }
            <span class="blup-row-meta">
              {{ 'newsletters.sentOn' | t: { when: (item.sentAt | newsletterWhen) } }} ·
              {{ item.target | newsletterTarget }}
            </span>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .subject {
      overflow-wrap: anywhere;
      text-decoration: underline;
    }
    .preheader {
      font: var(--mat-sys-body-large);
    }
  `,
})
export class NewsletterArchivePage {
  private readonly api = inject(NewslettersApi);

  protected readonly list = pagedList<NewsletterArchiveItemDto>((query) =>
    this.api.archive({ page: query.page, pageSize: query.pageSize }),
  );
}

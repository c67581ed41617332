import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { NewsletterArchiveItemDto } from '@blup/contracts';
import { NewslettersApi, TranslatePipe, pagedList } from '@blup/web/core';
import { Icon, PageHeader } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';
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
      <ul class="rows" data-testid="archive">
        @for (item of list.items(); track item.id + (item.villageId ?? '')) {
          <li class="row" [attr.data-testid]="'archive-' + item.id">
            <a
              class="subject"
              [routerLink]="['/newsletters', item.id, 'read']"
              [queryParams]="item.villageId ? { v: item.villageId } : {}"
            >
              <span>{{ item.subject }}</span>
              <blup-icon class="go" name="next" />
            </a>
            @if (item.preheader) {
              <span class="preheader">{{ item.preheader }}</span>
            }
            <span class="meta">
              {{ 'newsletters.sentOn' | t: { when: (item.sentAt | newsletterWhen) } }} ·
              {{ item.target | newsletterTarget }}
            </span>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .rows {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .subject {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      min-block-size: 48px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
      overflow-wrap: anywhere;
    }
    .go {
      color: var(--mat-sys-on-surface-variant);
    }
    .preheader {
      font: var(--mat-sys-body-large);
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NewsletterArchivePage {
  private readonly api = inject(NewslettersApi);

  protected readonly list = pagedList<NewsletterArchiveItemDto>((query) =>
    this.api.archive({ page: query.page, pageSize: query.pageSize }),
  );
}

import { ChangeDetectionStrategy, Component } from '@angular/core';
import { inject } from '@angular/core';
import {
  NEWSLETTER_STATUSES,
  type NewsletterStatus,
  NewsletterStatus as Status,
  type NewsletterSummaryDto,
} from '@blup/contracts';
import { NewslettersApi, pagedList } from '@blup/web/core';
import { ListFilter } from '../shared/list-filter';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';
import { NewsletterTargetPipe, NewsletterWhenPipe, newsletterStatusKey } from './newsletter-labels';
import { NewsletterStatusChip } from './status-chip';
import { PAGE_PARTS } from '../shared/page-parts';

/** `/newsletters` for the secretariat: every newsletter by status, and a button to write one. */
@Component({
  selector: 'blup-newsletters-page',
  imports: [
    PAGE_PARTS,
    ListFrame,
    ListFilter,
    RowList,
    NewsletterStatusChip,
    NewsletterTargetPipe,
    NewsletterWhenPipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'newsletters.title' | t" [subheading]="'newsletters.intro' | t">
      <a matButton="filled" routerLink="new" data-testid="write">
        <blup-icon matButtonIcon name="add" />
        {{ 'newsletters.write' | t }}
      </a>
      <a matButton="outlined" routerLink="archive" data-testid="archive-link">
        {{ 'newsletters.archiveLink' | t }}
      </a>
    </blup-page-header>
    <blup-list-frame [list]="list" searchLabel="newsletters.search" emptyText="newsletters.empty">
      <blup-list-filter
        filters
        [list]="list"
        field="status"
        [options]="statuses"
        [optionKey]="statusKey"
        label="newsletters.statusFilter"
        allLabel="newsletters.allStatuses"
        testId="status-filter"
      />
      <ul blupRows data-testid="list">
        @for (n of list.items(); track n.id) {
          <li class="blup-row" [attr.data-testid]="'newsletter-' + n.id">
            <div class="top">
              <a class="subject" [routerLink]="link(n)">
                {{ n.subject || ('newsletters.untitled' | t) }}
              </a>
              <blup-newsletter-status [status]="n.status" />
            </div>
            <span class="blup-row-meta">{{ n.target | newsletterTarget }}</span>
            <span class="blup-row-meta">
              @if (n.status === s.Draft) {
                {{ 'newsletters.updatedOn' | t: { when: (n.updatedAt | newsletterWhen) } }}
              } @else if (n.status === s.Scheduled) {
                {{ 'newsletters.sendsOn' | t: { when: (n.sendAt | newsletterWhen) } }}
              } @else {
                {{
                  'newsletters.sentOn'
                    | t: { when: (n.sendingStartedAt ?? n.sendAt | newsletterWhen) }
                }}
              }
            </span>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 4px 12px;
    }
    .subject {
      display: inline-flex;
      align-items: center;
      min-block-size: 48px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
      overflow-wrap: anywhere;
    }
  `,
})
export class NewslettersPage {
  private readonly api = inject(NewslettersApi);

  protected readonly list = pagedList<NewsletterSummaryDto, { status: NewsletterStatus }>((query) =>
    this.api.list({
      status: query.status,
      q: query.q,
      page: query.page,
      pageSize: query.pageSize,
    }),
  );
  protected readonly statuses = NEWSLETTER_STATUSES;
  protected readonly statusKey = newsletterStatusKey;
  protected readonly s = Status;

  /** A draft opens in the editor; anything on its way or sent opens its progress. */
  protected link(n: NewsletterSummaryDto): string[] {
    return n.status === Status.Draft ? ['/newsletters', n.id] : ['/newsletters', n.id, 'progress'];
  }
}

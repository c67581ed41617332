import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  PANEL_SUBSCRIBER_STATUSES,
  type PanelCounts,
  type PanelSubscriberDto,
  type PanelSubscriberStatus,
  type PanelSubscribersQuery,
} from '@blup/contracts';
import { I18nService, LocalDatePipe, PanelApi, TranslatePipe, pagedList } from '@blup/web/core';
import { Icon, PageHeader } from '@blup/web/ui';
import { tap } from 'rxjs';
import { confirmAction } from '../shared/confirm-action';
import { copyText } from '../shared/copy-text';
import { ListFrame } from '../shared/list-frame';
import { PanelImport } from './panel-import';
import { joinUrl, panelCountKey, panelSourceKey, panelStatusKey } from './panel-labels';
import { FilterSelect } from '../shared/filter-select';

/**
 * A village's citizen panel for those who look after it (its coordination group, the
 * municipality's coordinators, the secretariat): how many are on it, the link to share, the
 * list with search and a status filter, removal, and the CSV import.
 */
@Component({
  selector: 'blup-village-panel-page',
  imports: [
    FilterSelect,
    MatButton,
    MatIconButton,
    Icon,
    PageHeader,
    ListFrame,
    PanelImport,
    LocalDatePipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="
        villageName() ? ('panel.villageTitle' | t: { village: villageName() }) : ('panel.title' | t)
      "
      [subheading]="'panel.villageIntro' | t"
    />
    @if (counts(); as c) {
      <ul class="counts" data-testid="panel-counts">
        @for (status of statuses; track status) {
          <li [attr.data-testid]="'count-' + status">
            <span class="number">{{ c[status] }}</span>
            <span>{{ countKey(status) | t }}</span>
          </li>
        }
      </ul>
    }
    <section class="share" aria-labelledby="share-heading">
      <h2 id="share-heading">{{ 'panel.shareHeading' | t }}</h2>
      <p>{{ 'panel.shareText' | t }}</p>
      <div class="copy-row">
        <input
          #field
          class="url"
          type="text"
          readonly
          data-testid="share-url"
          [attr.aria-label]="'panel.shareHeading' | t"
          [value]="shareUrl()"
          (focus)="field.select()"
        />
        <button
          matButton="filled"
          type="button"
          class="big"
          data-testid="copy-link"
          (click)="copy()"
        >
          <blup-icon matButtonIcon name="link" />
          {{ 'panel.copy' | t }}
        </button>
      </div>
      <p class="status" role="status" data-testid="copy-status">
        @if (copied()) {
          {{ 'panel.copied' | t }}
        }
      </p>
    </section>

    <blup-list-frame [list]="list" searchLabel="panel.search" emptyText="panel.empty">
      <blup-filter-select
        filters
        [label]="'panel.statusFilter' | t"
        [allLabel]="'panel.allStatuses' | t"
        [options]="statuses"
        [optionKey]="statusKey"
        [value]="list.query().status"
        (changed)="list.filter({ status: $event })"
        testId="status-filter"
      />
      <ul class="rows" data-testid="subscribers">
        @for (s of list.items(); track s.id) {
          <li>
            <div class="who">
              <strong>{{ s.name || s.email }}</strong>
              @if (s.name) {
                <span>{{ s.email }}</span>
              }
              <span class="meta">
                {{ statusKey(s.status) | t }} · {{ sourceKey(s.source) | t }} ·
                {{ 'panel.joined' | t: { date: s.createdAt | localDate } }}
              </span>
            </div>
            <button
              matIconButton
              type="button"
              data-testid="remove"
              [attr.aria-label]="('panel.remove' | t) + ' ' + s.email"
              (click)="remove(s)"
            >
              <blup-icon name="delete" />
            </button>
          </li>
        }
      </ul>
    </blup-list-frame>

    <blup-panel-import [villageId]="villageId()" (imported)="list.reload()" />
  `,
  styles: `
    .counts {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      list-style: none;
      padding: 0;
      margin: 0 0 24px;
    }
    .counts li {
      display: flex;
      flex-direction: column;
      min-inline-size: 120px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
      font: var(--mat-sys-body-medium);
    }
    .number {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-primary);
    }
    .share {
      margin-block-end: 24px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-large);
      background: var(--mat-sys-surface-container-low);
    }
    .share h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    .share p {
      margin: 0 0 12px;
      font: var(--mat-sys-body-large);
    }
    .copy-row {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .url {
      flex: 1 1 16rem;
      min-inline-size: 0;
      min-block-size: 48px;
      box-sizing: border-box;
      padding: 8px 12px;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-medium);
    }
    .big {
      min-block-size: 48px;
    }
    .status {
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
    }
    .status:empty {
      display: none;
    }
    .rows {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .rows li {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      padding-block: 8px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .who {
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-large);
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class VillagePanelPage {
  private readonly api = inject(PanelApi);
  private readonly i18n = inject(I18nService);
  private readonly document = inject(DOCUMENT);
  private readonly confirm = confirmAction();
  private readonly field = viewChild<ElementRef<HTMLInputElement>>('field');

  readonly villageId = input.required<string>();
  protected readonly statuses: readonly PanelSubscriberStatus[] = PANEL_SUBSCRIBER_STATUSES;
  protected readonly statusKey = panelStatusKey;
  protected readonly countKey = panelCountKey;
  protected readonly sourceKey = panelSourceKey;
  protected readonly counts = signal<PanelCounts | null>(null);
  protected readonly villageName = signal<string | null>(null);
  protected readonly copied = signal(false);
  protected readonly shareUrl = computed(() =>
    joinUrl(this.document.location.origin, this.villageId()),
  );
  protected readonly list = pagedList<PanelSubscriberDto, PanelSubscribersQuery>((query) =>
    this.api.subscribers(this.villageId(), query).pipe(
      tap((page) => {
        this.counts.set(page.counts);
        this.villageName.set(page.villageName);
      }),
    ),
  );

  protected async copy(): Promise<void> {
    this.copied.set(await copyText(this.shareUrl(), this.field()?.nativeElement, this.document));
  }

  protected remove(subscriber: PanelSubscriberDto): void {
    this.confirm({
      ask: {
        title: this.i18n.t('panel.removeTitle'),
        message: this.i18n.t('panel.removeText', { email: subscriber.email }),
        confirm: this.i18n.t('panel.remove'),
        cancel: this.i18n.t('common.cancel'),
      },
      act: () => this.api.remove(this.villageId(), subscriber.id),
      done: 'panel.removed',
      then: () => this.list.reload(),
      failed: () => this.list.reload(),
    });
  }
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import {
  GATHERING_KINDS,
  type GatheringDto,
  type GatheringKind,
  RegistrationStatus,
} from '@blup/contracts';
import {
  AuthStore,
  GatheringsApi,
  TranslatePipe,
  canCreateGathering,
  pagedList,
} from '@blup/web/core';
import { CARD_LIST_STYLES, Icon, PageHeader } from '@blup/web/ui';
import { ListFilter } from '../shared/list-filter';
import { ListFrame } from '../shared/list-frame';
import { GatheringTimePipe } from './gathering-date.pipe';
import { kindKey, modeKey, myStatusKey } from './gathering-labels';

/**
 * "Møder": the gatherings the person may see, upcoming first, each a large card with its time,
 * place, places left or waitlist, and the person's own status.
 */
@Component({
  selector: 'blup-gatherings-page',
  imports: [
    RouterLink,
    Icon,
    PageHeader,
    MatButton,
    ListFrame,
    ListFilter,
    GatheringTimePipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'gatherings.title' | t" [subheading]="'gatherings.intro' | t">
      @if (canCreate()) {
        <a matButton="filled" routerLink="ny" data-testid="create">
          <blup-icon matButtonIcon name="add" />
          {{ 'gatherings.create' | t }}
        </a>
      }
    </blup-page-header>
    <blup-list-frame [list]="list" emptyText="gatherings.empty">
      <blup-list-filter
        filters
        [list]="list"
        field="kind"
        [options]="kinds"
        [optionKey]="kindKey"
        label="gatherings.kindFilter"
        allLabel="gatherings.allKinds"
        testId="kind-filter"
      />
      <ul class="cards" data-testid="list">
        @for (g of list.items(); track g.id) {
          <li>
            <a
              class="card"
              [class.cancelled]="g.cancelledAt"
              [routerLink]="g.id"
              [attr.data-testid]="'gathering-' + g.id"
            >
              <span class="time">{{ g | gatheringTime }}</span>
              <span class="title">{{ g.title }}</span>
              <span class="meta">{{ kindKey(g.kind) | t }}</span>
              <span class="place">
                @if (g.address) {
                  <blup-icon name="village" />
                }
                {{ g.address ?? (modeKey(g.mode) | t) }}
              </span>
              <span class="badges">
                @if (g.cancelledAt) {
                  <span class="chip error">{{ 'gatherings.cancelled' | t }}</span>
                } @else {
                  <span class="chip" [class.full]="g.placesLeft === 0">{{
                    'gatherings.placesLeft' | t: { count: g.placesLeft }
                  }}</span>
                  @if (g.waitlistCount > 0) {
                    <span class="chip">{{
                      'gatherings.waitlist' | t: { count: g.waitlistCount }
                    }}</span>
                  }
                }
                @if (mine(g); as status) {
                  <span class="chip mine" data-testid="my-status">{{
                    myStatusKey(status) | t
                  }}</span>
                }
              </span>
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    ${CARD_LIST_STYLES}
    .cards {
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr));
    }
    .card {
      gap: 4px;
      min-block-size: 120px;
      background: var(--mat-sys-surface-container-low);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .card:hover {
      background: var(--mat-sys-surface-container);
    }
    .time {
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-primary);
    }
    .title {
      font: var(--mat-sys-title-large);
    }
    .cancelled .title {
      text-decoration: line-through;
    }
    .meta,
    .place {
      font: var(--mat-sys-body-large);
      color: var(--mat-sys-on-surface-variant);
    }
    .place {
      display: flex;
      align-items: center;
      gap: 4px;
    }
    .badges {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-start: 8px;
    }
    .chip {
      padding: 4px 12px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
    }
    .chip.full,
    .chip.error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .chip.mine {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
  `,
})
export class GatheringsPage {
  private readonly api = inject(GatheringsApi);
  private readonly auth = inject(AuthStore);

  protected readonly list = pagedList<GatheringDto, { kind: GatheringKind }>(
    ({ kind, page, pageSize }) => this.api.list({ kind, page, pageSize }),
  );
  protected readonly kinds = GATHERING_KINDS;
  protected readonly kindKey = kindKey;
  protected readonly modeKey = modeKey;
  protected readonly myStatusKey = myStatusKey;
  protected readonly canCreate = computed(() => canCreateGathering(this.auth.user()));

  /** The person's own status, unless they cancelled (then the card shows nothing of theirs). */
  protected mine(g: GatheringDto): RegistrationStatus | null {
    const status = g.myRegistration?.status;
    return status && status !== RegistrationStatus.Cancelled ? status : null;
  }
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import type { FocusAreaOverviewDto } from '@blup/contracts';
import {
  AuthStore,
  InitiativesApi,
  LocalDatePipe,
  OrganisationsApi,
  canEditGoals,
  pagedList,
} from '@blup/web/core';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { INITIATIVE_CARDS_STYLES } from './initiative-cards';
import { initiativeStatusKey } from './initiative-labels';
import { ProgressBar } from './progress-bar';

/**
 * `/villages/:villageId/initiatives`: the village's focus areas in order, each with its weighted
 * progress as a bar (and in words), and its initiatives as cards: status, next step, contact and
 * progress. One call for the page.
 */
@Component({
  selector: 'blup-initiatives-page',
  imports: [PAGE_PARTS, ListFrame, ProgressBar, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a matButton [routerLink]="['/villages', villageId(), 'goals']">
      <blup-icon matButtonIcon name="back" />
      {{ 'villages.goals' | t }}
    </a>
    <blup-page-header
      [heading]="'initiatives.villageTitle' | t: { village: villageName() }"
      [subheading]="'initiatives.intro' | t"
    >
      @if (canEdit()) {
        @if (list.total() > 0) {
          <a matButton="filled" routerLink="new" data-testid="add-initiative">
            <blup-icon matButtonIcon name="add" />
            {{ 'initiatives.add' | t }}
          </a>
        }
        <a matButton="outlined" routerLink="focus-areas/new" data-testid="add-focus-area">
          <blup-icon matButtonIcon name="add" />
          {{ 'initiatives.addFocusArea' | t }}
        </a>
      }
    </blup-page-header>
    <blup-list-frame
      [list]="list"
      [emptyText]="canEdit() ? 'initiatives.empty' : 'initiatives.emptyReadOnly'"
    >
      @for (area of list.items(); track area.id) {
        <section
          class="area"
          [attr.aria-labelledby]="'area-' + area.id"
          [attr.data-testid]="'focus-area-' + area.position"
        >
          <div class="area-head">
            <h2 [id]="'area-' + area.id">{{ area.name }}</h2>
            @if (area.canEdit) {
              <a
                matButton
                [routerLink]="['/villages', villageId(), 'initiatives', 'focus-areas', area.id]"
                [attr.aria-label]="('initiatives.editFocusArea' | t) + ': ' + area.name"
              >
                <blup-icon matButtonIcon name="edit" />
                {{ 'initiatives.editFocusArea' | t }}
              </a>
            }
          </div>
          @if (area.description) {
            <p class="description">{{ area.description }}</p>
          }
          <blup-progress-bar [value]="area.progress" [rollUp]="true" data-testid="roll-up" />
          <p class="hint">
            {{ 'initiatives.areaCount' | t: { count: area.initiativeCount } }}.
            @if (area.progress !== null) {
              {{ 'initiatives.rollUpHint' | t }}
            }
          </p>
          <ul class="cards">
            @for (card of area.initiatives; track card.id) {
              <li>
                <a
                  class="card"
                  [routerLink]="['/initiatives', card.id]"
                  data-testid="initiative-card"
                >
                  <strong class="title">{{ card.title }}</strong>
                  <span class="status">{{ statusKey(card.status) | t }}</span>
                  @if (card.milestone; as m) {
                    <span>
                      @if (m.date) {
                        {{
                          'initiatives.milestoneDated'
                            | t: { what: m.what, date: (m.date | localDate) }
                        }}
                      } @else {
                        {{ 'initiatives.milestone' | t: { what: m.what } }}
                      }
                    </span>
                  }
                  <span>
                    @if (card.contactName) {
                      {{ 'initiatives.contact' | t: { name: card.contactName } }}
                    } @else {
                      {{ 'initiatives.noContact' | t }}
                    }
                  </span>
                  <blup-progress-bar [value]="card.progress" />
                </a>
              </li>
            } @empty {
              <li class="hint">{{ 'initiatives.areaEmpty' | t }}</li>
            }
          </ul>
          @if (area.initiativeCount > area.initiatives.length) {
            <p class="hint">
              {{
                'initiatives.areaMore'
                  | t: { shown: area.initiatives.length, count: area.initiativeCount }
              }}
            </p>
          }
        </section>
      }
    </blup-list-frame>
  `,
  styles: [
    INITIATIVE_CARDS_STYLES,
    `
      .area {
        margin-block: 16px 24px;
      }
      .area-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 8px;
      }
      h2 {
        margin: 0;
        font: var(--mat-sys-title-large);
      }
      .description {
        white-space: pre-line;
      }
      .hint {
        font: var(--mat-sys-body-small);
        color: var(--mat-sys-on-surface-variant);
      }
      .cards {
        gap: 12px;
        margin: 0;
      }
      .card:focus-visible {
        outline: 3px solid var(--mat-sys-primary);
      }
      .title {
        font: var(--mat-sys-title-medium);
      }
      .status {
        font: var(--mat-sys-label-large);
      }
    `,
  ],
})
export class InitiativesPage {
  private readonly api = inject(InitiativesApi);
  private readonly auth = inject(AuthStore);
  private readonly organisations = inject(OrganisationsApi);

  readonly villageId = input.required<string>();
  protected readonly statusKey = initiativeStatusKey;
  protected readonly village = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.organisations.village(params),
  });
  protected readonly villageName = computed(() =>
    this.village.hasValue() ? this.village.value().name : '',
  );
  protected readonly canEdit = computed(() => canEditGoals(this.auth.user(), this.villageId()));
  protected readonly list = pagedList<FocusAreaOverviewDto, { villageId?: string }>(
    ({ villageId, ...query }) => this.api.overview(villageId ?? this.villageId(), query),
    { scope: () => ({ villageId: this.villageId() }) },
  );
}

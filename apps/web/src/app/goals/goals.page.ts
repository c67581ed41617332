import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatListItem, MatListItemLine, MatListItemTitle, MatNavList } from '@angular/material/list';
import {
  GOAL_STATUSES,
  type GoalStatus,
  type VillageGoalDto,
  type VillageGoalsQuery,
} from '@blup/contracts';
import { AuthStore, GoalsApi, OrganisationsApi, canEditGoals, pagedList } from '@blup/web/core';
import { ListFilter } from '../shared/list-filter';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { goalStatusKey } from './goal-labels';
import { SdgBadges } from './sdg-tiles';

/** `/villages/:villageId/goals`: the village's goals on the SDGs, with where each stands. */
@Component({
  selector: 'blup-goals-page',
  imports: [
    PAGE_PARTS,
    MatNavList,
    MatListItem,
    MatListItemTitle,
    MatListItemLine,
    ListFrame,
    ListFilter,
    SdgBadges,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'goals.villageTitle' | t: { village: villageName() }"
      [subheading]="'goals.intro' | t"
    >
      <a matButton="tonal" routerLink="../initiatives" data-testid="goals-initiatives">
        <blup-icon matButtonIcon name="list" />
        {{ 'nav.initiatives' | t }}
      </a>
      @if (canEdit()) {
        <a matButton="filled" routerLink="new" data-testid="add-goal">
          <blup-icon matButtonIcon name="add" />
          {{ 'goals.add' | t }}
        </a>
      }
    </blup-page-header>
    <blup-list-frame
      [list]="list"
      searchLabel="common.search"
      [emptyText]="canEdit() ? 'goals.empty' : 'goals.emptyReadOnly'"
    >
      <blup-list-filter
        filters
        [list]="list"
        field="status"
        [options]="statuses"
        [optionKey]="statusKey"
        label="goals.statusLabel"
        allLabel="goals.allStatuses"
        testId="status-filter"
      />
      <mat-nav-list data-testid="goals">
        @for (goal of list.items(); track goal.id) {
          <a mat-list-item class="goal" [routerLink]="['/goals', goal.id]">
            <span matListItemTitle>{{ goal.title }}</span>
            <span matListItemLine class="line">
              <blup-sdg-badges [numbers]="goal.sdgs" />
              <strong>{{ statusKey(goal.status) | t }}</strong>
            </span>
            @if (goal.owner) {
              <span matListItemLine>{{ 'goals.owner' | t: { owner: goal.owner } }}</span>
            }
          </a>
        }
      </mat-nav-list>
    </blup-list-frame>
  `,
  styles: `
    .goal {
      block-size: auto !important;
      padding-block: 8px;
    }
    .line {
      display: flex !important;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
  `,
})
export class GoalsPage {
  private readonly api = inject(GoalsApi);
  private readonly auth = inject(AuthStore);
  private readonly organisations = inject(OrganisationsApi);

  readonly villageId = input.required<string>();
  protected readonly statuses: readonly GoalStatus[] = GOAL_STATUSES;
  protected readonly statusKey = goalStatusKey;
  protected readonly village = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.organisations.village(params),
  });
  protected readonly villageName = computed(() =>
    this.village.hasValue() ? this.village.value().name : '',
  );
  protected readonly canEdit = computed(() => canEditGoals(this.auth.user(), this.villageId()));
  protected readonly list = pagedList<VillageGoalDto, VillageGoalsQuery & { villageId?: string }>(
    ({ villageId, ...query }) => this.api.goals(villageId ?? this.villageId(), query),
    { scope: () => ({ villageId: this.villageId() }) },
  );
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatListItem, MatListItemLine, MatListItemTitle, MatNavList } from '@angular/material/list';
import { Role } from '@blup/contracts';
import { AuthStore, LocalDatePipe, OrganisationsApi, isSecretariat } from '@blup/web/core';
import { PAGE_PARTS } from '../shared/page-parts';
import { GoalSummary } from '../goals/goal-summary';

/** One cohort: when it starts and which villages take part. */
@Component({
  selector: 'blup-cohort-page',
  imports: [
    PAGE_PARTS,
    MatNavList,
    MatListItem,
    MatListItemTitle,
    MatListItemLine,
    LocalDatePipe,
    GoalSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="cohort.isLoading()" [error]="cohort.error()" />
    @if (cohort.hasValue()) {
      @let c = cohort.value();
      <blup-page-header
        [heading]="c.name"
        [subheading]="'cohorts.starts' | t: { date: c.startDate | localDate }"
      >
        @if (canEdit()) {
          <a matButton="outlined" routerLink="edit" data-testid="edit">
            <blup-icon matButtonIcon name="edit" />
            {{ 'common.edit' | t }}
          </a>
        }
      </blup-page-header>
      @if (canSeeCircles()) {
        <section class="circles" aria-labelledby="cohort-circles" data-testid="cohort-circles">
          <h2 id="cohort-circles" class="section-title">{{ 'circles.cohortCircles' | t }}</h2>
          @if (canEdit()) {
            <p class="intro">{{ 'circles.cohortCirclesIntro' | t }}</p>
          }
          <div class="circle-links">
            @if (canEdit()) {
              <a matButton="filled" routerLink="plan" data-testid="plan-link">
                <blup-icon matButtonIcon name="cohort" />
                {{ 'circles.plan' | t }}
              </a>
            }
            <a matButton="outlined" routerLink="grid" data-testid="grid-link">
              <blup-icon matButtonIcon name="grid" />
              {{ 'circles.grid' | t }}
            </a>
            <a
              matButton="outlined"
              routerLink="/circles"
              [queryParams]="{}"
              data-testid="circles-link"
            >
              <blup-icon matButtonIcon name="forum" />
              {{ 'circles.title' | t }}
            </a>
          </div>
        </section>
      }
      <h2 class="section-title">{{ 'cohorts.villages' | t }}</h2>
      @if (c.villages.length) {
        <mat-nav-list data-testid="villages">
          @for (village of c.villages; track village.id) {
            <a mat-list-item [routerLink]="['/villages', village.id]">
              <span matListItemTitle>{{ village.name }}</span>
              <span matListItemLine>{{ village.municipalityName }}</span>
            </a>
          }
        </mat-nav-list>
      } @else {
        <p>{{ 'cohorts.noVillages' | t }}</p>
      }
      @if (canEdit()) {
        <blup-goal-summary [cohortId]="c.id" />
      }
    }
  `,
  styles: `
    .circles {
      margin-block-end: 24px;
    }
    .intro {
      margin: 0 0 12px;
      color: var(--mat-sys-on-surface-variant);
    }
    .circle-links {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
  `,
})
export class CohortPage {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);

  readonly id = input.required<string>();
  protected readonly cohort = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.cohort(params),
  });
  protected readonly canEdit = computed(() => isSecretariat(this.auth.user()));
  protected readonly canSeeCircles = computed(() => {
    const role = this.auth.user()?.role;
    return role === Role.Secretariat || role === Role.Coordinator;
  });
}

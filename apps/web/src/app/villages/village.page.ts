import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Role } from '@blup/contracts';
import { AuthStore, OrganisationsApi, canEditVillage } from '@blup/web/core';
import { canManagePanel } from '../panel/panel-labels';
import { PAGE_PARTS } from '../shared/page-parts';

/** One village: where it belongs, its cohort, and a way to its members. */
@Component({
  selector: 'blup-village-page',
  imports: [PAGE_PARTS],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="village.isLoading()" [error]="village.error()" />
    @if (village.hasValue()) {
      @let v = village.value();
      <blup-page-header [heading]="v.name" [subheading]="v.description || null">
        @if (canEdit()) {
          <a matButton="outlined" routerLink="edit" data-testid="edit">
            <blup-icon matButtonIcon name="edit" />
            {{ 'common.edit' | t }}
          </a>
        }
      </blup-page-header>
      <dl class="facts" data-testid="village-facts">
        <dt>{{ 'villages.municipality' | t }}</dt>
        <dd>
          <a [routerLink]="['/municipalities', v.municipalityId]">{{ v.municipalityName }}</a>
        </dd>
        <dt>{{ 'villages.cohort' | t }}</dt>
        <dd>
          @if (v.cohortId) {
            <a [routerLink]="['/cohorts', v.cohortId]">{{ v.cohortName }}</a>
          } @else {
            {{ 'villages.noCohort' | t }}
          }
        </dd>
      </dl>
      <p>{{ 'villages.memberCount' | t: { count: v.memberCount } }}</p>
      @if (canSeeGoals()) {
        <a matButton="tonal" routerLink="goals" data-testid="village-goals">
          <blup-icon matButtonIcon name="flag" />
          {{ 'villages.goals' | t }}
        </a>
        <a matButton="tonal" routerLink="wheel" data-testid="village-wheel">
          <blup-icon matButtonIcon name="cohort" />
          {{ 'villages.wheel' | t }}
        </a>
        <a matButton="tonal" [routerLink]="['report', reportYear]" data-testid="village-report">
          <blup-icon matButtonIcon name="article" />
          {{ 'villages.report' | t: { year: reportYear } }}
        </a>
      }
      @if (canSeePeople()) {
        <a
          matButton="tonal"
          routerLink="/people"
          [queryParams]="{ villageId: v.id }"
          data-testid="village-people"
        >
          <blup-icon matButtonIcon name="people" />
          {{ 'villages.showPeople' | t }}
        </a>
      }
      @if (canManagePanel()) {
        <a matButton="tonal" [routerLink]="['/panel/village', v.id]" data-testid="village-panel">
          <blup-icon matButtonIcon name="mail" />
          {{ 'panel.villageLink' | t }}
        </a>
      }
    }
  `,
})
export class VillagePage {
  /** The annual report linked from the page: this year's. */
  protected readonly reportYear = new Date().getFullYear();
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);

  readonly id = input.required<string>();
  protected readonly village = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.village(params),
  });
  protected readonly canEdit = computed(
    () =>
      this.village.hasValue() &&
      canEditVillage(this.auth.user(), this.village.value().municipalityId),
  );
  protected readonly canSeePeople = computed(() => this.auth.role() !== Role.Learner);
  protected readonly canSeeGoals = computed(() => this.auth.role() !== Role.Learner);
  protected readonly canManagePanel = computed(
    () => this.village.hasValue() && canManagePanel(this.auth.user(), this.village.value()),
  );
}

import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { Role } from '@blup/contracts';
import { AuthStore, OrganisationsApi, PlansApi, canEditVillage } from '@blup/web/core';
import { canManagePanel } from '../panel/panel-labels';
import { DocumentStatus } from '../plans/document-status';
import { PAGE_PARTS } from '../shared/page-parts';

/** One village: where it belongs, its cohort, and a way to its members. */
@Component({
  selector: 'blup-village-page',
  imports: [PAGE_PARTS, DocumentStatus],
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
        <a matButton="tonal" routerLink="initiatives" data-testid="village-initiatives">
          <blup-icon matButtonIcon name="list" />
          {{ 'villages.initiatives' | t }}
        </a>
      }
      @if (canSeeGoals() && documents.hasValue()) {
        <section
          class="documents"
          aria-labelledby="documents-title"
          data-testid="village-documents"
        >
          <h2 id="documents-title">{{ 'plans.documentsHeading' | t }}</h2>
          @for (doc of documents.value().documents; track doc.kind) {
            <div class="document">
              <a
                matButton="tonal"
                [routerLink]="doc.kind"
                [attr.data-testid]="'village-' + doc.kind"
              >
                <blup-icon matButtonIcon name="article" />
                {{ (doc.kind === 'plan' ? 'plans.planLink' : 'plans.storyLink') | t }}
              </a>
              <blup-document-status [doc]="doc" [publicPath]="documents.value().publicPath" />
            </div>
          }
        </section>
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
  styles: `
    .documents {
      margin-block: 16px;
    }
    .documents h2 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .document {
      margin-block-end: 12px;
    }
    .document a {
      min-block-size: 48px;
    }
  `,
})
export class VillagePage {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);
  private readonly plans = inject(PlansApi);

  readonly id = input.required<string>();
  protected readonly village = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.village(params),
  });
  /** Where the village's plan and story stand (those who may see its goals see these too). */
  protected readonly documents = rxResource({
    params: () => (this.auth.role() !== Role.Learner ? this.id() : undefined),
    stream: ({ params }) => this.plans.statuses(params),
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

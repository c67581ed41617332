import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { DocumentKind, Role, type DocumentStatusDto } from '@blup/contracts';
import {
  AuthStore,
  OrganisationsApi,
  PlansApi,
  canEditVillage,
  type TranslationKey,
} from '@blup/web/core';
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
        <a matButton="tonal" routerLink="ideas" data-testid="village-ideas">
          <blup-icon matButtonIcon name="forum" />
          {{ 'villages.ideas' | t }}
        </a>
        <a matButton="tonal" routerLink="surveys" data-testid="village-surveys">
          <blup-icon matButtonIcon name="article" />
          {{ 'plans.surveysLink' | t }}
        </a>
      }
      @if (canSeeGoals() && documents.hasValue()) {
        <section
          class="documents"
          aria-labelledby="documents-title"
          data-testid="village-documents"
        >
          <h2 id="documents-title">{{ 'plans.documentsHeading' | t }}</h2>
          @for (item of documentLinks(); track item.testId) {
            <div class="document">
              <a matButton="tonal" [routerLink]="item.link" [attr.data-testid]="item.testId">
                <blup-icon matButtonIcon name="article" />
                {{ item.label | t: { year: item.year } }}
              </a>
              @if (item.doc; as doc) {
                <blup-document-status
                  [doc]="doc"
                  [publicPath]="item.onPublicPage ? documents.value().publicPath : null"
                />
              }
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
  /**
   * A link per document: the plan, the story, the annual wheel, each year's annual report (and
   * this year's, also before it is begun). Only the plan and story are on the public page.
   */
  protected readonly documentLinks = computed(() => {
    if (!this.documents.hasValue()) return [];
    const docs = this.documents.value().documents;
    const thisYear = new Date().getFullYear();
    const items = docs.map((doc) => documentLink(doc.kind, doc.year, doc));
    if (!docs.some((d) => d.kind === DocumentKind.Report && d.year === thisYear)) {
      items.push(documentLink(DocumentKind.Report, thisYear, null));
    }
    return items;
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

const LINK_LABELS: Record<DocumentKind, TranslationKey> = {
  [DocumentKind.Plan]: 'plans.planLink',
  [DocumentKind.Story]: 'plans.storyLink',
  [DocumentKind.Wheel]: 'villages.wheel',
  [DocumentKind.Report]: 'villages.report',
};

function documentLink(kind: DocumentKind, year: number | null, doc: DocumentStatusDto | null) {
  const yearly = kind === DocumentKind.Report;
  return {
    doc,
    year,
    label: LINK_LABELS[kind],
    link: yearly ? [kind, year] : [kind],
    testId: yearly ? `village-${kind}-${year}` : `village-${kind}`,
    onPublicPage: kind === DocumentKind.Plan || kind === DocumentKind.Story,
  };
}

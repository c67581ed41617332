import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  MatList,
  MatListItem,
  MatListItemLine,
  MatListItemTitle,
  MatNavList,
} from '@angular/material/list';
import type { VillageDto } from '@blup/contracts';
import {
  AuthStore,
  OrganisationsApi,
  type VillageQuery,
  canSeeMunicipalityOverview,
  isSecretariat,
  pagedList,
} from '@blup/web/core';
import { ListFrame } from '../shared/list-frame';
import { GoalSummary } from '../goals/goal-summary';
import { MunicipalityOverview } from './municipality-overview';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * One municipality: its contact people and its villages; for its coordinators and the
 * secretariat, the villages at a glance (the overview).
 */
@Component({
  selector: 'blup-municipality-page',
  imports: [
    PAGE_PARTS,
    MatList,
    MatNavList,
    MatListItem,
    MatListItemTitle,
    MatListItemLine,
    ListFrame,
    MunicipalityOverview,
    GoalSummary,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="municipality.isLoading()" [error]="municipality.error()" />
    @if (municipality.hasValue()) {
      @let m = municipality.value();
      <blup-page-header [heading]="m.name">
        @if (canEdit()) {
          <a matButton="outlined" routerLink="edit" data-testid="edit">
            <blup-icon matButtonIcon name="edit" />
            {{ 'common.edit' | t }}
          </a>
        }
        @if (overview()) {
          <a matButton="tonal" routerLink="surveys" data-testid="municipality-surveys">
            <blup-icon matButtonIcon name="forum" />
            {{ 'goals.surveysLink' | t }}
          </a>
        }
      </blup-page-header>

      <h2 class="section-title">{{ 'municipalities.contacts' | t }}</h2>
      @if (m.contacts.length) {
        <mat-list data-testid="contacts">
          @for (contact of m.contacts; track contact.id) {
            <mat-list-item>
              <span matListItemTitle>{{ contact.name }}</span>
              <span matListItemLine
                ><a [href]="'mailto:' + contact.email">{{ contact.email }}</a></span
              >
            </mat-list-item>
          }
        </mat-list>
      } @else {
        <p>{{ 'municipalities.noContacts' | t }}</p>
      }

      @if (overview()) {
        <blup-municipality-overview [municipalityId]="id()" />
        <blup-goal-summary [municipalityId]="id()" />
      } @else {
        <h2 class="section-title">{{ 'municipalities.villages' | t }}</h2>
        <blup-list-frame [list]="villages" emptyText="villages.empty">
          <mat-nav-list data-testid="villages">
            @for (village of villages.items(); track village.id) {
              <a mat-list-item [routerLink]="['/villages', village.id]">
                <span matListItemTitle>{{ village.name }}</span>
                <span matListItemLine>{{ village.cohortName ?? ('villages.noCohort' | t) }}</span>
              </a>
            }
          </mat-nav-list>
        </blup-list-frame>
      }
    }
  `,
})
export class MunicipalityPage {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);

  readonly id = input.required<string>();
  protected readonly municipality = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.municipality(params),
  });
  protected readonly villages = pagedList<VillageDto, VillageQuery>(
    (query) => this.api.villages(query),
    {
      scope: () => ({ municipalityId: this.id() }),
    },
  );
  protected readonly canEdit = computed(() => isSecretariat(this.auth.user()));
  protected readonly overview = computed(() =>
    canSeeMunicipalityOverview(this.auth.user(), this.id()),
  );
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatListItem, MatListItemLine, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { MAX_PAGE_SIZE, type VillageDto } from '@blup/contracts';
import {
  AuthStore,
  OrganisationsApi,
  TranslatePipe,
  type VillageQuery,
  isSecretariat,
  pagedList,
} from '@blup/web/core';
import { CreateLink, PageHeader } from '@blup/web/ui';
import { of } from 'rxjs';
import { ListFrame } from '../shared/list-frame';

@Component({
  selector: 'blup-villages-page',
  imports: [
    RouterLink,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatNavList,
    MatListItem,
    MatListItemTitle,
    MatListItemLine,
    CreateLink,
    PageHeader,
    ListFrame,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'villages.title' | t">
      @if (secretariat()) {
        <blup-create-link [label]="'villages.new' | t" />
      }
    </blup-page-header>
    <blup-list-frame [list]="list" searchLabel="villages.search" emptyText="villages.empty">
      @if (municipalities().length > 1) {
        <mat-form-field filters subscriptSizing="dynamic">
          <mat-label>{{ 'villages.filterMunicipality' | t }}</mat-label>
          <mat-select
            data-testid="municipality-filter"
            [value]="list.query().municipalityId ?? ''"
            (valueChange)="list.filter({ municipalityId: $event || undefined })"
          >
            <mat-option value="">{{ 'villages.allMunicipalities' | t }}</mat-option>
            @for (municipality of municipalities(); track municipality.id) {
              <mat-option [value]="municipality.id">{{ municipality.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
      }
      <mat-nav-list data-testid="list">
        @for (village of list.items(); track village.id) {
          <a mat-list-item [routerLink]="village.id">
            <span matListItemTitle>{{ village.name }}</span>
            <span matListItemLine
              >{{ village.municipalityName }} ·
              {{ village.cohortName ?? ('villages.noCohort' | t) }}</span
            >
          </a>
        }
      </mat-nav-list>
    </blup-list-frame>
  `,
})
export class VillagesPage {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);
  protected readonly secretariat = computed(() => isSecretariat(this.auth.user()));
  protected readonly list = pagedList<VillageDto, VillageQuery>((query) =>
    this.api.villages(query),
  );
  private readonly municipalityOptions = rxResource({
    params: () => this.secretariat(),
    stream: ({ params: all }) =>
      all ? this.api.municipalities({ pageSize: MAX_PAGE_SIZE }) : of(null),
  });
  protected readonly municipalities = computed(() =>
    this.municipalityOptions.hasValue() ? (this.municipalityOptions.value()?.items ?? []) : [],
  );
}

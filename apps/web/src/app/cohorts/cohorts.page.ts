import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatListItem, MatListItemLine, MatListItemTitle, MatNavList } from '@angular/material/list';
import { RouterLink } from '@angular/router';
import {
  AuthStore,
  LocalDatePipe,
  OrganisationsApi,
  TranslatePipe,
  isSecretariat,
  pagedList,
} from '@blup/web/core';
import { CreateLink, PageHeader } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';

@Component({
  selector: 'blup-cohorts-page',
  imports: [
    RouterLink,
    MatNavList,
    MatListItem,
    MatListItemTitle,
    MatListItemLine,
    CreateLink,
    PageHeader,
    ListFrame,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'cohorts.title' | t">
      @if (canCreate()) {
        <blup-create-link [label]="'cohorts.new' | t" />
      }
    </blup-page-header>
    <blup-list-frame [list]="list" emptyText="cohorts.empty">
      <mat-nav-list data-testid="list">
        @for (cohort of list.items(); track cohort.id) {
          <a mat-list-item [routerLink]="cohort.id">
            <span matListItemTitle>{{ cohort.name }}</span>
            <span matListItemLine>
              {{ 'cohorts.starts' | t: { date: cohort.startDate | localDate } }} ·
              {{ 'cohorts.villageCount' | t: { count: cohort.villageCount } }}
            </span>
          </a>
        }
      </mat-nav-list>
    </blup-list-frame>
  `,
})
export class CohortsPage {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);
  protected readonly list = pagedList((query) => this.api.cohorts(query));
  protected readonly canCreate = computed(() => isSecretariat(this.auth.user()));
}

import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatListItem, MatListItemLine, MatListItemTitle, MatNavList } from '@angular/material/list';
import { RouterLink } from '@angular/router';
import {
  AuthStore,
  OrganisationsApi,
  TranslatePipe,
  isSecretariat,
  pagedList,
} from '@blup/web/core';
import { CreateLink, PageHeader } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';

@Component({
  selector: 'blup-municipalities-page',
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
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'municipalities.title' | t">
      @if (canCreate()) {
        <blup-create-link [label]="'municipalities.new' | t" />
      }
    </blup-page-header>
    <blup-list-frame
      [list]="list"
      searchLabel="municipalities.search"
      emptyText="municipalities.empty"
    >
      <mat-nav-list data-testid="list">
        @for (municipality of list.items(); track municipality.id) {
          <a mat-list-item [routerLink]="municipality.id">
            <span matListItemTitle>{{ municipality.name }}</span>
            <span matListItemLine>{{
              'municipalities.villageCount' | t: { count: municipality.villageCount }
            }}</span>
          </a>
        }
      </mat-nav-list>
    </blup-list-frame>
  `,
})
export class MunicipalitiesPage {
  private readonly api = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);
  protected readonly list = pagedList((query) => this.api.municipalities(query));
  protected readonly canCreate = computed(() => isSecretariat(this.auth.user()));
}

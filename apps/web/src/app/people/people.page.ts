import { ChangeDetectionStrategy, Component, Injector, inject, input } from '@angular/core';
import { MatListItem, MatListItemLine, MatListItemTitle, MatNavList } from '@angular/material/list';
import { type PeopleQuery, type PersonDto, ROLES, type Role } from '@blup/contracts';
import { AuthStore, PeopleApi, pagedList, roleKey, statusKey } from '@blup/web/core';
import { ListFilter } from '../shared/list-filter';
import { ListFrame } from '../shared/list-frame';
import { openInviteDialog } from './open-invite-dialog';
import { PAGE_PARTS } from '../shared/page-parts';

/** People the signed-in person may see, with search, a role filter and the invite action. */
@Component({
  selector: 'blup-people-page',
  imports: [
    PAGE_PARTS,
    MatNavList,
    MatListItem,
    MatListItemTitle,
    MatListItemLine,
    ListFrame,
    ListFilter,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header [heading]="'people.title' | t">
      @if (auth.canInvite()) {
        <button matButton="filled" type="button" data-testid="invite" (click)="invite()">
          <blup-icon matButtonIcon name="add" />
          {{ 'people.invite' | t }}
        </button>
      }
    </blup-page-header>
    <blup-list-frame [list]="list" searchLabel="people.search" emptyText="people.empty">
      <blup-list-filter
        filters
        [list]="list"
        field="role"
        [options]="roles"
        [optionKey]="roleKey"
        label="people.filterRole"
        allLabel="people.allRoles"
        testId="role-filter"
      />
      <mat-nav-list data-testid="list">
        @for (person of list.items(); track person.id) {
          <a mat-list-item [routerLink]="['/people', person.id]">
            <span matListItemTitle>{{ person.name }}</span>
            <span matListItemLine
              >{{ roleKey(person.role) | t
              }}{{ placeOf(person) ? ' · ' + placeOf(person) : '' }}</span
            >
            <span matListItemLine>
              {{ person.email }}
              @if (person.status !== 'active') {
                · <strong>{{ statusKey(person.status) | t }}</strong>
              }
            </span>
          </a>
        }
      </mat-nav-list>
    </blup-list-frame>
  `,
})
export class PeoplePage {
  private readonly api = inject(PeopleApi);
  private readonly injector = inject(Injector);
  protected readonly auth = inject(AuthStore);

  /** `?villageId=` from a village page. */
  readonly villageId = input<string>();
  protected readonly roles: readonly Role[] = ROLES;
  protected readonly roleKey = roleKey;
  protected readonly statusKey = statusKey;
  protected readonly list = pagedList<PersonDto, PeopleQuery>((query) => this.api.list(query), {
    scope: () => ({ villageId: this.villageId() }),
  });

  protected placeOf(person: PersonDto): string {
    return person.villageName ?? person.municipalityName ?? '';
  }

  protected invite(): void {
    void openInviteDialog(this.injector).then((person) => person && this.list.reload());
  }
}

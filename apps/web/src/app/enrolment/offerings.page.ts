import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { OFFERING_KINDS, type OfferingDto, type OfferingKind } from '@blup/contracts';
import { EnrolmentApi, LocalDatePipe, TranslatePipe, pagedList } from '@blup/web/core';
import { CreateLink, Icon, PageHeader } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';
import { kindKey, offeringStateKey } from './enrolment-labels';

/** `/enrolment/offerings` (secretariat): every offering, drafts and closed ones too. */
@Component({
  selector: 'blup-offerings-page',
  imports: [
    RouterLink,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    CreateLink,
    Icon,
    PageHeader,
    ListFrame,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'enrolment.offerings.title' | t"
      [subheading]="'enrolment.offerings.intro' | t"
    >
      <blup-create-link [label]="'enrolment.offerings.create' | t" />
    </blup-page-header>
    <blup-list-frame [list]="list" emptyText="enrolment.offerings.empty">
      <mat-form-field filters class="filter" subscriptSizing="dynamic">
        <mat-label>{{ 'enrolment.offerings.kind' | t }}</mat-label>
        <mat-select
          [value]="list.query().kind ?? ''"
          (valueChange)="list.filter({ kind: $event || undefined })"
        >
          <mat-option value="">{{ 'common.all' | t }}</mat-option>
          @for (k of kinds; track k) {
            <mat-option [value]="k">{{ kindKey(k) | t }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <ul class="rows" data-testid="offerings">
        @for (o of list.items(); track o.id) {
          <li class="row">
            <a class="name" [routerLink]="o.id">
              <span>{{ o.name }}</span>
              <blup-icon class="go" name="next" />
            </a>
            <span class="meta">
              {{ kindKey(o.kind) | t }} · {{ stateKey(o.state) | t }}
              @if (o.startsOn) {
                · {{ o.startsOn | localDate }}
              }
            </span>
            <span class="meta">
              @if (o.capacity !== null) {
                {{
                  'enrolment.offerings.held'
                    | t: { held: o.placesTaken, capacity: o.capacity, waitlisted: o.waitlistCount }
                }}
              } @else {
                {{ 'enrolment.offerings.heldUnlimited' | t: { held: o.placesTaken } }}
              }
            </span>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .filter {
      flex: 1 1 240px;
      margin-block-end: 8px;
    }
    .rows {
      display: flex;
      flex-direction: column;
      gap: 8px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .row {
      display: flex;
      flex-direction: column;
      gap: 2px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .name {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      min-block-size: 48px;
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-on-surface);
      text-decoration: none;
    }
    .name:hover span {
      text-decoration: underline;
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .go {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class OfferingsPage {
  private readonly api = inject(EnrolmentApi);
  protected readonly kinds = OFFERING_KINDS;
  protected readonly kindKey = kindKey;
  protected readonly stateKey = offeringStateKey;
  protected readonly list = pagedList<OfferingDto, { kind: OfferingKind }>((query) =>
    this.api.offerings({ kind: query.kind, page: query.page, pageSize: query.pageSize }),
  );
}

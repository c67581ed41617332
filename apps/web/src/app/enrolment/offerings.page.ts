import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { OFFERING_KINDS, type OfferingDto, type OfferingKind } from '@blup/contracts';
import { EnrolmentApi, LocalDatePipe, TranslatePipe, pagedList } from '@blup/web/core';
import { CreateLink, Icon, PageHeader } from '@blup/web/ui';
import { ListFrame } from '../shared/list-frame';
import { RowList } from '../shared/row-list';
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
    RowList,
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
      <ul blupRows data-testid="offerings">
        @for (o of list.items(); track o.id) {
          <li class="blup-row">
            <a class="blup-row-link" [routerLink]="o.id">
              <span>{{ o.name }}</span>
              <blup-icon class="blup-row-go" name="next" />
            </a>
            <span class="blup-row-meta">
              {{ kindKey(o.kind) | t }} · {{ stateKey(o.state) | t }}
              @if (o.startsOn) {
                · {{ o.startsOn | localDate }}
              }
            </span>
            <span class="blup-row-meta">
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

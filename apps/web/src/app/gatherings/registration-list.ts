import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import {
  type GatheringAnswers,
  type GatheringQuestion,
  REGISTRATION_STATUSES,
  type RegistrationDto,
  type RegistrationStatus,
} from '@blup/contracts';
import { GatheringsApi, I18nService, TranslatePipe, pagedList } from '@blup/web/core';
import { Icon } from '@blup/web/ui';
import { ListFilter } from '../shared/list-filter';
import { ListFrame } from '../shared/list-frame';
import { statusKey } from './gathering-labels';
import { formatClock } from '../sessions/session-time';

/** The organisers' list of who registered: searchable, by status, with the CSV for the caterer. */
@Component({
  selector: 'blup-registration-list',
  imports: [MatButton, Icon, ListFrame, ListFilter, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a
      matButton="outlined"
      class="csv"
      [href]="api.registrationsCsvUrl(gatheringId())"
      download
      data-testid="csv"
    >
      <blup-icon matButtonIcon name="download" />
      {{ 'gatherings.csv' | t }}
    </a>
    <blup-list-frame
      [list]="list"
      searchLabel="gatherings.searchRegistrations"
      emptyText="gatherings.noRegistrations"
    >
      <blup-list-filter
        filters
        [list]="list"
        field="status"
        [options]="statuses"
        [optionKey]="statusKey"
        label="gatherings.statusFilter"
        allLabel="gatherings.allStatuses"
        testId="status-filter"
      />
      <ul class="rows" data-testid="registrations">
        @for (r of list.items(); track r.id) {
          <li>
            <span class="name">{{ r.name }}</span>
            <span class="meta">{{ r.email }}</span>
            <span class="meta">
              {{ statusKey(r.status) | t }}
              @if (r.waitlistPosition) {
                (#{{ r.waitlistPosition }})
              }
              · {{ 'gatherings.places' | t: { count: r.places } }}
              @if (r.guest) {
                · {{ 'gatherings.guest' | t }}
              }
              @if (r.checkedInAt) {
                · {{ 'gatherings.checkedInAt' | t: { time: clock(r.checkedInAt) } }}
              }
            </span>
            @if (answerText(r.answers); as text) {
              <span class="meta">{{ text }}</span>
            }
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .csv {
      margin-block-end: 12px;
      min-block-size: 48px;
    }
    .rows {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      flex-direction: column;
      padding: 12px 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .name {
      font: var(--mat-sys-title-medium);
    }
    .meta {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      overflow-wrap: anywhere;
    }
  `,
})
export class RegistrationList {
  protected readonly api = inject(GatheringsApi);
  private readonly i18n = inject(I18nService);

  readonly gatheringId = input.required<string>();
  readonly questions = input.required<readonly GatheringQuestion[]>();

  protected readonly list = pagedList<RegistrationDto, { status: RegistrationStatus }>(
    ({ status, q, page, pageSize }) =>
      this.api.registrations(this.gatheringId(), { status, q, page, pageSize }),
  );
  protected readonly statuses = REGISTRATION_STATUSES;
  protected readonly statusKey = statusKey;

  protected clock(iso: string): string {
    return formatClock(iso, this.i18n.locale());
  }

  /** "Hvor mange kommer I?: 2 · Mad og allergi: vegetar" */
  protected answerText(answers: GatheringAnswers): string {
    return this.questions()
      .filter((q) => answers[q.id] !== undefined && answers[q.id] !== '')
      .map((q) => `${q.label.replace(/\s*\(.*\)$/, '')}: ${answers[q.id]}`)
      .join(' · ');
  }
}

import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { OverviewSessionDto, VillageOverviewDto } from '@blup/contracts';
import { OrganisationsApi, TranslatePipe, pagedList } from '@blup/web/core';
import { CARD_LIST_STYLES, Icon } from '@blup/web/ui';
import { tap } from 'rxjs';
import { phaseKey } from '../circles/circle-labels';
import { SessionTimePipe } from '../sessions/session-time.pipe';
import { ListFrame } from '../shared/list-frame';

/**
 * "Min kommune" for its coordinators (and the secretariat): the coordinator circle's next
 * session, then each village at a glance (phase, next session, attendance, course progress,
 * open next steps), one large card per village that opens it.
 */
@Component({
  selector: 'blup-municipality-overview',
  imports: [RouterLink, MatProgressBar, Icon, ListFrame, SessionTimePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="coordinator" data-testid="coordinator-circle" aria-labelledby="cc-heading">
      <h2 class="section-title" id="cc-heading">{{ 'municipalities.coordinatorCircle' | t }}</h2>
      @if (coordinatorNext(); as s) {
        <a class="card" [routerLink]="['/sessions', s.id]">
          <span class="title">{{ s.title }}</span>
          <span class="line">{{ s | sessionTime }}</span>
        </a>
      } @else if (loaded()) {
        <p class="muted">{{ 'municipalities.noCoordinatorSession' | t }}</p>
      }
    </section>

    <h2 class="section-title">{{ 'municipalities.overviewTitle' | t }}</h2>
    <blup-list-frame [list]="villages" emptyText="villages.empty">
      <ul class="cards" data-testid="village-overview">
        @for (v of villages.items(); track v.villageId) {
          <li>
            <a
              class="card"
              [routerLink]="['/villages', v.villageId]"
              [attr.data-testid]="'village-' + v.villageId"
            >
              <span class="title">{{ v.villageName }}</span>
              <span class="line">
                <blup-icon name="cohort" />
                {{ v.phase ? (phaseKey(v.phase) | t) : ('municipalities.noPhase' | t) }}
              </span>
              <span class="line" data-testid="next-session">
                @if (v.nextSession; as s) {
                  {{ 'municipalities.nextSession' | t: { when: (s | sessionTime) } }}
                } @else {
                  {{ 'municipalities.noNextSession' | t }}
                }
              </span>
              <span class="line" data-testid="attendance">
                @if (v.attendancePercent !== null) {
                  {{ 'municipalities.attendance' | t: { percent: v.attendancePercent } }}
                } @else if (v.heldSessions > 0) {
                  {{ 'municipalities.attendanceNotTaken' | t }}
                } @else {
                  {{ 'municipalities.noAttendance' | t }}
                }
              </span>
              <span class="line" data-testid="course">
                @if (v.coursePercent !== null) {
                  {{ 'municipalities.courseProgress' | t: { percent: v.coursePercent } }}
                } @else {
                  {{ 'municipalities.noCourse' | t }}
                }
              </span>
              @if (v.coursePercent !== null) {
                <mat-progress-bar
                  mode="determinate"
                  [value]="v.coursePercent"
                  [attr.aria-label]="
                    'municipalities.courseProgress' | t: { percent: v.coursePercent }
                  "
                />
              }
              <span class="line" data-testid="next-steps">
                {{ 'municipalities.openNextSteps' | t: { count: v.openNextSteps } }}
              </span>
            </a>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: [
    CARD_LIST_STYLES,
    `
      .cards {
        gap: 12px;
      }
      .card {
        gap: 6px;
        min-block-size: 56px;
        background: var(--mat-sys-surface-container);
      }
      .card:hover,
      .card:focus-visible {
        background: var(--mat-sys-surface-container-high);
      }
      .title {
        font: var(--mat-sys-title-medium);
      }
      .line {
        display: flex;
        align-items: center;
        gap: 8px;
        font: var(--mat-sys-body-large);
      }
      .muted {
        font: var(--mat-sys-body-large);
        color: var(--mat-sys-on-surface-variant);
      }
      .coordinator {
        margin-block-end: 16px;
      }
    `,
  ],
})
export class MunicipalityOverview {
  private readonly api = inject(OrganisationsApi);

  readonly municipalityId = input.required<string>();
  protected readonly phaseKey = phaseKey;
  protected readonly coordinatorNext = signal<OverviewSessionDto | null>(null);
  protected readonly loaded = signal(false);
  protected readonly villages = pagedList<VillageOverviewDto, { municipalityId: string }>(
    ({ municipalityId, ...query }) =>
      this.api.municipalityOverview(municipalityId ?? this.municipalityId(), query).pipe(
        tap((overview) => {
          this.coordinatorNext.set(overview.coordinatorCircleNextSession);
          this.loaded.set(true);
        }),
      ),
    { scope: () => ({ municipalityId: this.municipalityId() }) },
  );
}

import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  type CircleDto,
  MAX_PAGE_SIZE,
  Role,
  SESSION_LIMITS,
  type SessionSummaryDto,
  type VillageAttendanceRow,
} from '@blup/contracts';
import { CirclesApi, I18nService, PeopleApi, pagedList } from '@blup/web/core';
import { of } from 'rxjs';
import { FORM_FIELDS } from '../shared/form-fields';
import { ListFrame } from '../shared/list-frame';
import { submitter } from '../shared/submitter';
import { CircleTimePipe, circleKindKey, circleName, sessionStatusKey } from './circle-labels';
import { PAGE_PARTS } from '../shared/page-parts';

/** `/circles/:id`: a circle's room, facilitator, sessions and, for a village, attendance. */
@Component({
  selector: 'blup-circle-page',
  imports: [PAGE_PARTS, FORM_FIELDS, ListFrame, CircleTimePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state
      [loading]="circle.isLoading() && !circle.hasValue()"
      [error]="circle.error()"
    />
    @if (circle.hasValue()) {
      @let c = circle.value();
      <blup-page-header
        [heading]="name(c)"
        [subheading]="(kindKey(c.kind) | t) + ' · ' + c.cohortName"
      >
        @if (c.canEdit) {
          <a matButton="filled" routerLink="sessions/new" data-testid="add-session">
            <blup-icon matButtonIcon name="add" />
            {{ 'circles.addSession' | t }}
          </a>
        }
      </blup-page-header>
      @if (c.archived) {
        <p class="archived">{{ 'circles.archived' | t }}</p>
      }

      <section class="card" aria-labelledby="room-title">
        <h2 id="room-title" class="section-title">{{ 'circles.room' | t }}</h2>
        @if (c.roomUrl) {
          <a
            matButton="filled"
            [href]="c.roomUrl"
            target="_blank"
            rel="noopener"
            data-testid="room-link"
          >
            <blup-icon matButtonIcon name="link" />
            {{ 'circles.joinRoom' | t }}
          </a>
          <p class="url">{{ c.roomUrl }}</p>
        } @else {
          <p>{{ 'circles.noRoom' | t }}</p>
        }
        <p>
          <strong>{{ 'circles.facilitator' | t }}:</strong>
          {{ c.facilitator?.name ?? ('circles.noFacilitator' | t) }}
        </p>
        @if (c.canEdit) {
          <form
            class="edit"
            novalidate
            [formGroup]="form"
            (ngSubmit)="saveCircle()"
            data-testid="circle-form"
          >
            <h3 class="sub-title">{{ 'circles.editCircle' | t }}</h3>
            <blup-api-error [error]="save.error()" />
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'circles.roomUrl' | t }}</mat-label>
              <input matInput type="url" formControlName="roomUrl" data-testid="room-url" />
              <mat-hint>{{ 'circles.roomHint' | t }}</mat-hint>
              <mat-error>{{ form.controls.roomUrl | fieldError }}</mat-error>
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'circles.facilitatorId' | t }}</mat-label>
              <mat-select formControlName="facilitatorId">
                <mat-option value="">{{ 'circles.noFacilitator' | t }}</mat-option>
                @for (person of facilitators(); track person.id) {
                  <mat-option [value]="person.id">{{ person.name }}</mat-option>
                }
              </mat-select>
              <mat-error>{{ form.controls.facilitatorId | fieldError }}</mat-error>
            </mat-form-field>
            <div>
              <button
                matButton="outlined"
                type="submit"
                [disabled]="save.busy()"
                data-testid="save"
              >
                {{ 'common.save' | t }}
              </button>
            </div>
          </form>
        }
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title" class="section-title">{{ 'circles.sessions' | t }}</h2>
        <p class="note">{{ 'circles.timesNote' | t }}</p>
        <blup-list-frame [list]="sessions" emptyText="circles.noSessions">
          <ul class="sessions" data-testid="sessions">
            @for (s of sessions.items(); track s.id) {
              <li class="session" [class.cancelled]="s.status === 'cancelled'">
                <div class="session-text">
                  <a [routerLink]="['/sessions', s.id]" class="session-title">{{ s.title }}</a>
                  <span>{{ s.startsAt | circleTime }}</span>
                  @if (s.topic) {
                    <span class="muted">{{ s.topic }}</span>
                  }
                </div>
                <span class="status status-{{ s.status }}">{{ statusKey(s.status) | t }}</span>
                @if (c.canEdit) {
                  <a
                    matButton
                    [routerLink]="['/circles/sessions', s.id, 'edit']"
                    [attr.aria-label]="('circles.editSession' | t) + ': ' + s.title"
                  >
                    <blup-icon matButtonIcon name="edit" />
                    {{ 'circles.editSession' | t }}
                  </a>
                }
              </li>
            }
          </ul>
        </blup-list-frame>
      </section>

      @if (c.villageId) {
        <section aria-labelledby="attendance-title">
          <h2 id="attendance-title" class="section-title">{{ 'circles.attendance' | t }}</h2>
          <blup-list-frame [list]="attendance" emptyText="circles.attendanceEmpty">
            <ul class="people" data-testid="attendance">
              @for (row of attendance.items(); track row.person.id) {
                <li>
                  <strong>{{ row.person.name }}</strong>
                  @if (row.part === 'guest') {
                    ({{ 'circles.guest' | t }})
                  }
                  <span class="muted">
                    {{
                      'circles.attendanceRow'
                        | t
                          : {
                              present: row.present,
                              held: row.held,
                              absent: row.absent,
                              excused: row.excused,
                            }
                    }}
                  </span>
                </li>
              }
            </ul>
          </blup-list-frame>
        </section>
      }
    }
  `,
  styles: `
    section {
      margin-block-end: 32px;
    }
    .card {
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .archived,
    .note,
    .muted,
    .url {
      color: var(--mat-sys-on-surface-variant);
    }
    .url {
      overflow-wrap: anywhere;
      font: var(--mat-sys-body-small);
    }
    .sub-title {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 0;
    }
    .edit {
      display: flex;
      flex-direction: column;
      gap: 16px;
      max-inline-size: 560px;
    }
    .sessions,
    .people {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .session {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
      padding-block: 12px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .session-text {
      display: flex;
      flex-direction: column;
      flex: 1 1 240px;
    }
    .session-title {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
      padding-block: 4px;
    }
    .cancelled .session-title {
      text-decoration: line-through;
    }
    .status {
      padding: 4px 12px;
      border-radius: 16px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-high);
    }
    .status-held {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .people li {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 8px;
      padding-block: 10px;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
  `,
})
export class CirclePage {
  private readonly api = inject(CirclesApi);
  private readonly people = inject(PeopleApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);

  readonly id = input.required<string>();
  protected readonly kindKey = circleKindKey;
  protected readonly statusKey = sessionStatusKey;

  protected readonly circle = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.circle(params),
  });
  protected readonly sessions = pagedList<SessionSummaryDto, { circleId: string }>(
    ({ circleId, page, pageSize }) => this.api.circleSessions(circleId ?? '', { page, pageSize }),
    { scope: () => ({ circleId: this.id() }) },
  );
  private readonly villageId = computed(() =>
    this.circle.hasValue() ? this.circle.value().villageId : null,
  );
  protected readonly attendance = pagedList<VillageAttendanceRow, { villageId: string }>(
    ({ villageId, page, pageSize }) =>
      villageId
        ? this.api.villageAttendance(villageId, { page, pageSize })
        : of({ items: [], total: 0, page: 1, pageSize }),
    { scope: () => ({ villageId: this.villageId() ?? '' }) },
  );
  private readonly canEdit = computed(() => this.circle.hasValue() && this.circle.value().canEdit);
  private readonly facilitatorOptions = rxResource({
    params: () => this.canEdit() || undefined,
    stream: () => this.people.list({ role: Role.Secretariat, pageSize: MAX_PAGE_SIZE }),
  });
  protected readonly facilitators = computed(() =>
    this.facilitatorOptions.hasValue() ? this.facilitatorOptions.value().items : [],
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    roomUrl: ['', Validators.maxLength(SESSION_LIMITS.url)],
    facilitatorId: [''],
  });
  protected readonly save = submitter();

  constructor() {
    effect(() => {
      if (!this.circle.hasValue()) return;
      const c = this.circle.value();
      this.form.reset({ roomUrl: c.roomUrl ?? '', facilitatorId: c.facilitator?.id ?? '' });
    });
  }

  protected name(c: CircleDto): string {
    return circleName(c, this.i18n);
  }

  protected saveCircle(): void {
    const v = this.form.getRawValue();
    this.save.run(
      this.form,
      () =>
        this.api.updateCircle(this.id(), {
          roomUrl: v.roomUrl.trim() || null,
          facilitatorId: v.facilitatorId || null,
        }),
      (saved) => {
        this.circle.set(saved);
        this.snackBar.open(this.i18n.t('circles.circleSaved'), undefined, { duration: 4000 });
      },
    );
  }
}

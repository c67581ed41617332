import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { ATTENDANCE_STATUSES, RsvpAnswer, type SessionDto, SessionStatus } from '@blup/contracts';
import { SessionsApi } from '@blup/web/core';
import { LinkedDocuments } from '../library/linked-documents';
import { MaterialList } from './material-list';
import { NextStepList } from './next-step-list';
import { OutcomeForm } from './outcome-form';
import { SessionActions } from './session-actions';
import {
  agendaKindKey,
  attendanceKey,
  circleLabel,
  rsvpKey,
  sessionStatusKey,
} from './session-labels';
import { hasStarted } from './session-time';
import { SessionTimePipe } from './session-time.pipe';
import { PAGE_PARTS } from '../shared/page-parts';

/** One session: when, how to join, the agenda and materials, answers, attendance and outcome. */
@Component({
  selector: 'blup-session-page',
  imports: [
    PAGE_PARTS,
    LinkedDocuments,
    MaterialList,
    NextStepList,
    OutcomeForm,
    SessionActions,
    SessionTimePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back" routerLink="/sessions">
      <blup-icon name="back" />
      {{ 'sessions.allSessions' | t }}
    </a>
    <blup-load-state [loading]="session.isLoading()" [error]="session.error()" />
    @if (session.hasValue()) {
      @let s = session.value();
      @let circle = circleOf(s);
      <blup-page-header [heading]="s.title" [subheading]="circle.key | t: circle.params" />
      <div class="facts" data-testid="session-facts">
        <span class="chip" [class]="s.status" data-testid="session-status">{{
          sessionStatusKey(s.status) | t
        }}</span>
        <p class="when" data-testid="session-time">{{ s | sessionTime }}</p>
        @if (s.facilitator) {
          <p class="meta">{{ 'sessions.facilitator' | t: { name: s.facilitator.name } }}</p>
        }
        @if (s.topic) {
          <p class="topic">{{ s.topic }}</p>
        }
        <p class="meta">
          {{ 'sessions.members' | t: { count: s.memberCount } }}
        </p>
        @if (s.myAttendance) {
          <p class="meta" data-testid="my-attendance">
            {{ 'sessions.myAttendance' | t: { status: attendanceKey(s.myAttendance) | t } }}
          </p>
        }
      </div>

      <blup-session-actions class="actions" [session]="s" (answered)="session.set($event)">
        @if (s.canTakeAttendance && s.status !== cancelledStatus && !started(s)) {
          <p class="meta later">{{ 'sessions.attendanceLater' | t }}</p>
        } @else if (s.canTakeAttendance && s.status !== cancelledStatus) {
          <a
            matButton="filled"
            class="take"
            data-testid="take-attendance"
            [routerLink]="['/sessions', s.id, 'attendance']"
          >
            <blup-icon matButtonIcon name="people" />
            {{ 'sessions.takeAttendance' | t }}
          </a>
        }
      </blup-session-actions>

      <section class="block" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{{ 'sessions.agenda' | t }}</h2>
        @if (s.agenda.length) {
          <ol class="agenda" data-testid="agenda">
            @for (item of s.agenda; track $index) {
              <li>
                <span class="item-text">
                  <span class="kind">{{ agendaKindKey(item.kind) | t }}</span>
                  <span>{{ item.title }}</span>
                </span>
                <span class="minutes">{{ 'sessions.minutes' | t: { minutes: item.minutes } }}</span>
              </li>
            }
          </ol>
          <p class="total">{{ 'sessions.agendaTotal' | t: { minutes: agendaMinutes() } }}</p>
        } @else {
          <p class="meta">{{ 'sessions.noAgenda' | t }}</p>
        }
      </section>

      <section class="block" aria-labelledby="materials-heading">
        <h2 id="materials-heading">{{ 'sessions.materials' | t }}</h2>
        <blup-material-list [materials]="s.materials" />
      </section>
      <blup-linked-documents target="session" [targetId]="id()" />

      <div class="counts">
        <section class="block" aria-labelledby="answers-heading">
          <h2 id="answers-heading">{{ 'sessions.answers' | t }}</h2>
          <dl data-testid="answer-counts">
            @for (answer of answers; track answer) {
              <div>
                <dt>{{ rsvpKey(answer) | t }}</dt>
                <dd>{{ s.rsvpCounts[answer] }}</dd>
              </div>
            }
            <div>
              <dt>{{ 'sessions.notAnswered' | t }}</dt>
              <dd>{{ s.rsvpCounts.none }}</dd>
            </div>
          </dl>
        </section>
        <section class="block" aria-labelledby="attendance-heading">
          <h2 id="attendance-heading">{{ 'sessions.attendance' | t }}</h2>
          <dl data-testid="attendance-counts">
            @for (status of statuses; track status) {
              <div [attr.data-testid]="'count-' + status">
                <dt>{{ attendanceKey(status) | t }}</dt>
                <dd>{{ s.attendanceCounts[status] }}</dd>
              </div>
            }
            <div>
              <dt>{{ 'sessions.unrecorded' | t }}</dt>
              <dd>{{ s.attendanceCounts.unrecorded }}</dd>
            </div>
          </dl>
        </section>
      </div>

      <section class="block" aria-labelledby="outcome-heading" data-testid="outcome">
        <h2 id="outcome-heading">{{ 'sessions.notes' | t }}</h2>
        @if (editing()) {
          <blup-outcome-form
            [session]="s"
            (saved)="outcomeSaved($event)"
            (cancelled)="editing.set(false)"
          />
        } @else {
          <p class="status" role="status">
            @if (savedMessage()) {
              {{ 'sessions.outcomeSaved' | t }}
            }
          </p>
          @if (s.notes) {
            <p class="notes" data-testid="notes-text">{{ s.notes }}</p>
          } @else {
            <p class="meta">{{ 'sessions.noNotes' | t }}</p>
          }
          <h3>{{ 'sessions.nextSteps' | t }}</h3>
          <blup-next-step-list [steps]="s.nextSteps" />
          @if (s.canEditOutcome) {
            <button
              matButton="outlined"
              type="button"
              class="edit"
              data-testid="edit-outcome"
              (click)="editing.set(true); savedMessage.set(false)"
            >
              <blup-icon matButtonIcon name="edit" />
              {{ 'sessions.editOutcome' | t }}
            </button>
          }
        }
      </section>
    }
  `,
  styles: `
    .back {
      display: inline-flex;
      align-items: center;
      gap: 8px;
      min-block-size: 48px;
    }
    .facts {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 4px;
      margin-block-end: 16px;
    }
    .facts p {
      margin: 0;
    }
    .chip {
      padding: 4px 12px;
      border-radius: var(--mat-sys-corner-full);
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font: var(--mat-sys-label-large);
    }
    .chip.cancelled {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .chip.held {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .when {
      font: var(--mat-sys-title-large);
    }
    .topic {
      font: var(--mat-sys-body-large);
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      margin-block-end: 24px;
    }
    .later {
      flex-basis: 100%;
    }
    .take {
      flex-basis: 100%;
      min-block-size: 56px;
      font: var(--mat-sys-title-medium);
    }
    .block {
      margin-block-end: 16px;
      padding: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    h2 {
      margin: 0 0 8px;
      font: var(--mat-sys-title-large);
    }
    h3 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .agenda {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .agenda li {
      display: flex;
      justify-content: space-between;
      gap: 12px;
      padding: 8px 0;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
    }
    .item-text {
      display: flex;
      flex-direction: column;
      flex: 1;
      min-inline-size: 0;
    }
    .kind {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-primary);
    }
    .minutes {
      white-space: nowrap;
      font: var(--mat-sys-body-medium);
    }
    .total {
      margin: 8px 0 0;
      font: var(--mat-sys-title-small);
      text-align: end;
    }
    .counts {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 260px), 1fr));
      gap: 0 16px;
    }
    dl {
      display: grid;
      grid-template-columns: repeat(2, 1fr);
      gap: 8px;
      margin: 0;
    }
    dl div {
      display: flex;
      flex-direction: column;
    }
    dt {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .notes {
      margin: 0;
      white-space: pre-wrap;
      font: var(--mat-sys-body-large);
    }
    .edit {
      min-block-size: 48px;
      margin-block-start: 12px;
    }
    .status {
      margin: 0;
      color: var(--mat-sys-primary);
    }
    .status:empty {
      display: none;
    }
  `,
})
export class SessionPage {
  private readonly api = inject(SessionsApi);

  readonly id = input.required<string>();
  protected readonly session = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.session(params),
  });
  protected readonly editing = signal(false);
  protected readonly savedMessage = signal(false);
  protected readonly agendaMinutes = computed(() =>
    this.session.hasValue()
      ? this.session.value().agenda.reduce((sum, item) => sum + item.minutes, 0)
      : 0,
  );

  protected readonly answers = [RsvpAnswer.Yes, RsvpAnswer.Maybe, RsvpAnswer.No] as const;
  protected readonly statuses = ATTENDANCE_STATUSES;
  protected readonly cancelledStatus = SessionStatus.Cancelled;
  protected readonly circleOf = circleLabel;
  protected readonly rsvpKey = rsvpKey;
  protected readonly attendanceKey = attendanceKey;
  protected readonly agendaKindKey = agendaKindKey;
  protected readonly sessionStatusKey = sessionStatusKey;

  protected started(session: SessionDto): boolean {
    return hasStarted(session.startsAt);
  }

  protected outcomeSaved(session: SessionDto): void {
    this.session.set(session);
    this.editing.set(false);
    this.savedMessage.set(true);
  }
}

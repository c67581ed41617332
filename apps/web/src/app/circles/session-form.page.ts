import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormArray, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { CircleKind, Phase, SESSION_LIMITS, SessionStatus } from '@blup/contracts';
import { CirclesApi, I18nService, SessionsApi } from '@blup/web/core';
import { confirmAction } from '../shared/confirm-action';
import { FORM_FIELDS } from '../shared/form-fields';
import { submitter } from '../shared/submitter';
import {
  AgendaEditor,
  agendaArray,
  agendaKindTitles,
  agendaValue,
  setAgenda,
} from './agenda-editor';
import { circleName } from './circle-labels';
import {
  type MaterialGroup,
  MaterialsEditor,
  materialGroup,
  materialsValue,
} from './materials-editor';
import { defaultAgenda } from './plan-series';
import { SessionFields } from './session-fields';
import {
  mapTimeDetails,
  sessionSpan,
  sessionTimeControls,
  sessionTimeFields,
  spanMoved,
} from './session-times';
import { PAGE_PARTS } from '../shared/page-parts';

/**
 * Adjust one circle's session (`/circles/sessions/:id/edit`): time, content, own link, held,
 * cancel. Or add a one-off session to a circle (`/circles/:id/sessions/new`, `id` the circle).
 */
@Component({
  selector: 'blup-session-form-page',
  imports: [PAGE_PARTS, FORM_FIELDS, MatCheckbox, AgendaEditor, MaterialsEditor, SessionFields],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="loading()" [error]="loadError()" />
    <blup-page-header
      [heading]="
        (creating() ? 'circles.addSessionTitle' : 'circles.editSessionTitle')
          | t: { circle: circleName() }
      "
      [subheading]="creating() ? ('circles.timesNote' | t) : ('circles.editSessionNote' | t)"
    >
      <a matButton [routerLink]="backLink()">
        <blup-icon matButtonIcon name="back" />
        {{ 'common.back' | t }}
      </a>
    </blup-page-header>
    @if (cancelled()) {
      <p class="cancelled" role="status">{{ 'circles.alreadyCancelled' | t }}</p>
    }
    <form
      class="form"
      novalidate
      [formGroup]="form"
      (ngSubmit)="submit()"
      data-testid="session-form"
    >
      <div class="fields">
        <blup-session-fields [controls]="form.controls" [minMinutes]="1" [topicHint]="true" />
        <mat-form-field subscriptSizing="dynamic" class="wide">
          <mat-label>{{ 'circles.meetingUrl' | t }}</mat-label>
          <input matInput type="url" formControlName="meetingUrl" data-testid="meeting-url" />
          <mat-hint>{{ 'circles.meetingUrlHint' | t }}</mat-hint>
          <mat-error>{{ form.controls.meetingUrl | fieldError }}</mat-error>
        </mat-form-field>
        @if (!creating()) {
          <mat-checkbox formControlName="held" class="wide" data-testid="held">
            {{ 'circles.markHeld' | t }}
          </mat-checkbox>
        }
      </div>

      <h2 class="section-title">{{ 'circles.agendaTitle' | t }}</h2>
      <blup-agenda-editor [items]="agenda" />

      <h2 class="section-title">{{ 'circles.materials' | t }}</h2>
      <blup-materials-editor [materials]="materials" />

      <blup-api-error [error]="save.error()" />
      <div class="actions">
        <button matButton="filled" type="submit" [disabled]="save.busy()" data-testid="save">
          {{ (creating() ? 'common.create' : 'common.save') | t }}
        </button>
        @if (!creating() && !cancelled()) {
          <button
            matButton="outlined"
            type="button"
            class="danger"
            (click)="cancelSession()"
            data-testid="cancel-session"
          >
            {{ 'circles.cancelSession' | t }}
          </button>
        }
      </div>
    </form>
  `,
  styles: `
    .form {
      display: flex;
      flex-direction: column;
      gap: 8px;
      max-inline-size: 880px;
    }
    .fields {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
      gap: 16px;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .cancelled {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      margin-block: 16px;
    }
    .danger {
      color: var(--mat-sys-error);
    }
  `,
})
export class SessionFormPage {
  private readonly api = inject(CirclesApi);
  private readonly sessionsApi = inject(SessionsApi);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);

  /** The session's id when editing; the circle's id when adding (`mode` is `new`). */
  readonly id = input.required<string>();
  readonly mode = input<'edit' | 'new'>('edit');
  protected readonly creating = computed(() => this.mode() === 'new');

  protected readonly session = rxResource({
    params: () => (this.creating() ? undefined : this.id()),
    stream: ({ params }) => this.sessionsApi.session(params),
  });
  protected readonly circle = rxResource({
    params: () =>
      this.creating()
        ? this.id()
        : this.session.hasValue()
          ? this.session.value().circleId
          : undefined,
    stream: ({ params }) => this.api.circle(params),
  });
  protected readonly loading = computed(() => this.session.isLoading() || this.circle.isLoading());
  protected readonly loadError = computed(() => this.session.error() ?? this.circle.error());
  protected readonly circleName = computed(() =>
    this.circle.hasValue() ? circleName(this.circle.value(), this.i18n) : '…',
  );
  protected readonly cancelled = computed(
    () => this.session.hasValue() && this.session.value().status === SessionStatus.Cancelled,
  );
  protected readonly backLink = computed(() => {
    if (this.creating()) return ['/circles', this.id()];
    return this.session.hasValue() ? ['/circles', this.session.value().circleId] : ['/circles'];
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    ...sessionTimeControls({ date: '', time: '19:00', durationMinutes: 120 }, 1),
    title: ['', [Validators.required, Validators.maxLength(SESSION_LIMITS.title)]],
    phase: [Phase.Mobilisation as Phase],
    topic: ['', Validators.maxLength(SESSION_LIMITS.topic)],
    meetingUrl: ['', Validators.maxLength(SESSION_LIMITS.url)],
    held: [false],
  });
  protected readonly agenda = agendaArray(
    defaultAgenda(CircleKind.Village, agendaKindTitles(this.i18n)),
  );
  protected readonly materials = new FormArray<MaterialGroup>([]);
  protected readonly save = submitter();
  private readonly confirm = confirmAction();

  constructor() {
    effect(() => {
      if (!this.session.hasValue()) return;
      const s = this.session.value();
      const ownLink =
        s.meetingUrl && this.circle.hasValue() && s.meetingUrl !== this.circle.value().roomUrl;
      this.form.reset({
        ...sessionTimeFields(s),
        title: s.title,
        phase: s.phase,
        topic: s.topic,
        meetingUrl: ownLink ? (s.meetingUrl ?? '') : '',
        held: s.status === SessionStatus.Held,
      });
      setAgenda(this.agenda, s.agenda);
      this.materials.clear();
      for (const m of s.materials) this.materials.push(materialGroup(m));
    });
  }

  protected submit(): void {
    const v = this.form.getRawValue();
    const span = sessionSpan(v.date, v.time, Number(v.durationMinutes));
    const materials = materialsValue(this.materials);
    const content = {
      title: v.title.trim(),
      phase: v.phase,
      topic: v.topic.trim(),
      agenda: agendaValue(this.agenda),
      materials,
    };
    const form = new FormGroup({
      ...this.form.controls,
      agenda: this.agenda,
      materials: this.materials,
    });
    if (this.creating()) {
      this.save.run(
        form,
        () =>
          this.api.addSession(this.id(), {
            ...content,
            ...span,
            ...(v.meetingUrl.trim() ? { meetingUrl: v.meetingUrl.trim() } : {}),
          }),
        () => {
          this.snackBar.open(this.i18n.t('circles.sessionAdded'), undefined, { duration: 4000 });
          void this.router.navigate(['/circles', this.id()]);
        },
        (error) => this.timeErrors(error),
      );
      return;
    }
    const s = this.session.hasValue() ? this.session.value() : null;
    if (!s) return;
    this.save.run(
      form,
      () =>
        this.api.updateSession(s.id, {
          ...content,
          ...(spanMoved(span, s) ? span : {}),
          meetingUrl: v.meetingUrl.trim() || null,
          ...(s.status !== SessionStatus.Cancelled
            ? { status: v.held ? SessionStatus.Held : SessionStatus.Planned }
            : {}),
        }),
      () => {
        this.snackBar.open(this.i18n.t('circles.sessionSaved'), undefined, { duration: 4000 });
        void this.router.navigate(['/circles', s.circleId]);
      },
      (error) => this.timeErrors(error),
    );
  }

  protected cancelSession(): void {
    const s = this.session.hasValue() ? this.session.value() : null;
    if (!s) return;
    this.confirm({
      ask: {
        title: this.i18n.t('circles.cancelSessionTitle', { title: s.title }),
        message: this.i18n.t('circles.cancelSessionMessage'),
        confirm: this.i18n.t('circles.cancelSession'),
        cancel: this.i18n.t('common.back'),
      },
      act: () => this.api.cancelSession(s.id),
      done: 'circles.sessionCancelled',
      then: () => this.session.reload(),
      failed: (error) => this.save.error.set(error),
    });
  }

  /** The API names `startsAt`/`endsAt`; our form shows date and time, so put it at the date. */
  private timeErrors(error: unknown): boolean {
    queueMicrotask(() => mapTimeDetails(this.form.controls.date, error));
    return false;
  }
}

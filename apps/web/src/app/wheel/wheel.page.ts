import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  ErrorCode,
  WheelFrequency,
  type DocumentConflict,
  type PlanContent,
  type WheelActivity,
  type WheelContent,
} from '@blup/contracts';
import { ApiError, I18nService, WheelReportApi } from '@blup/web/core';
import { CopyField } from '@blup/web/ui';
import { DocumentConflictView } from '../plans/document-conflict';
import { PAGE_PARTS } from '../shared/page-parts';
import { submitter } from '../shared/submitter';
import { ActivityForm } from './activity-form';
import { MonthGrid } from './month-grid';
import { whenLabel } from './wheel-labels';
import { YearWheel } from './year-wheel';

function newId(): string {
  return `a${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * `/villages/:villageId/wheel`: the village's annual wheel as a year of months. The steering
 * group adds and changes activities on the phone and saves the whole wheel (a 409 when someone
 * saved in between); the coordination group publishes it, and then it is an iCal feed.
 */
@Component({
  selector: 'blup-wheel-page',
  imports: [PAGE_PARTS, MonthGrid, YearWheel, ActivityForm, CopyField, DocumentConflictView],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-page-header
      [heading]="'wheel.title' | t: { village: villageName() }"
      [subheading]="'wheel.intro' | t"
    >
      @if (canEdit() && !editing()) {
        <button matButton="filled" type="button" data-testid="add-activity" (click)="addNew()">
          <blup-icon matButtonIcon name="add" />
          {{ 'wheel.add' | t }}
        </button>
      }
    </blup-page-header>
    <blup-load-state [loading]="doc.isLoading()" [error]="doc.error()" />
    @if (editing(); as e) {
      <blup-activity-form
        [activity]="e.activity"
        [existing]="e.existing"
        (done)="apply($event)"
        (cancelled)="editing.set(null)"
        (removed)="remove($event)"
      />
    }
    @if (document(); as d) {
      <div class="status" data-testid="wheel-status">
        @if (d.published) {
          <p>{{ 'wheel.published' | t: { version: d.published.version } }}</p>
        }
        @if (d.changedSincePublished || dirty()) {
          <p>{{ 'wheel.unpublishedChanges' | t }}</p>
        }
      </div>
      @if (icsUrl(); as url) {
        <section class="calendar" data-testid="wheel-calendar">
          <label for="wheel-ics">{{ 'wheel.calendar' | t }}</label>
          <blup-copy-field
            [value]="url"
            inputId="wheel-ics"
            describedBy="wheel-ics-hint"
            inputTestId="wheel-ics"
            icon="article"
            [buttonLabel]="'wheel.copy' | t"
          />
          <p class="hint" id="wheel-ics-hint">{{ 'wheel.calendarHint' | t }}</p>
          <a matButton="outlined" [href]="webcal()" data-testid="open-wheel-ics">
            <blup-icon matButtonIcon name="cohort" />
            {{ 'wheel.openCalendar' | t }}
          </a>
        </section>
      }
      @if (!activities().length) {
        <p data-testid="wheel-empty">{{ 'wheel.empty' | t }}</p>
      }
      <div class="year">
        <blup-year-wheel class="wide-only" [activities]="activities()" />
        <blup-month-grid
          [activities]="activities()"
          [editable]="canEdit()"
          (selected)="edit($event)"
        />
      </div>
      <p class="hint">{{ 'wheel.noDayInCalendar' | t }}</p>
      @if (conflict(); as c) {
        <blup-document-conflict
          kind="plan"
          [conflict]="asSections(c)"
          [mineContent]="sectionsOf(activities())"
          (keepMine)="keepMine(c.revision)"
          (takeTheirs)="reload()"
        />
      } @else {
        <blup-api-error [error]="submit.error()" />
      }
      <div class="actions">
        @if (canEdit() && dirty()) {
          <button
            matButton="filled"
            type="button"
            data-testid="save-wheel"
            [disabled]="submit.busy()"
            (click)="save()"
          >
            {{ 'wheel.save' | t }}
          </button>
        }
        @if (d.canPublish && !dirty() && d.revision > 0 && d.changedSincePublished) {
          <button
            matButton="filled"
            type="button"
            data-testid="publish-wheel"
            [disabled]="submit.busy()"
            (click)="publish()"
          >
            {{ 'wheel.publish' | t }}
          </button>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .status p,
    .hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .calendar {
      display: grid;
      gap: 4px;
      justify-items: start;
    }
    .wide-only {
      display: none;
    }
    /* On wide screens the year is also drawn as a wheel, beside the months. */
    @media (min-width: 1100px) {
      .year {
        display: grid;
        grid-template-columns: minmax(320px, 420px) 1fr;
        gap: 24px;
        align-items: start;
      }
      .wide-only {
        display: block;
        position: sticky;
        inset-block-start: 16px;
      }
    }
    .calendar a {
      min-block-size: 48px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      position: sticky;
      inset-block-end: 0;
      padding-block: 8px;
      background: var(--mat-sys-surface);
    }
    .actions button {
      min-block-size: 48px;
    }
  `,
})
export class WheelPage {
  private readonly api = inject(WheelReportApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly villageId = input.required<string>();
  protected readonly doc = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.api.wheel(params),
  });
  protected readonly document = computed(() => (this.doc.hasValue() ? this.doc.value() : null));
  protected readonly villageName = computed(() => this.document()?.villageName ?? '');
  protected readonly canEdit = computed(() => this.document()?.canEdit ?? false);
  protected readonly activities = signal<WheelActivity[]>([]);
  protected readonly dirty = signal(false);
  protected readonly editing = signal<{ activity: WheelActivity; existing: boolean } | null>(null);
  protected readonly submit = submitter();

  protected readonly icsUrl = computed(() => {
    const d = this.document();
    if (!d?.published || !d.publicPath) return null;
    const slug = d.publicPath.replace('/landsby/', '');
    return `${location.origin}/api/public/villages/${slug}/wheel.ics`;
  });
  protected readonly webcal = computed(() => this.icsUrl()?.replace(/^https?:/, 'webcal:') ?? '');
  /** Someone saved while this person edited (409): theirs, to compare with what is here. */
  protected readonly conflict = computed(() => {
    const error = this.submit.error();
    return error instanceof ApiError && error.code === ErrorCode.DocumentChanged
      ? (error.current as DocumentConflict<WheelContent>)
      : null;
  });
  /** After "keep mine": the revision saved in between, so the next save goes on top of it. */
  private readonly baseRevision = signal<number | null>(null);

  constructor() {
    effect(() => {
      const d = this.document();
      untracked(() => {
        this.activities.set(d ? [...d.content.activities] : []);
        this.dirty.set(false);
        this.baseRevision.set(null);
      });
    });
  }

  protected addNew(): void {
    this.editing.set({
      existing: false,
      activity: {
        id: newId(),
        title: '',
        who: '',
        months: [],
        day: null,
        frequency: WheelFrequency.Yearly,
        startTime: null,
        endTime: null,
        place: '',
        note: '',
      },
    });
  }

  protected edit(id: string): void {
    const activity = this.activities().find((a) => a.id === id);
    if (activity) this.editing.set({ activity, existing: true });
  }

  protected apply(activity: WheelActivity): void {
    const list = this.activities();
    const at = list.findIndex((a) => a.id === activity.id);
    this.activities.set(
      at >= 0 ? list.map((a, i) => (i === at ? activity : a)) : [...list, activity],
    );
    this.dirty.set(true);
    this.editing.set(null);
  }

  protected remove(id: string): void {
    this.activities.set(this.activities().filter((a) => a.id !== id));
    this.dirty.set(true);
    this.editing.set(null);
  }

  /** The wheel as the comparison after a 409 shows it: an activity a section. */
  protected sectionsOf(activities: readonly WheelActivity[]): PlanContent {
    return {
      sections: activities.map((a) => ({
        id: a.id,
        title: a.title,
        text: [whenLabel(this.i18n, a), a.who, a.place].filter(Boolean).join(' · '),
      })),
    };
  }

  protected asSections(conflict: DocumentConflict<WheelContent>): DocumentConflict<PlanContent> {
    return { ...conflict, content: this.sectionsOf(conflict.content.activities) };
  }

  protected keepMine(revision: number): void {
    this.baseRevision.set(revision);
    this.submit.error.set(null);
  }

  protected reload(): void {
    this.submit.error.set(null);
    this.doc.reload();
  }

  protected save(): void {
    const d = this.document();
    if (!d) return;
    this.submit.run(
      null,
      () =>
        this.api.saveWheel(
          this.villageId(),
          { activities: this.activities() },
          this.baseRevision() ?? d.revision,
        ),
      (saved) => {
        this.doc.set(saved);
        this.snackBar.open(this.i18n.t('wheel.saved'), undefined, { duration: 4000 });
      },
    );
  }

  protected publish(): void {
    const d = this.document();
    if (!d) return;
    this.submit.run(
      null,
      () => this.api.publishWheel(this.villageId(), d.revision),
      (saved) => this.doc.set(saved),
    );
  }
}

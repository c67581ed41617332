import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import {
  WheelFrequency,
  type DocumentConflict,
  type PlanContent,
  type WheelActivity,
  type WheelContent,
} from '@blup/contracts';
import { I18nService, WheelReportApi } from '@blup/web/core';
import { CopyField } from '@blup/web/ui';
import { PAGE_PARTS } from '../shared/page-parts';
import { ActivityForm } from './activity-form';
import { DocumentDraft } from './document-draft';
import { DraftActions } from './draft-actions';
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
  imports: [PAGE_PARTS, MonthGrid, YearWheel, ActivityForm, CopyField, DraftActions],
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
        @if (d.changedSincePublished || draft.dirty()) {
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
      <blup-draft-actions
        [draft]="draft"
        [doc]="d"
        [conflict]="shownConflict()"
        [mine]="sectionsOf(activities())"
        name="wheel"
        saveLabel="wheel.save"
        publishLabel="wheel.publish"
        (save)="save()"
        (publish)="publish()"
      />
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
  `,
})
export class WheelPage {
  private readonly api = inject(WheelReportApi);
  private readonly i18n = inject(I18nService);

  readonly villageId = input.required<string>();
  protected readonly doc = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => this.api.wheel(params),
  });
  protected readonly activities = signal<WheelActivity[]>([]);
  protected readonly draft = new DocumentDraft<WheelContent>(this.doc, (d) =>
    this.activities.set(d ? [...d.content.activities] : []),
  );
  protected readonly document = this.draft.document;
  protected readonly villageName = computed(() => this.document()?.villageName ?? '');
  protected readonly canEdit = computed(() => this.document()?.canEdit ?? false);
  protected readonly editing = signal<{ activity: WheelActivity; existing: boolean } | null>(null);

  protected readonly icsUrl = computed(() => {
    const d = this.document();
    if (!d?.published || !d.publicPath) return null;
    const slug = d.publicPath.replace('/landsby/', '');
    return `${location.origin}/api/public/villages/${slug}/wheel.ics`;
  });
  protected readonly webcal = computed(() => this.icsUrl()?.replace(/^https?:/, 'webcal:') ?? '');
  /** What someone saved in between (409), shown as the comparison shows a plan. */
  protected readonly shownConflict = computed(() => {
    const conflict = this.draft.conflict();
    return conflict ? this.asSections(conflict) : null;
  });

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
    this.draft.dirty.set(true);
    this.editing.set(null);
  }

  protected remove(id: string): void {
    this.activities.set(this.activities().filter((a) => a.id !== id));
    this.draft.dirty.set(true);
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

  protected save(): void {
    this.draft.save(
      (revision) =>
        this.api.saveWheel(this.villageId(), { activities: this.activities() }, revision),
      'wheel.saved',
    );
  }

  protected publish(): void {
    this.draft.publish((revision) => this.api.publishWheel(this.villageId(), revision));
  }
}

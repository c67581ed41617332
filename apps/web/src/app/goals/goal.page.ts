import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  GOAL_LIMITS,
  GOAL_PHOTO_LIMITS,
  GOAL_STATUSES,
  type GoalStatus,
  type GoalUpdateDto,
  type SdgTargetDto,
} from '@blup/contracts';
import { GoalsApi, I18nService, LocalDatePipe } from '@blup/web/core';
import { GoalInitiatives } from '../initiatives/goal-initiatives';
import { FORM_FIELDS } from '../shared/form-fields';
import { PAGE_PARTS } from '../shared/page-parts';
import { SubmitForm } from '../shared/submit-form';
import { submitter } from '../shared/submitter';
import { INDICATOR_VALUE, goalStatusKey, indicatorValue } from './goal-labels';
import { targetText } from './sdg-target-picker';
import { SdgBadges } from './sdg-tiles';

const PHOTO_MAX_MB = Math.round(GOAL_PHOTO_LIMITS.maxBytes / (1024 * 1024));

/** `/goals/:id`: one village goal, where it stands (changed in one tap), and its timeline. */
@Component({
  selector: 'blup-goal-page',
  imports: [
    PAGE_PARTS,
    FORM_FIELDS,
    ReactiveFormsModule,
    SubmitForm,
    SdgBadges,
    LocalDatePipe,
    GoalInitiatives,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="goal.isLoading()" [error]="goal.error()" />
    @if (goal.hasValue()) {
      @let g = goal.value();
      <a matButton [routerLink]="['/villages', g.villageId, 'goals']">
        <blup-icon matButtonIcon name="back" />
        {{ 'goals.back' | t }}
      </a>
      <blup-page-header [heading]="g.title" [subheading]="g.villageName">
        @if (g.canEdit) {
          <a matButton="outlined" routerLink="edit" data-testid="edit-goal">
            <blup-icon matButtonIcon name="edit" />
            {{ 'common.edit' | t }}
          </a>
        }
      </blup-page-header>
      <blup-sdg-badges [numbers]="g.sdgs" />
      <p class="status" data-testid="goal-status">
        {{ 'goals.statusLabel' | t }}: <strong>{{ statusKey(g.status) | t }}</strong>
      </p>
      @if (g.why) {
        <p class="why">{{ g.why }}</p>
      }
      @if (g.targets.length > 0) {
        <section aria-labelledby="targets-title">
          <h2 id="targets-title">{{ 'goals.targetsTitle' | t }}</h2>
          <ul class="targets" data-testid="goal-targets">
            @for (target of g.targets; track target.code) {
              @let text = textOf(target);
              <li>
                <strong>{{ target.code }}</strong>
                <span [attr.lang]="text.lang === locale() ? null : text.lang">{{ text.text }}</span>
              </li>
            }
          </ul>
        </section>
      }
      <ul class="goal-facts">
        @if (g.ownerInitiative; as group) {
          <li data-testid="goal-owner">
            {{ 'goals.ownerGroup' | t }}
            <a [routerLink]="['/initiatives', group.id]" data-testid="goal-owner-group">{{
              group.title
            }}</a>
          </li>
        } @else if (g.owner) {
          <li data-testid="goal-owner">{{ 'goals.owner' | t: { owner: g.owner } }}</li>
        }
        @if (g.horizon) {
          <li>{{ 'goals.horizon' | t: { date: (g.horizon | localDate) } }}</li>
        }
        @if (g.indicator && (g.currentValue ?? g.baseline) !== null) {
          <li data-testid="goal-measure">
            @if (g.targetValue !== null) {
              {{
                'goals.measure'
                  | t
                    : {
                        indicator: g.indicator,
                        current: g.currentValue ?? g.baseline,
                        target: g.targetValue,
                      }
              }}
            } @else {
              {{
                'goals.measureNoTarget'
                  | t: { indicator: g.indicator, current: g.currentValue ?? g.baseline }
              }}
            }
          </li>
        }
      </ul>

      @if (g.canEdit) {
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">{{ 'goals.progressTitle' | t }}</h2>
          <p class="hint">{{ 'goals.progressIntro' | t }}</p>
          <div class="statuses" role="group" [attr.aria-label]="'goals.statusLabel' | t">
            @for (status of statuses; track status) {
              <button
                matButton="outlined"
                type="button"
                class="choice"
                [class.on]="(chosen() ?? g.status) === status"
                [attr.aria-pressed]="(chosen() ?? g.status) === status"
                [attr.data-testid]="'status-' + status"
                (click)="chosen.set(status)"
              >
                {{ statusKey(status) | t }}
              </button>
            }
          </div>
          <blup-submit-form
            [submitter]="progress"
            [submitLabel]="'goals.progressSave' | t"
            submitTestId="save-progress"
            testId="progress-form"
            (submitted)="saveProgress(g.status)"
          >
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'goals.progressNote' | t }}</mat-label>
              <textarea
                matInput
                rows="2"
                [formControl]="progressForm.controls.note"
                data-testid="progress-note"
              ></textarea>
              <mat-error>{{ progressForm.controls.note | fieldError }}</mat-error>
            </mat-form-field>
            @if (g.indicator) {
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'goals.progressValue' | t }}</mat-label>
                <input
                  matInput
                  inputmode="decimal"
                  [formControl]="progressForm.controls.value"
                  data-testid="progress-value"
                />
                <mat-error>{{ progressForm.controls.value | fieldError }}</mat-error>
              </mat-form-field>
            }
            <div class="photo">
              <input
                #photoInput
                type="file"
                accept="image/*"
                class="file"
                data-testid="progress-photo-input"
                (change)="choosePhoto()"
              />
              @if (preview(); as url) {
                <img
                  class="preview"
                  [src]="url"
                  [alt]="'goals.photoPreview' | t"
                  data-testid="photo-preview"
                />
                <button
                  matButton="outlined"
                  type="button"
                  data-testid="remove-photo"
                  (click)="clearPhoto()"
                >
                  <blup-icon matButtonIcon name="delete" />
                  {{ 'goals.photoRemove' | t }}
                </button>
              } @else {
                <button
                  matButton="outlined"
                  type="button"
                  data-testid="add-photo"
                  (click)="photoInput.click()"
                >
                  <blup-icon matButtonIcon name="add" />
                  {{ 'goals.photoAdd' | t }}
                </button>
              }
              @if (photoTooLarge()) {
                <p class="error" role="alert" data-testid="photo-error">
                  {{ 'goals.photoTooLarge' | t: { maxMb: photoMaxMb } }}
                </p>
              }
            </div>
          </blup-submit-form>
        </section>
      }

      <blup-goal-initiatives [goalId]="g.id" />

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{{ 'goals.timelineTitle' | t }}</h2>
        <blup-load-state [loading]="timeline.isLoading()" [error]="timeline.error()" />
        @if (timeline.hasValue()) {
          <ol class="timeline" data-testid="timeline">
            @for (entry of timeline.value().items; track entry.id) {
              <li>
                <strong>{{
                  'goals.timelineEntry'
                    | t
                      : {
                          status: (statusKey(entry.status) | t),
                          who: entry.createdBy?.name ?? ('goals.someone' | t),
                        }
                }}</strong>
                <span class="when">{{ entry.createdAt | localDate }}</span>
                @if (entry.note) {
                  <p>{{ entry.note }}</p>
                }
                @if (entry.value !== null) {
                  <p>{{ 'goals.timelineValue' | t: { value: entry.value } }}</p>
                }
                @if (entry.photo; as photo) {
                  <a
                    class="photo-link"
                    [href]="photo.url"
                    target="_blank"
                    [attr.data-testid]="'timeline-photo-' + entry.id"
                  >
                    <img
                      class="thumbnail"
                      [src]="photo.thumbnailUrl"
                      [alt]="photoAlt(entry)"
                      [attr.width]="photo.width"
                      [attr.height]="photo.height"
                      loading="lazy"
                    />
                    <span class="open">{{ 'goals.photoOpen' | t }}</span>
                  </a>
                }
              </li>
            } @empty {
              <li>{{ 'goals.timelineEmpty' | t }}</li>
            }
          </ol>
        }
      </section>
    }
  `,
  styles: `
    .status {
      font: var(--mat-sys-title-medium);
    }
    .why {
      white-space: pre-line;
    }
    .goal-facts {
      padding-inline-start: 20px;
    }
    .hint {
      color: var(--mat-sys-on-surface-variant);
    }
    .statuses {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-block-end: 12px;
    }
    .choice {
      min-block-size: 48px;
    }
    .choice.on {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      font-weight: 700;
    }
    .timeline {
      padding-inline-start: 20px;
    }
    .timeline li {
      margin-block-end: 12px;
    }
    .targets {
      padding-inline-start: 20px;
    }
    .targets strong {
      margin-inline-end: 6px;
    }
    .photo {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
    }
    .photo button {
      min-block-size: 48px;
    }
    .file {
      display: none;
    }
    .preview,
    .thumbnail {
      display: block;
      max-inline-size: min(100%, 320px);
      block-size: auto;
      border-radius: 8px;
    }
    .photo-link {
      display: inline-flex;
      flex-direction: column;
      gap: 4px;
      margin-block-start: 8px;
      color: var(--mat-sys-primary);
    }
    .error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    .when {
      display: block;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class GoalPage {
  private readonly api = inject(GoalsApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly id = input.required<string>();
  protected readonly statuses: readonly GoalStatus[] = GOAL_STATUSES;
  protected readonly statusKey = goalStatusKey;
  protected readonly chosen = signal<GoalStatus | null>(null);
  protected readonly locale = this.i18n.locale;
  protected readonly photoMaxMb = PHOTO_MAX_MB;
  /**
   * The photo picked for the next update, and a preview of it as a data: URL (the content
   * security policy allows data: images, not blob: ones).
   */
  private readonly photo = signal<File | null>(null);
  private readonly photoInput = viewChild<ElementRef<HTMLInputElement>>('photoInput');
  protected readonly preview = signal<string | null>(null);
  protected readonly photoTooLarge = signal(false);
  protected readonly progress = submitter();
  protected readonly progressForm = inject(NonNullableFormBuilder).group({
    note: ['', Validators.maxLength(GOAL_LIMITS.noteMaxLength)],
    value: ['', Validators.pattern(INDICATOR_VALUE)],
  });
  protected readonly goal = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.goal(params),
  });
  protected readonly timeline = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.updates(params, { pageSize: 50 }),
  });

  protected textOf(target: SdgTargetDto): { text: string; lang: 'da' | 'en' } {
    return targetText(target, this.locale());
  }

  protected photoAlt(entry: GoalUpdateDto): string {
    const alt = this.i18n.t('goals.photoAlt', {
      status: this.i18n.t(this.statusKey(entry.status)),
      date: new Date(entry.createdAt).toLocaleDateString(
        this.locale() === 'en' ? 'en-GB' : 'da-DK',
      ),
    });
    return entry.note ? `${alt}: ${entry.note}` : alt;
  }

  protected choosePhoto(): void {
    const file = this.photoInput()?.nativeElement.files?.[0] ?? null;
    this.clearPhoto();
    if (!file) return;
    if (file.size > GOAL_PHOTO_LIMITS.maxBytes) {
      this.photoTooLarge.set(true);
      return;
    }
    this.photo.set(file);
    const reader = new FileReader();
    reader.onload = () => {
      if (this.photo() === file && typeof reader.result === 'string') {
        this.preview.set(reader.result);
      }
    };
    reader.readAsDataURL(file);
  }

  protected saveProgress(current: GoalStatus): void {
    const { note, value } = this.progressForm.getRawValue();
    this.progress.run(
      this.progressForm,
      () =>
        this.api.addUpdate(
          this.id(),
          { status: this.chosen() ?? current, note, value: indicatorValue(value) },
          this.photo(),
        ),
      () => {
        this.snackBar.open(this.i18n.t('goals.progressSaved'), undefined, { duration: 4000 });
        this.progressForm.reset();
        this.clearPhoto();
        this.chosen.set(null);
        this.goal.reload();
        this.timeline.reload();
      },
    );
  }

  /** Forgets the picked photo (also in the file input, so the same one can be picked again). */
  protected clearPhoto(): void {
    const input = this.photoInput()?.nativeElement;
    if (input) input.value = '';
    this.photo.set(null);
    this.preview.set(null);
    this.photoTooLarge.set(false);
  }
}

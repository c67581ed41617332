import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatOption, MatSelect } from '@angular/material/select';
import { QuestionKind, SurveyStatus } from '@blup/contracts';
import { SurveysApi } from '@blup/web/core';
import { PAGE_PARTS } from '../shared/page-parts';
import { QuestionResult } from './question-result';
import { surveyStatusKey } from './survey-labels';
import { allQuestions } from './survey-model';
import { clockTime, filterQuestions } from './survey-results';

/** How often an open survey's results are read again while the tab is visible. */
export const RESULTS_REFRESH_MS = 5000;

/**
 * `/surveys/:id/results`: the response count and every question's result, for a group too
 * (those who chose one option of a choice question). While the survey is open and the tab is
 * visible it reads the counts again every five seconds (no websockets) and says when.
 */
@Component({
  selector: 'blup-survey-results-page',
  imports: [PAGE_PARTS, MatFormField, MatLabel, MatSelect, MatOption, QuestionResult],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="survey.isLoading()" [error]="survey.error()" />
    @if (loaded(); as s) {
      <a matButton [routerLink]="['/surveys', s.id]">
        <blup-icon matButtonIcon name="back" />
        {{ s.title }}
      </a>
      <blup-page-header
        [heading]="'surveyAdmin.resultsTitle' | t"
        [subheading]="s.title + ' · ' + (statusKey(s.status) | t)"
      >
        <a matButton="filled" [href]="exportUrl()" download data-testid="export">
          <blup-icon matButtonIcon name="download" />
          {{ 'surveyAdmin.export' | t }}
        </a>
      </blup-page-header>

      <div class="summary">
        <p class="count" data-testid="response-count" aria-live="polite">
          @if (filter()) {
            {{ 'surveyAdmin.responsesFiltered' | t: { count: responses() } }}
          } @else {
            {{ 'surveyAdmin.responses' | t: { count: responses() } }}
          }
        </p>
        @if (readAt(); as time) {
          <p class="meta" data-testid="updated-at">
            {{ 'surveyAdmin.updatedAt' | t: { time } }}
            @if (live()) {
              · {{ 'surveyAdmin.live' | t }}
            }
          </p>
        }
        <button matButton type="button" class="refresh" (click)="refresh()">
          <blup-icon matButtonIcon name="refresh" />
          {{ 'surveyAdmin.refresh' | t }}
        </button>
      </div>

      <section class="filter" aria-labelledby="filter-heading">
        <h2 id="filter-heading">{{ 'surveyAdmin.filterHeading' | t }}</h2>
        @if (choiceQuestions().length) {
          <div class="pair">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'surveyAdmin.filterQuestion' | t }}</mat-label>
              <mat-select
                [value]="filterQuestionId()"
                data-testid="filter-question"
                (selectionChange)="chooseQuestion($event.value)"
              >
                <mat-option [value]="null">{{ 'surveyAdmin.filterAll' | t }}</mat-option>
                @for (q of choiceQuestions(); track q.id) {
                  <mat-option [value]="q.id">{{ q.title }}</mat-option>
                }
              </mat-select>
            </mat-form-field>
            @if (filterOptions().length) {
              <mat-form-field subscriptSizing="dynamic">
                <mat-label>{{ 'surveyAdmin.filterOption' | t }}</mat-label>
                <mat-select
                  [value]="filterOptionId()"
                  data-testid="filter-option"
                  (selectionChange)="filterOptionId.set($event.value)"
                >
                  @for (option of filterOptions(); track option.id) {
                    <mat-option [value]="option.id">{{ option.label }}</mat-option>
                  }
                </mat-select>
              </mat-form-field>
            }
          </div>
        } @else {
          <p class="meta">{{ 'surveyAdmin.filterNone' | t }}</p>
        }
      </section>

      <blup-api-error [error]="results.error()" />
      @if (responses() === 0 && !results.isLoading()) {
        <p data-testid="no-results">{{ 'surveyAdmin.noResults' | t }}</p>
      }
      <div data-testid="question-results">
        @for (q of questions(); track q.id) {
          <blup-question-result
            [surveyId]="s.id"
            [question]="q"
            [result]="resultOf(q.id)"
            [tick]="tick()"
            [filter]="filter()"
            [attr.data-testid]="'result-' + q.id"
          />
        }
      </div>
    }
  `,
  styles: `
    .summary {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
    }
    .count {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    .meta {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .refresh {
      min-block-size: 48px;
    }
    h2 {
      font: var(--mat-sys-title-medium);
      margin: 16px 0 8px;
    }
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
      gap: 12px;
    }
    a[download] {
      min-block-size: 48px;
    }
  `,
})
export class SurveyResultsPage {
  private readonly api = inject(SurveysApi);
  private readonly document = inject(DOCUMENT);

  readonly id = input.required<string>();

  protected readonly statusKey = surveyStatusKey;
  protected readonly survey = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.survey(params),
  });
  /** The survey once read; null while loading or when it cannot be read (value() would throw). */
  protected readonly loaded = computed(() => (this.survey.hasValue() ? this.survey.value() : null));
  protected readonly questions = computed(() =>
    allQuestions(this.loaded()?.pages ?? []).filter((q) => q.kind !== QuestionKind.Info),
  );
  protected readonly choiceQuestions = computed(() => filterQuestions(this.questions()));

  protected readonly filterQuestionId = signal<string | null>(null);
  protected readonly filterOptionId = signal<string | null>(null);
  protected readonly filterOptions = computed(
    () => this.choiceQuestions().find((q) => q.id === this.filterQuestionId())?.options ?? [],
  );
  protected readonly filter = computed(() => {
    const questionId = this.filterQuestionId();
    const optionId = this.filterOptionId();
    return questionId && optionId ? { questionId, optionId } : null;
  });

  protected readonly results = rxResource({
    params: () => ({ id: this.id(), filter: this.filter() }),
    stream: ({ params }) => this.api.results(params.id, params.filter ?? {}),
  });
  /** Kept across reloads, so the page does not blink while it reads again. */
  private readonly lastResults = computed(() =>
    this.results.hasValue() ? this.results.value() : null,
  );
  protected readonly responses = computed(() => this.lastResults()?.responses ?? 0);
  protected readonly readAt = computed(() => {
    const at = this.lastResults()?.readAt;
    return at ? clockTime(at) : null;
  });
  protected readonly live = computed(() => this.loaded()?.status === SurveyStatus.Open);
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.id()));
  /** Counts the automatic refreshes; the text answers read again when it changes. */
  protected readonly tick = signal(0);

  constructor() {
    const timer = setInterval(() => {
      if (this.live() && this.document.visibilityState === 'visible' && !this.results.isLoading()) {
        this.refresh();
      }
    }, RESULTS_REFRESH_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected resultOf(questionId: string) {
    return this.lastResults()?.questions.find((r) => r.questionId === questionId) ?? null;
  }

  protected chooseQuestion(questionId: string | null): void {
    this.filterQuestionId.set(questionId);
    this.filterOptionId.set(null);
  }

  protected refresh(): void {
    this.results.reload();
    this.tick.update((n) => n + 1);
  }
}

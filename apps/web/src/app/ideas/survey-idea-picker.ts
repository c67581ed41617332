import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import {
  IDEA_LIMITS,
  QuestionKind,
  type CreateIdeaRequest,
  type TextAnswerDto,
} from '@blup/contracts';
import { IdeasApi, SurveysApi, TranslatePipe, pagedList } from '@blup/web/core';
import { of } from 'rxjs';
import { ApiErrorMessage } from '../shared/api-error-message';
import { ListFrame } from '../shared/list-frame';
import { submitter } from '../shared/submitter';

const TEXT_KINDS: readonly QuestionKind[] = [QuestionKind.ShortText, QuestionKind.LongText];

interface AnswerScope {
  surveyId: string;
  questionId: string;
}

/**
 * An idea from a free-text survey answer: its text as the title (a long answer trimmed, and kept
 * whole as the description), with the survey and question as its source.
 */
export function ideaFromAnswer(
  text: string,
  surveyId: string,
  questionId: string,
): CreateIdeaRequest {
  const whole = text.trim();
  const line = whole.replace(/\s+/g, ' ');
  const max = IDEA_LIMITS.titleMaxLength;
  const trimmed = line.length > max;
  return {
    title: trimmed ? `${line.slice(0, max - 1).trimEnd()}…` : line,
    description: trimmed ? whole.slice(0, IDEA_LIMITS.descriptionMaxLength) : '',
    source: { kind: 'survey_answer', surveyId, questionId },
  };
}

/**
 * "Hent fra spørgeskema" on an idea list: choose one of the village's surveys and one of its
 * free-text questions, page through the answers (newest first) and make one an idea with a tap.
 */
@Component({
  selector: 'blup-survey-idea-picker',
  imports: [MatButton, TranslatePipe, ListFrame, ApiErrorMessage],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!shown()) {
      <button matButton="tonal" type="button" data-testid="from-survey" (click)="shown.set(true)">
        {{ 'ideas.fromSurvey' | t }}
      </button>
    } @else {
      <section class="picker" aria-labelledby="picker-title" data-testid="survey-picker">
        <h2 id="picker-title">{{ 'ideas.fromSurvey' | t }}</h2>
        <p class="hint">{{ 'ideas.fromSurveyHint' | t }}</p>
        <blup-api-error [error]="surveys.error() ?? survey.error()" />
        @if (surveys.hasValue()) {
          @if (answered().length) {
            <label for="pick-survey">{{ 'ideas.survey' | t }}</label>
            <select id="pick-survey" data-testid="pick-survey" (change)="pickSurvey($event)">
              <option value="">{{ 'ideas.chooseSurvey' | t }}</option>
              @for (s of answered(); track s.id) {
                <option [value]="s.id" [selected]="s.id === surveyId()">{{ s.title }}</option>
              }
            </select>
          } @else {
            <p data-testid="no-surveys">{{ 'ideas.noSurveys' | t }}</p>
          }
        }
        @if (survey.hasValue() && surveyId()) {
          @if (textQuestions().length) {
            <label for="pick-question">{{ 'ideas.question' | t }}</label>
            <select id="pick-question" data-testid="pick-question" (change)="pickQuestion($event)">
              @for (q of textQuestions(); track q.id) {
                <option [value]="q.id" [selected]="q.id === questionId()">{{ q.title }}</option>
              }
            </select>
            <blup-api-error [error]="adding.error()" />
            <blup-list-frame [list]="answers" emptyText="ideas.noAnswers">
              <ul class="answers" data-testid="survey-answers">
                @for (a of answers.items(); track a.responseId) {
                  <li>
                    <p class="text" [id]="'answer-' + a.responseId">{{ a.text }}</p>
                    @if (taken().has(key(a))) {
                      <span class="added" data-testid="answer-added">{{ 'ideas.added' | t }}</span>
                    } @else {
                      <button
                        matButton="outlined"
                        type="button"
                        data-testid="answer-to-idea"
                        [disabled]="adding.busy()"
                        [attr.aria-describedby]="'answer-' + a.responseId"
                        (click)="add(a)"
                      >
                        {{ 'ideas.makeIdea' | t }}
                      </button>
                    }
                  </li>
                }
              </ul>
            </blup-list-frame>
          } @else {
            <p>{{ 'ideas.noTextQuestions' | t }}</p>
          }
        }
        <button matButton type="button" data-testid="close-picker" (click)="shown.set(false)">
          {{ 'ideas.closePicker' | t }}
        </button>
      </section>
    }
  `,
  styles: `
    .picker {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 8px;
      max-inline-size: 560px;
    }
    h2 {
      margin: 24px 0 4px;
      font: var(--mat-sys-title-large);
    }
    .hint {
      margin: 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    select {
      inline-size: 100%;
      min-inline-size: 0;
      text-overflow: ellipsis;
      block-size: 48px;
      padding-inline: 12px;
      font: var(--mat-sys-body-large);
    }
    .answers {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    li {
      display: grid;
      gap: 4px;
      justify-items: start;
      padding: 8px 12px;
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
    }
    .text {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .added {
      min-block-size: 48px;
      display: flex;
      align-items: center;
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-primary);
    }
  `,
})
export class SurveyIdeaPicker {
  private readonly ideasApi = inject(IdeasApi);
  private readonly surveysApi = inject(SurveysApi);

  readonly villageId = input.required<string>();
  readonly listId = input.required<string>();
  /** An idea was added: the list refreshes its ranking. */
  readonly added = output<void>();

  protected readonly shown = signal(false);
  protected readonly surveyId = signal('');
  private readonly pickedQuestion = signal('');
  protected readonly taken = signal<ReadonlySet<string>>(new Set());
  protected readonly adding = submitter();

  protected readonly surveys = rxResource({
    params: () => (this.shown() ? this.villageId() : undefined),
    stream: ({ params }) => this.surveysApi.list({ villageId: params }, { pageSize: 100 }),
  });
  /** Surveys with answers: the others have nothing to take. */
  protected readonly answered = computed(() =>
    this.surveys.hasValue() ? this.surveys.value().items.filter((s) => s.responseCount > 0) : [],
  );
  protected readonly survey = rxResource({
    params: () => this.surveyId() || undefined,
    stream: ({ params }) => this.surveysApi.survey(params),
  });
  protected readonly textQuestions = computed(() =>
    this.survey.hasValue()
      ? this.survey
          .value()
          .pages.flatMap((page) => page.questions)
          .filter((q) => TEXT_KINDS.includes(q.kind))
      : [],
  );
  protected readonly questionId = computed(() => {
    const ids = this.textQuestions().map((q) => q.id);
    return ids.includes(this.pickedQuestion()) ? this.pickedQuestion() : (ids[0] ?? '');
  });
  protected readonly answers = pagedList<TextAnswerDto, AnswerScope>(
    ({ surveyId, questionId, page, pageSize }) =>
      surveyId && questionId
        ? this.surveysApi.texts(surveyId, questionId, { page, pageSize })
        : of({ items: [], total: 0, page: 1, pageSize }),
    {
      pageSize: 10,
      scope: () => ({ surveyId: this.surveyId(), questionId: this.questionId() }),
    },
  );

  protected pickSurvey(event: Event): void {
    this.surveyId.set((event.target as HTMLSelectElement).value);
    this.pickedQuestion.set('');
  }

  protected pickQuestion(event: Event): void {
    this.pickedQuestion.set((event.target as HTMLSelectElement).value);
  }

  protected key(answer: TextAnswerDto): string {
    return `${this.questionId()}:${answer.responseId}`;
  }

  protected add(answer: TextAnswerDto): void {
    const key = this.key(answer);
    this.adding.run(
      null,
      () =>
        this.ideasApi.addIdea(
          this.listId(),
          ideaFromAnswer(answer.text, this.surveyId(), this.questionId()),
        ),
      () => {
        this.taken.update((keys) => new Set([...keys, key]));
        this.added.emit();
      },
    );
  }
}

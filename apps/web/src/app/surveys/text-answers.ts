import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  untracked,
} from '@angular/core';
import type { TextAnswerDto } from '@blup/contracts';
import { LocalDatePipe, SurveysApi, pagedList } from '@blup/web/core';
import { ListFrame } from '../shared/list-frame';

interface TextScope {
  surveyId: string;
  questionId: string;
  filter: { questionId: string; optionId: string } | null;
}

/** One text question's answers as a readable list, newest first, ten to a page. */
@Component({
  selector: 'blup-text-answers',
  imports: [ListFrame, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-list-frame [list]="list" emptyText="surveyAdmin.textNone">
      <ul class="texts" data-testid="text-answers">
        @for (answer of list.items(); track answer.responseId) {
          <li>
            <p class="text">{{ answer.text }}</p>
            <span class="when">{{ answer.submittedAt | localDate }}</span>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .texts {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    li {
      padding: 8px 12px;
      border-inline-start: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container-low);
    }
    .text {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .when {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class TextAnswers {
  private readonly api = inject(SurveysApi);
  readonly surveyId = input.required<string>();
  readonly questionId = input.required<string>();
  /** Changes when the page refreshes: the list loads again (keeping its page). */
  readonly tick = input(0);

  /** Only the answers of this group (those who chose this option). */
  readonly filter = input<{ questionId: string; optionId: string } | null>(null);

  protected readonly list = pagedList<TextAnswerDto, TextScope>(
    ({ surveyId, questionId, filter, ...query }) =>
      this.api.texts(surveyId ?? this.surveyId(), questionId ?? this.questionId(), {
        ...query,
        filterQuestionId: filter?.questionId,
        filterOptionId: filter?.optionId,
      }),
    {
      pageSize: 10,
      scope: () => ({
        surveyId: this.surveyId(),
        questionId: this.questionId(),
        filter: this.filter(),
      }),
    },
  );

  constructor() {
    effect(() => {
      if (this.tick() > 0) untracked(() => this.list.reload());
    });
  }
}

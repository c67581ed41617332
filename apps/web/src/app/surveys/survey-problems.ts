import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { SURVEY_LIMITS, type SurveyPageDto } from '@blup/contracts';
import { I18nService, TranslatePipe } from '@blup/web/core';
import { type SurveyProblem, allQuestions } from './survey-model';

/** What must be fixed before saving, in words, naming the question each problem is about. */
@Component({
  selector: 'blup-survey-problems',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lines().length) {
      <div class="problems" data-testid="survey-problems">
        <p>{{ 'surveyAdmin.problemsHeading' | t }}</p>
        <ul>
          @for (line of lines(); track $index) {
            <li>{{ line }}</li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    .problems {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
    }
    p,
    ul {
      margin: 0 0 4px;
    }
  `,
})
export class SurveyProblems {
  private readonly i18n = inject(I18nService);
  readonly problems = input.required<readonly SurveyProblem[]>();
  readonly pages = input.required<readonly SurveyPageDto[]>();

  protected readonly lines = computed(() => {
    const titles = new Map(allQuestions(this.pages()).map((q) => [q.id, q.title.trim()]));
    const title = (id: string) => titles.get(id) || this.i18n.t('surveyAdmin.untitled');
    return this.problems()
      .slice(0, 5)
      .map((p) => {
        switch (p.kind) {
          case 'pageTitle':
            return this.i18n.t('surveyAdmin.problem.pageTitle', { n: p.pageIndex + 1 });
          case 'tooManyPages':
            return this.i18n.t('surveyAdmin.problem.tooManyPages', { max: SURVEY_LIMITS.pagesMax });
          case 'tooManyQuestions':
            return this.i18n.t('surveyAdmin.problem.tooManyQuestions', {
              max: SURVEY_LIMITS.questionsMax,
            });
          default:
            return this.i18n.t(`surveyAdmin.problem.${p.kind}`, { title: title(p.questionId) });
        }
      });
  });
}

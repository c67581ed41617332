import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { rxResource } from '@angular/core/rxjs-interop';
import type { PublicSurveyDto, SurveyAnswerValue } from '@blup/contracts';
import {
  ApiError,
  AuthApi,
  I18nService,
  LocalDatePipe,
  SurveysApi,
  TranslatePipe,
  type TranslationKey,
} from '@blup/web/core';
import { Notice } from '@blup/web/ui';
import { catchError, firstValueFrom, of } from 'rxjs';
import {
  type QuestionProblem,
  cleanAnswers,
  pageProblems,
  visibleQuestionIds,
  visiblePageIndexes,
} from './survey-answers';
import { pageStyles } from './survey-answer.styles';
import { SurveyQuestion } from './survey-question';
import {
  type StoredSurvey,
  type SurveyDraft,
  alreadyAnswered,
  browserStorage,
  markSubmitted,
  newDraft,
  readSurvey,
  writeSurvey,
} from './survey-storage';

type Unavailable = 'notFound' | 'closed' | 'loadFailed';

/** The heading and text of each way the questionnaire cannot be answered. */
const UNAVAILABLE: Readonly<Record<Unavailable, { title: TranslationKey; text: TranslationKey }>> =
  {
    notFound: { title: 'surveyAnswer.notFoundTitle', text: 'surveyAnswer.notFoundText' },
    closed: { title: 'surveyAnswer.closedTitle', text: 'surveyAnswer.closedText' },
    loadFailed: { title: 'surveyAnswer.loadFailedTitle', text: 'surveyAnswer.loadFailedText' },
  };

/** The heading and text of each way a send can fail. */
const FAILURES: Readonly<
  Record<SendFailure, { title: TranslationKey | null; text: TranslationKey }>
> = {
  closed: UNAVAILABLE.closed,
  notOpen: { title: 'surveyAnswer.notOpenTitle', text: 'surveyAnswer.notOpenText' },
  linkInvalid: { title: 'surveyAnswer.linkInvalidTitle', text: 'surveyAnswer.linkInvalidText' },
  linkRequired: { title: 'surveyAnswer.linkRequiredTitle', text: 'surveyAnswer.linkRequiredText' },
  busy: { title: 'surveyAnswer.failedTitle', text: 'surveyAnswer.busyText' },
  failed: { title: 'surveyAnswer.failedTitle', text: 'surveyAnswer.failedText' },
  answeredHere: {
    title: 'surveyAnswer.answeredHereTitle',
    text: 'surveyAnswer.answeredHereText',
  },
  personalUsed: {
    title: 'surveyAnswer.personalUsedTitle',
    text: 'surveyAnswer.personalUsedText',
  },
  notAccepted: { title: null, text: 'surveyAnswer.problems.notAccepted' },
};

/** What the page shows once the questionnaire is loaded. */
type View = 'answering' | 'thanks' | 'already';

/** Why the last send did not go through. */
type SendFailure =
  | 'failed'
  | 'answeredHere'
  | 'personalUsed'
  | 'closed'
  | 'notOpen'
  | 'linkInvalid'
  | 'linkRequired'
  | 'busy'
  | 'notAccepted';

/**
 * `/spoergeskema/:token` (`?p=` for a personal link): answering a questionnaire without an
 * account, one page at a time, on a phone. Every change is kept in this device's storage
 * (see survey-storage), so reopening the link goes on where it stopped; the answers are sent
 * once, with an id made here, so sending again after a lost connection changes nothing.
 * Built from native inputs and buttons, without Angular Material, to load fast on a weak line.
 */
@Component({
  selector: 'blup-survey-answer-page',
  imports: [NgTemplateOutlet, SurveyQuestion, Notice, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      @if (survey.isLoading()) {
        <p class="loading" role="status">{{ 'surveyAnswer.loading' | t }}</p>
      } @else if (loadError(); as error) {
        <blup-notice
          icon="error"
          data-testid="survey-unavailable"
          [level]="1"
          [heading]="unavailable[error].title | t"
          [message]="unavailable[error].text | t"
        >
          @if (error === 'loadFailed') {
            <button class="plain-button filled" type="button" (click)="survey.reload()">
              {{ 'surveyAnswer.retry' | t }}
            </button>
          }
        </blup-notice>
      } @else if (opensLater(); as opensAt) {
        <blup-notice
          icon="flag"
          data-testid="survey-not-open"
          [level]="1"
          [heading]="'surveyAnswer.notOpenTitle' | t"
          [message]="'surveyAnswer.opensAt' | t: { date: opensAt | localDate }"
        />
      } @else if (personalOnly()) {
        <blup-notice
          icon="mail"
          data-testid="survey-personal-only"
          [level]="1"
          [heading]="'surveyAnswer.linkRequiredTitle' | t"
          [message]="'surveyAnswer.linkRequiredText' | t"
        />
      } @else if (survey.hasValue()) {
        @let s = survey.value();
        @switch (view()) {
          @case ('thanks') {
            <!-- The form is gone: the reader's focus goes to the thanks (see send). -->
            <div tabindex="-1" class="done" #done>
              <blup-notice
                icon="check"
                data-testid="survey-thanks"
                [level]="1"
                [heading]="'surveyAnswer.thanksTitle' | t"
                [message]="'surveyAnswer.thanksText' | t"
              >
                <ng-container [ngTemplateOutlet]="another" />
              </blup-notice>
            </div>
          }
          @case ('already') {
            <blup-notice
              icon="check"
              data-testid="survey-already"
              [level]="1"
              [heading]="'surveyAnswer.alreadyTitle' | t"
              [message]="'surveyAnswer.alreadyText' | t"
            >
              <ng-container [ngTemplateOutlet]="another" />
            </blup-notice>
          }
          @default {
            <header class="survey-header">
              <h1 data-testid="page-title">{{ s.title }}</h1>
              @if (owner(); as name) {
                <p class="owner">{{ 'surveyAnswer.from' | t: { owner: name } }}</p>
              }
            </header>
            @if (position() === 0) {
              @if (s.intro) {
                <p class="intro">{{ s.intro }}</p>
              }
              @if (s.closesAt) {
                <p class="note">
                  {{ 'surveyAnswer.closesAt' | t: { date: s.closesAt | localDate } }}
                </p>
              }
              <p class="note">
                {{ (storageWorks ? 'surveyAnswer.noAccount' : 'surveyAnswer.notSaved') | t }}
              </p>
            }
            @if (resumed()) {
              <div class="resumed" data-testid="survey-resumed">
                <p>{{ 'surveyAnswer.resumed' | t }}</p>
                <button class="plain-button outlined" type="button" (click)="startOver()">
                  {{ 'surveyAnswer.startOver' | t }}
                </button>
              </div>
            }

            @if (page(); as p) {
              <section class="survey-page" aria-labelledby="survey-page-heading">
                <p class="progress" data-testid="survey-progress">
                  {{ 'surveyAnswer.progress' | t: { page: position() + 1, pages: pageCount() } }}
                </p>
                <div
                  class="progress-track"
                  aria-hidden="true"
                  [style.--done]="(position() + 1) / pageCount()"
                ></div>
                <h2 id="survey-page-heading" tabindex="-1" #pageHeading>
                  {{ p.title || ('surveyAnswer.progress' | t: progressParams()) }}
                </h2>
                <form class="questions" novalidate (submit)="forward($event)">
                  @for (q of p.questions; track q.id) {
                    @if (visible().has(q.id)) {
                      <blup-survey-question
                        [question]="q"
                        [value]="answers()[q.id]"
                        [consented]="consents().includes(q.id)"
                        [problem]="shownProblems()[q.id] ?? null"
                        (changed)="setAnswer(q.id, $event)"
                        (consentChanged)="setConsent(q.id, $event)"
                      />
                    }
                  }

                  @if (failure(); as f) {
                    <div class="failure" role="alert" data-testid="send-failure">
                      @if (failures[f].title; as title) {
                        <h3>{{ title | t }}</h3>
                      }
                      <p>{{ failures[f].text | t: { minutes: waitMinutes() } }}</p>
                      @if (f === 'failed' || f === 'notOpen' || f === 'busy') {
                        <button class="plain-button filled" type="button" (click)="send()">
                          {{ 'surveyAnswer.retry' | t }}
                        </button>
                      }
                      @if (f === 'answeredHere') {
                        <button
                          class="plain-button filled"
                          type="button"
                          data-testid="send-as-another"
                          (click)="sendAsAnother()"
                        >
                          {{ 'surveyAnswer.sendAsAnother' | t }}
                        </button>
                      }
                    </div>
                  } @else if (hasShownProblems()) {
                    <p class="page-problem" role="alert">
                      {{ 'surveyAnswer.pageHasProblems' | t }}
                    </p>
                  }

                  <div class="nav">
                    @if (position() > 0) {
                      <button
                        class="plain-button outlined"
                        type="button"
                        data-testid="survey-previous"
                        (click)="back()"
                      >
                        {{ 'surveyAnswer.previous' | t }}
                      </button>
                    }
                    <button
                      class="plain-button filled"
                      type="submit"
                      [attr.data-testid]="isLast() ? 'survey-send' : 'survey-next'"
                      [attr.aria-busy]="sending()"
                    >
                      {{ (isLast() ? 'surveyAnswer.send' : 'surveyAnswer.next') | t }}
                    </button>
                  </div>
                </form>
              </section>
            }
          }
        }
      }
    </div>

    <ng-template #another>
      <button
        class="plain-button outlined"
        type="button"
        data-testid="another-person"
        (click)="anotherPerson()"
      >
        {{ 'surveyAnswer.anotherPerson' | t }}
      </button>
    </ng-template>
  `,
  styles: pageStyles,
})
export class SurveyAnswerPage {
  private readonly api = inject(SurveysApi);
  private readonly auth = inject(AuthApi);
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);
  private readonly storage = browserStorage();
  private readonly pageHeading = viewChild<ElementRef<HTMLElement>>('pageHeading');
  private readonly done = viewChild<ElementRef<HTMLElement>>('done');

  /** The link's token (route parameter). */
  readonly token = input.required<string>();
  /** A personal link's key (`?p=`). */
  readonly p = input<string>();

  protected readonly storageWorks = this.storage !== null;
  protected readonly unavailable = UNAVAILABLE;
  protected readonly failures = FAILURES;
  protected readonly survey = rxResource({
    params: () => this.token(),
    stream: ({ params }) => this.api.publicSurvey(params),
  });

  /** This device's record for the token; every change is written back at once. */
  private readonly stored = linkedSignal<StoredSurvey>(() =>
    readSurvey(this.storage, this.token()),
  );
  private readonly personalKey = computed(() => this.p() || null);

  protected readonly view = linkedSignal<View>(() =>
    alreadyAnswered(this.stored(), this.personalKey()) ? 'already' : 'answering',
  );
  /** The answers in progress (made fresh, in memory, until the first change is written). */
  private readonly draft = linkedSignal<SurveyDraft>(() => {
    const draft = this.stored().draft;
    const key = this.personalKey();
    return draft && (!key || draft.personalKey === key) ? draft : newDraft(key);
  });
  /** Reopened with answers kept from before (until the respondent moves on or starts over). */
  protected readonly resumed = linkedSignal(() => {
    this.token();
    return untracked(() => {
      const draft = this.stored().draft;
      return draft !== null && Object.keys(draft.answers).length > 0;
    });
  });
  protected readonly answers = computed(() => this.draft().answers);
  protected readonly consents = computed(() => this.draft().consents);
  protected readonly sending = signal(false);
  protected readonly failure = signal<SendFailure | null>(null);
  /** How long the API asked to wait after too many answers from one network. */
  protected readonly waitMinutes = signal(1);
  /** Whether "next" or "send" was tried on the current page: its problems then show. */
  private readonly checked = signal(false);
  /** Questions the API did not accept, with their problem. */
  private readonly refused = signal<Record<string, QuestionProblem | 'notAccepted'>>({});

  protected readonly loadError = computed((): Unavailable | null => {
    const error = this.survey.error();
    if (!error) return null;
    if (error instanceof ApiError && (error.status === 404 || error.status === 400))
      return 'notFound';
    if (error instanceof ApiError && error.status === 410) return 'closed';
    return 'loadFailed';
  });

  /** When the questionnaire opens, while that is still ahead (answers are refused until then). */
  protected readonly opensLater = computed(() => {
    const opensAt = this.loaded()?.opensAt;
    return opensAt && Date.parse(opensAt) > Date.now() ? opensAt : null;
  });
  /** Only personal links take answers, and this is the public one. */
  protected readonly personalOnly = computed(
    () => this.loaded()?.anonymousLink === false && !this.personalKey(),
  );

  protected readonly owner = computed(() => {
    const survey = this.loaded();
    return survey?.villageName ?? survey?.municipalityName ?? null;
  });
  private readonly loaded = computed<PublicSurveyDto | null>(() =>
    this.survey.hasValue() ? this.survey.value() : null,
  );
  protected readonly visible = computed(() =>
    visibleQuestionIds(this.loaded()?.pages ?? [], this.answers()),
  );
  private readonly pageIndexes = computed(() =>
    visiblePageIndexes(this.loaded()?.pages ?? [], this.visible()),
  );
  /** The page showing: the stored one, or the next that shows when it has none left. */
  private readonly current = computed(() => {
    const indexes = this.pageIndexes();
    const stored = this.draft().page;
    return indexes.find((index) => index >= stored) ?? indexes.at(-1) ?? 0;
  });
  protected readonly position = computed(() =>
    Math.max(0, this.pageIndexes().indexOf(this.current())),
  );
  protected readonly pageCount = computed(() => Math.max(1, this.pageIndexes().length));
  protected readonly isLast = computed(() => this.position() >= this.pageIndexes().length - 1);
  protected readonly page = computed(() => this.loaded()?.pages[this.current()] ?? null);
  protected readonly progressParams = computed(() => ({
    page: this.position() + 1,
    pages: this.pageCount(),
  }));

  private readonly problems = computed(() => {
    const page = this.page();
    return page ? pageProblems(page, this.answers(), this.consents(), this.visible()) : {};
  });
  protected readonly shownProblems = computed<Record<string, QuestionProblem | 'notAccepted'>>(
    () => ({ ...this.refused(), ...(this.checked() ? this.problems() : {}) }),
  );
  protected readonly hasShownProblems = computed(
    () => Object.keys(this.shownProblems()).length > 0,
  );

  protected setAnswer(questionId: string, value: SurveyAnswerValue | undefined): void {
    this.refused.update(({ [questionId]: _, ...rest }) => rest);
    this.failure.set(null);
    this.change((draft) => {
      const answers = { ...draft.answers };
      if (value === undefined) delete answers[questionId];
      else answers[questionId] = value;
      return { ...draft, answers };
    });
  }

  protected setConsent(questionId: string, consented: boolean): void {
    this.refused.update(({ [questionId]: _, ...rest }) => rest);
    this.change((draft) => ({
      ...draft,
      consents: consented
        ? [...draft.consents.filter((id) => id !== questionId), questionId]
        : draft.consents.filter((id) => id !== questionId),
    }));
  }

  /** "Next" (or "Send" on the last page): only when the page has nothing missing. */
  protected forward(event: Event): void {
    event.preventDefault();
    if (this.sending()) return;
    this.checked.set(true);
    if (Object.keys(this.problems()).length > 0) {
      this.focusFirstProblem();
      return;
    }
    if (this.isLast()) {
      this.send();
      return;
    }
    const next = this.pageIndexes()[this.position() + 1];
    this.goTo(next);
  }

  protected back(): void {
    const previous = this.pageIndexes()[this.position() - 1];
    if (previous !== undefined) this.goTo(previous);
  }

  protected startOver(): void {
    const draft = newDraft(this.personalKey(), this.draft().anotherPerson);
    this.setStored({ ...this.stored(), draft });
    this.refused.set({});
    this.failure.set(null);
    this.checked.set(false);
    this.focusHeading();
  }

  /** "Someone else on this phone": a fresh response that passes the device guard. */
  protected anotherPerson(): void {
    this.setStored({ ...this.stored(), draft: newDraft(this.personalKey(), true) });
    this.view.set('answering');
    this.resumed.set(false);
    this.checked.set(false);
    this.failure.set(null);
    this.focusHeading();
  }

  protected sendAsAnother(): void {
    this.change((draft) => ({ ...draft, anotherPerson: true }));
    this.send();
  }

  /** Sends the answers of the showing questions; a lost connection keeps them for "try again". */
  protected send(): void {
    const survey = this.loaded();
    if (!survey || this.sending()) return;
    const firstProblem = this.pageIndexes().find(
      (index) =>
        Object.keys(
          pageProblems(survey.pages[index], this.answers(), this.consents(), this.visible()),
        ).length > 0,
    );
    if (firstProblem !== undefined) {
      this.goTo(firstProblem);
      this.checked.set(true);
      return;
    }
    const draft = this.draft();
    const { answers, consents } = cleanAnswers(survey.pages, draft.answers, draft.consents);
    const retrying = this.failure() === 'failed';
    this.sending.set(true);
    this.failure.set(null);
    void this.ensureCsrf(retrying).then(() =>
      this.api
        .submit(this.token(), {
          id: draft.responseId,
          deviceKey: this.stored().deviceKey,
          personalKey: draft.personalKey,
          anotherPerson: draft.anotherPerson || undefined,
          answers,
          consents,
          language: this.i18n.locale(),
        })
        .subscribe({
          next: (receipt) => {
            this.sending.set(false);
            this.setStored(markSubmitted({ ...this.stored(), draft }, receipt.submittedAt));
            this.view.set('thanks');
            afterNextRender(() => this.done()?.nativeElement.focus(), {
              injector: this.injector,
            });
          },
          error: (error: unknown) => {
            this.sending.set(false);
            this.failed(error);
          },
        }),
    );
  }

  private failed(error: unknown): void {
    const { status, code, params }: Pick<ApiError, 'status' | 'code' | 'params'> =
      error instanceof ApiError ? error : { status: 0, code: null, params: {} };
    if (status === 410) this.failure.set('closed');
    else if (code === 'already_answered_here') this.failure.set('answeredHere');
    else if (code === 'survey_already_answered') this.failure.set('personalUsed');
    else if (code === 'survey_not_open') this.failure.set('notOpen');
    else if (code === 'survey_personal_link_invalid') this.failure.set('linkInvalid');
    else if (code === 'survey_personal_link_required') this.failure.set('linkRequired');
    else if (status === 400 && error instanceof ApiError) this.refuse(error);
    else if (status === 429) {
      this.waitMinutes.set(Number(params['minutes']) || 1);
      this.failure.set('busy');
    } else this.failure.set('failed');
  }

  /** A 400 names the question it is about: go there and say so beside it. */
  private refuse(error: ApiError): void {
    const pages = this.loaded()?.pages ?? [];
    const named = [...Object.keys(error.details), String(error.params['question'] ?? '')];
    const question = pages
      .flatMap((page, index) => page.questions.map((q) => ({ q, index })))
      .find(({ q }) => named.some((key) => key === q.id || key.endsWith(`.${q.id}`)));
    if (!question) {
      this.failure.set('notAccepted');
      return;
    }
    this.refused.set({
      [question.q.id]: error.code === 'consent_missing' ? 'consent' : 'notAccepted',
    });
    if (question.index !== this.current()) this.goTo(question.index, false);
    this.focusFirstProblem();
  }

  /** The CSRF cookie may be missing when the app started on a bad connection: fetch it again. */
  private async ensureCsrf(again: boolean): Promise<void> {
    if (!again) return;
    await firstValueFrom(this.auth.csrf().pipe(catchError(() => of(undefined))));
  }

  private goTo(pageIndex: number, resetChecks = true): void {
    this.change((draft) => ({ ...draft, page: pageIndex }));
    if (resetChecks) this.checked.set(false);
    this.resumed.set(false);
    this.focusHeading();
  }

  private change(update: (draft: SurveyDraft) => SurveyDraft): void {
    this.setStored({ ...this.stored(), draft: update(this.draft()) });
  }

  private setStored(state: StoredSurvey): void {
    writeSurvey(this.storage, this.token(), state);
    this.stored.set(state);
  }

  /** After a page change the reader starts at the page's heading. */
  private focusHeading(): void {
    afterNextRender(() => this.pageHeading()?.nativeElement.focus(), { injector: this.injector });
  }

  private focusFirstProblem(): void {
    afterNextRender(
      () => {
        const problem = document.querySelector<HTMLElement>('.problem');
        const question = problem?.closest('blup-survey-question');
        const target = question?.querySelector<HTMLElement>('input, textarea, button');
        (target ?? this.pageHeading()?.nativeElement)?.focus();
      },
      { injector: this.injector },
    );
  }
}

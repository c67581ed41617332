import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatIconButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import {
  QUESTION_KINDS,
  type QuestionKind,
  SURVEY_LIMITS,
  type SurveyDto,
  SurveyOwnerKind,
  type SurveyPageDto,
  type SurveyQuestionDto,
  SurveyStatus,
} from '@blup/contracts';
import { ApiError, I18nService, SurveysApi } from '@blup/web/core';
import { confirmAction } from '../shared/confirm-action';
import { FORM_FIELDS } from '../shared/form-fields';
import { PAGE_PARTS } from '../shared/page-parts';
import { submitter } from '../shared/submitter';
import { QuestionEditor } from './question-editor';
import { SurveyProblems } from './survey-problems';
import { questionKindKey, surveyStatusKey } from './survey-labels';
import {
  blankPage,
  blankQuestion,
  dateInputValue,
  instantFromDateInput,
  move,
  moveQuestion,
  removeAt,
  removeQuestion,
  replaceAt,
  savedIds,
  surveyProblems,
  updateQuestion,
} from './survey-model';
import { SurveyShare } from './survey-share';
import { SURVEY_EDITOR_STYLES } from './survey-editor.styles';

/** The 409 when a save would remove questions or options that have answers. */
const HAS_ANSWERS = 'survey_has_answers';

/**
 * `/surveys/:id`: write a questionnaire. Settings, then pages of questions, each question shown
 * as a line until opened; up and down buttons move pages, questions and options. The whole
 * questionnaire is saved at once with its version (409: someone else saved). Also opens and
 * closes it, and shares its link and QR poster.
 */
@Component({
  selector: 'blup-survey-editor-page',
  imports: [
    PAGE_PARTS,
    FORM_FIELDS,
    MatIconButton,
    MatCheckbox,
    QuestionEditor,
    SurveyShare,
    SurveyProblems,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <blup-load-state [loading]="existing.isLoading()" [error]="existing.error()" />
    @if (saved(); as s) {
      <a matButton [routerLink]="backLink()">
        <blup-icon matButtonIcon name="back" />
        {{ 'surveyAdmin.back' | t }}
      </a>
      <blup-page-header [heading]="s.title" [subheading]="statusKey(s.status) | t">
        <a
          matButton="tonal"
          [routerLink]="['/surveys', s.id, 'results']"
          data-testid="results-link"
        >
          <blup-icon matButtonIcon name="insights" />
          {{ 'surveyAdmin.openResults' | t }}
        </a>
        @if (s.canEdit && s.ownerKind !== template) {
          @if (s.status === open) {
            <button
              matButton="outlined"
              type="button"
              data-testid="close-survey"
              (click)="setStatus(closed)"
            >
              {{ 'surveyAdmin.close' | t }}
            </button>
          } @else {
            <button
              matButton="filled"
              type="button"
              data-testid="open-survey"
              [disabled]="dirty() || status.busy()"
              (click)="setStatus(open)"
            >
              {{ (s.status === closed ? 'surveyAdmin.reopen' : 'surveyAdmin.open') | t }}
            </button>
          }
        }
      </blup-page-header>
      <blup-api-error [error]="status.error()" />
      @if (s.responseCount > 0 && s.canEdit) {
        <!-- It says what may still change: only for those who may change it. -->
        <p class="notice" data-testid="has-answers">
          {{ 'surveyAdmin.hasAnswers' | t: { count: s.responseCount } }}
        </p>
      }

      <section class="settings" aria-labelledby="settings-heading">
        <h2 id="settings-heading">{{ 'surveyAdmin.settingsHeading' | t }}</h2>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'surveyAdmin.fieldTitle' | t }}</mat-label>
          <input
            matInput
            required
            [value]="title()"
            [maxLength]="limits.titleMaxLength"
            [readonly]="!s.canEdit"
            data-testid="survey-title"
            (input)="set(title, $any($event.target).value)"
          />
        </mat-form-field>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>{{ 'surveyAdmin.fieldIntro' | t }}</mat-label>
          <textarea
            matInput
            rows="4"
            [value]="intro()"
            [maxLength]="limits.introMaxLength"
            [readonly]="!s.canEdit"
            (input)="set(intro, $any($event.target).value)"
          ></textarea>
          <mat-hint>{{ 'surveyAdmin.fieldIntroHint' | t }}</mat-hint>
        </mat-form-field>
        @if (s.ownerKind !== template) {
          <div class="pair">
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'surveyAdmin.fieldOpensAt' | t }}</mat-label>
              <input
                matInput
                type="date"
                [value]="opensAt()"
                [readonly]="!s.canEdit"
                (input)="set(opensAt, $any($event.target).value)"
              />
            </mat-form-field>
            <mat-form-field subscriptSizing="dynamic">
              <mat-label>{{ 'surveyAdmin.fieldClosesAt' | t }}</mat-label>
              <input
                matInput
                type="date"
                [value]="closesAt()"
                [readonly]="!s.canEdit"
                (input)="set(closesAt, $any($event.target).value)"
              />
            </mat-form-field>
          </div>
          <p class="hint">{{ 'surveyAdmin.datesHint' | t }}</p>
          <mat-checkbox
            [checked]="anonymousLink()"
            [disabled]="!s.canEdit"
            (change)="set(anonymousLink, $event.checked)"
          >
            {{ 'surveyAdmin.anonymousLink' | t }}
          </mat-checkbox>
          <p class="hint">{{ 'surveyAdmin.anonymousLinkHint' | t }}</p>
        }
      </section>

      <section aria-labelledby="pages-heading">
        <h2 id="pages-heading">{{ 'surveyAdmin.pagesHeading' | t }}</h2>
        @for (
          page of pages();
          track page.id;
          let p = $index, firstPage = $first, lastPage = $last
        ) {
          <section
            class="page"
            [attr.aria-label]="'surveyAdmin.page' | t: { n: p + 1 }"
            data-testid="survey-page"
          >
            <div class="page-head">
              <mat-form-field subscriptSizing="dynamic" class="page-title">
                <mat-label>
                  {{ 'surveyAdmin.page' | t: { n: p + 1 } }} · {{ 'surveyAdmin.pageTitle' | t }}
                </mat-label>
                <input
                  matInput
                  [value]="page.title"
                  [readonly]="!s.canEdit"
                  (input)="renamePage(p, $any($event.target).value)"
                />
              </mat-form-field>
              @if (s.canEdit) {
                <div class="row-buttons">
                  <button
                    matIconButton
                    type="button"
                    [disabled]="firstPage"
                    [attr.aria-label]="'surveyAdmin.pageUp' | t: { n: p + 1 }"
                    (click)="setPages(move(pages(), p, -1))"
                  >
                    <blup-icon name="up" />
                  </button>
                  <button
                    matIconButton
                    type="button"
                    [disabled]="lastPage"
                    [attr.aria-label]="'surveyAdmin.pageDown' | t: { n: p + 1 }"
                    (click)="setPages(move(pages(), p, 1))"
                  >
                    <blup-icon name="down" />
                  </button>
                  <button
                    matIconButton
                    type="button"
                    [disabled]="pages().length === 1 || pageLocked(page)"
                    [attr.aria-label]="'surveyAdmin.removePage' | t: { n: p + 1 }"
                    (click)="setPages(removeAt(pages(), p))"
                  >
                    <blup-icon name="delete" />
                  </button>
                </div>
              }
            </div>
            <ol class="questions">
              @for (q of page.questions; track q.id; let i = $index) {
                <li class="question" [class.open]="editing() === q.id" data-testid="question">
                  @if (editing() === q.id && s.canEdit) {
                    <blup-question-editor
                      [question]="q"
                      [pages]="pages()"
                      [answered]="answered()"
                      [mayPublish]="s.ownerKind === village"
                      (changed)="setPages(updateQuestion(pages(), $event))"
                      (done)="editing.set(null)"
                    />
                  } @else {
                    <div class="line">
                      <span class="q-text">
                        <strong>{{ q.title || ('surveyAdmin.untitled' | t) }}</strong>
                        <span class="q-kind">
                          {{ kindKey(q.kind) | t }}
                          @if (q.required) {
                            · {{ 'surveyAdmin.required' | t }}
                          }
                          @if (q.condition) {
                            · {{ 'surveyAdmin.conditionQuestion' | t }} …
                          }
                        </span>
                      </span>
                      @if (s.canEdit) {
                        <div class="row-buttons">
                          <button
                            matIconButton
                            type="button"
                            [attr.aria-label]="'surveyAdmin.editQuestion' | t: { title: label(q) }"
                            data-testid="edit-question"
                            (click)="editing.set(q.id)"
                          >
                            <blup-icon name="edit" />
                          </button>
                          <button
                            matIconButton
                            type="button"
                            [disabled]="firstPage && i === 0"
                            [attr.aria-label]="'surveyAdmin.questionUp' | t: { title: label(q) }"
                            (click)="setPages(moveQuestion(pages(), q.id, -1))"
                          >
                            <blup-icon name="up" />
                          </button>
                          <button
                            matIconButton
                            type="button"
                            [disabled]="lastPage && i === page.questions.length - 1"
                            [attr.aria-label]="'surveyAdmin.questionDown' | t: { title: label(q) }"
                            (click)="setPages(moveQuestion(pages(), q.id, 1))"
                          >
                            <blup-icon name="down" />
                          </button>
                          <button
                            matIconButton
                            type="button"
                            [disabled]="answered().has(q.id)"
                            [attr.aria-label]="
                              'surveyAdmin.removeQuestion' | t: { title: label(q) }
                            "
                            (click)="setPages(removeQuestion(pages(), q.id))"
                          >
                            <blup-icon name="delete" />
                          </button>
                        </div>
                      }
                    </div>
                    @if (s.canEdit && answered().has(q.id)) {
                      <span class="q-kind">{{ 'surveyAdmin.lockedQuestion' | t }}</span>
                    }
                  }
                </li>
              } @empty {
                <li class="hint">{{ 'surveyAdmin.pageEmpty' | t }}</li>
              }
            </ol>
            @if (s.canEdit) {
              @if (addingTo() === page.id) {
                <fieldset class="kinds">
                  <legend>{{ 'surveyAdmin.newQuestionKind' | t }}</legend>
                  @for (kind of kinds; track kind) {
                    <button
                      matButton="outlined"
                      type="button"
                      [attr.data-testid]="'add-' + kind"
                      (click)="addQuestion(p, kind)"
                    >
                      {{ kindKey(kind) | t }}
                    </button>
                  }
                  <button matButton type="button" (click)="addingTo.set(null)">
                    {{ 'common.cancel' | t }}
                  </button>
                </fieldset>
              } @else {
                <button
                  matButton="outlined"
                  type="button"
                  class="add"
                  data-testid="add-question"
                  [disabled]="full()"
                  (click)="addingTo.set(page.id)"
                >
                  <blup-icon matButtonIcon name="add" />
                  {{ 'surveyAdmin.addQuestion' | t }}
                </button>
              }
            }
          </section>
        }
        @if (s.canEdit) {
          <button
            matButton="outlined"
            type="button"
            class="add"
            data-testid="add-page"
            [disabled]="pages().length >= limits.pagesMax"
            (click)="setPages([...pages(), blankPage()])"
          >
            <blup-icon matButtonIcon name="add" />
            {{ 'surveyAdmin.addPage' | t }}
          </button>
        }
      </section>

      @if (s.canEdit) {
        <div class="save-bar">
          <blup-survey-problems [problems]="problems()" [pages]="pages()" />
          @if (conflict() === 'answers') {
            <p class="error" role="alert" data-testid="has-answers-conflict">
              {{ 'surveyAdmin.cannotRemove' | t }}
            </p>
          } @else {
            <!-- A 409 survey_changed names who saved in between (the errors' own text). -->
            <blup-api-error [error]="save.error()" />
          }
          <div class="save-row">
            <button
              matButton="filled"
              type="button"
              data-testid="save-survey"
              [disabled]="save.busy() || !dirty() || problems().length > 0 || !title().trim()"
              (click)="saveSurvey()"
            >
              {{ 'common.save' | t }}
            </button>
            @if (conflict()) {
              <button
                matButton="tonal"
                type="button"
                data-testid="load-their-version"
                (click)="reload()"
              >
                {{ 'surveyAdmin.loadTheirVersion' | t }}
              </button>
            }
            <span class="state" aria-live="polite">
              {{ (dirty() ? 'surveyAdmin.unsaved' : 'surveyAdmin.allSaved') | t }}
            </span>
          </div>
        </div>
      }

      @if (s.ownerKind !== template) {
        <blup-survey-share [survey]="s" />
      }
      @if (s.canEdit && s.status === draft && s.responseCount === 0) {
        <button
          matButton
          type="button"
          class="delete"
          data-testid="delete-survey"
          (click)="remove(s)"
        >
          <blup-icon matButtonIcon name="delete" />
          {{ 'surveyAdmin.delete' | t }}
        </button>
      }
    }
  `,
  styles: SURVEY_EDITOR_STYLES,
})
export class SurveyEditorPage {
  private readonly api = inject(SurveysApi);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);
  private readonly confirm = confirmAction();

  readonly id = input.required<string>();

  protected readonly existing = rxResource({
    params: () => this.id(),
    stream: ({ params }) => this.api.survey(params),
  });
  /** The survey as last loaded or saved. */
  protected readonly saved = signal<SurveyDto | null>(null);
  protected readonly title = signal('');
  protected readonly intro = signal('');
  protected readonly opensAt = signal('');
  protected readonly closesAt = signal('');
  protected readonly anonymousLink = signal(true);
  protected readonly pages = signal<SurveyPageDto[]>([]);
  protected readonly dirty = signal(false);
  /** The question opened for editing. */
  protected readonly editing = signal<string | null>(null);
  /** The page whose "add question" kinds are showing. */
  protected readonly addingTo = signal<string | null>(null);

  protected readonly save = submitter();
  protected readonly status = submitter();

  protected readonly limits = SURVEY_LIMITS;
  protected readonly kinds = QUESTION_KINDS;
  protected readonly kindKey = questionKindKey;
  protected readonly statusKey = surveyStatusKey;
  protected readonly draft = SurveyStatus.Draft;
  protected readonly open = SurveyStatus.Open;
  protected readonly closed = SurveyStatus.Closed;
  protected readonly template = SurveyOwnerKind.Template;
  protected readonly village = SurveyOwnerKind.Village;
  protected readonly move = move;
  protected readonly removeAt = removeAt;
  protected readonly moveQuestion = moveQuestion;
  protected readonly removeQuestion = removeQuestion;
  protected readonly updateQuestion = updateQuestion;
  protected readonly blankPage = () => blankPage();

  /** What answers may already use: these cannot be removed (once there are answers). */
  protected readonly answered = computed<ReadonlySet<string>>(() => {
    const s = this.saved();
    return s && s.responseCount > 0 ? savedIds(s.pages) : new Set();
  });
  protected readonly problems = computed(() => surveyProblems(this.pages()));
  protected readonly full = computed(
    () => this.pages().reduce((n, p) => n + p.questions.length, 0) >= SURVEY_LIMITS.questionsMax,
  );
  protected readonly conflict = computed<'changed' | 'answers' | null>(() => {
    const error = this.save.error();
    if (!(error instanceof ApiError) || error.status !== 409) return null;
    // `survey_changed`, or any other 409 on a save: their version is the one to start from.
    return error.code === HAS_ANSWERS ? 'answers' : 'changed';
  });
  protected readonly backLink = computed(() => {
    const s = this.saved();
    if (s?.villageId) return ['/villages', s.villageId, 'surveys'];
    if (s?.municipalityId) return ['/municipalities', s.municipalityId, 'surveys'];
    return ['/surveys/templates'];
  });

  constructor() {
    effect(() => {
      if (this.existing.hasValue()) this.fill(this.existing.value());
    });
  }

  protected label(q: SurveyQuestionDto): string {
    return q.title.trim() || this.i18n.t('surveyAdmin.untitled');
  }

  protected set<T>(target: { set(value: T): void }, value: T): void {
    target.set(value);
    this.dirty.set(true);
  }

  protected setPages(pages: SurveyPageDto[]): void {
    this.pages.set(pages);
    this.dirty.set(true);
  }

  protected renamePage(index: number, title: string): void {
    this.setPages(replaceAt(this.pages(), index, { ...this.pages()[index], title }));
  }

  protected pageLocked(page: SurveyPageDto): boolean {
    return page.questions.some((q) => this.answered().has(q.id));
  }

  protected addQuestion(pageIndex: number, kind: QuestionKind): void {
    const question = blankQuestion(kind);
    const page = this.pages()[pageIndex];
    this.setPages(
      replaceAt(this.pages(), pageIndex, { ...page, questions: [...page.questions, question] }),
    );
    this.addingTo.set(null);
    this.editing.set(question.id);
  }

  protected saveSurvey(): void {
    const s = this.saved();
    if (!s || this.problems().length) return;
    this.save.run(
      null,
      () =>
        this.api.update(s.id, {
          version: s.version,
          title: this.title().trim(),
          intro: this.intro(),
          ...(s.ownerKind === SurveyOwnerKind.Template
            ? {}
            : {
                opensAt: instantFromDateInput(this.opensAt(), false),
                closesAt: instantFromDateInput(this.closesAt(), true),
                anonymousLink: this.anonymousLink(),
              }),
          pages: this.pages(),
        }),
      (survey) => {
        this.fill(survey);
        this.snackBar.open(this.i18n.t('common.saved'), undefined, { duration: 3000 });
      },
    );
  }

  /** After a 409: their version replaces the form (the person makes the change again). */
  protected reload(): void {
    this.save.error.set(null);
    this.existing.reload();
  }

  protected setStatus(status: SurveyStatus): void {
    const s = this.saved();
    if (!s) return;
    const opening = status === SurveyStatus.Open;
    this.confirm({
      ask: {
        title: this.i18n.t(
          opening ? 'surveyAdmin.openConfirmTitle' : 'surveyAdmin.closeConfirmTitle',
        ),
        message: this.i18n.t(
          opening ? 'surveyAdmin.openConfirmText' : 'surveyAdmin.closeConfirmText',
        ),
        confirm: this.i18n.t(opening ? 'surveyAdmin.open' : 'surveyAdmin.close'),
        cancel: this.i18n.t('common.cancel'),
      },
      act: () => this.api.setStatus(s.id, { version: s.version, status }),
      done: opening ? 'surveyAdmin.opened' : 'surveyAdmin.closed',
      then: (survey) => this.fill(survey),
      failed: (error) => this.status.error.set(error),
    });
  }

  protected remove(s: SurveyDto): void {
    this.confirm({
      ask: {
        title: this.i18n.t('surveyAdmin.deleteConfirmTitle', { title: s.title }),
        message: this.i18n.t('surveyAdmin.deleteConfirmText'),
        confirm: this.i18n.t('surveyAdmin.delete'),
        cancel: this.i18n.t('common.cancel'),
      },
      act: () => this.api.remove(s.id),
      done: 'surveyAdmin.deleted',
      then: () => void this.router.navigate(this.backLink()),
      failed: (error) => this.status.error.set(error),
    });
  }

  private fill(survey: SurveyDto): void {
    this.saved.set(survey);
    this.title.set(survey.title);
    this.intro.set(survey.intro);
    this.opensAt.set(dateInputValue(survey.opensAt));
    this.closesAt.set(dateInputValue(survey.closesAt));
    this.anonymousLink.set(survey.anonymousLink);
    this.pages.set(survey.pages.length ? survey.pages : [blankPage()]);
    this.dirty.set(false);
  }
}

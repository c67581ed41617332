import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { SURVEY_LIMITS, SurveyPurpose, type SurveySummaryDto } from '@blup/contracts';
import {
  AuthStore,
  I18nService,
  OrganisationsApi,
  type SurveyOwner,
  SurveysApi,
  canEditGoals,
  canEditVillage,
  isSecretariat,
  pagedList,
  type TranslationKey,
} from '@blup/web/core';
import { of } from 'rxjs';
import { FORM_FIELDS } from '../shared/form-fields';
import { ListFrame } from '../shared/list-frame';
import { PAGE_PARTS } from '../shared/page-parts';
import { submitter } from '../shared/submitter';
import { surveyPurposeKey, surveyStatusKey } from './survey-labels';

/**
 * `/villages/:villageId/surveys`, `/municipalities/:municipalityId/surveys` and, for the
 * secretariat, `/surveys/templates`: the questionnaires, newest first, and "Nyt spørgeskema",
 * which starts from a template (the mapping questionnaire, the needs analysis) or from nothing.
 */
@Component({
  selector: 'blup-surveys-page',
  imports: [PAGE_PARTS, FORM_FIELDS, ListFrame],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (!ownerName()) {
      <!-- Still loading, or not a village or municipality one may see: no nameless link. -->
    } @else if (villageId(); as id) {
      <a matButton [routerLink]="['/villages', id]">
        <blup-icon matButtonIcon name="back" />
        {{ ownerName() }}
      </a>
    } @else if (municipalityId(); as id) {
      <a matButton [routerLink]="['/municipalities', id]">
        <blup-icon matButtonIcon name="back" />
        {{ ownerName() }}
      </a>
    }
    <blup-page-header [heading]="heading()" [subheading]="intro() | t">
      @if (canCreate() && !creating()) {
        <button matButton="filled" type="button" data-testid="add-survey" (click)="startCreate()">
          <blup-icon matButtonIcon name="add" />
          {{ (templates() ? 'surveyAdmin.addTemplate' : 'surveyAdmin.add') | t }}
        </button>
      }
      @if (!templates() && isSecretariat()) {
        <a matButton="outlined" routerLink="/surveys/templates">
          <blup-icon matButtonIcon name="article" />
          {{ 'surveyAdmin.templatesLink' | t }}
        </a>
      }
    </blup-page-header>

    @if (creating()) {
      <form class="create" [formGroup]="form" (ngSubmit)="create()" data-testid="create-survey">
        <h2>{{ 'surveyAdmin.createTitle' | t }}</h2>
        <blup-text-field
          [control]="form.controls.title"
          [label]="'surveyAdmin.fieldTitle' | t"
          [hint]="'surveyAdmin.fieldTitleHint' | t"
          testId="survey-title"
        />
        @if (!templates()) {
          <fieldset>
            <legend>{{ 'surveyAdmin.startFrom' | t }}</legend>
            <div class="choices">
              @for (template of templateList(); track template.id) {
                <button
                  matButton="outlined"
                  type="button"
                  class="choice"
                  [class.on]="copyFrom() === template.id"
                  [attr.aria-pressed]="copyFrom() === template.id"
                  [attr.data-testid]="'template-' + template.id"
                  (click)="chooseTemplate(template)"
                >
                  <span class="choice-text">
                    <strong>{{ template.title }}</strong>
                    <span class="small">
                      {{
                        'surveyAdmin.startTemplateHint' | t: { questions: template.questionCount }
                      }}
                    </span>
                  </span>
                </button>
              }
              <button
                matButton="outlined"
                type="button"
                class="choice"
                [class.on]="copyFrom() === null"
                [attr.aria-pressed]="copyFrom() === null"
                data-testid="template-blank"
                (click)="copyFrom.set(null)"
              >
                <span class="choice-text">
                  <strong>{{ 'surveyAdmin.startBlank' | t }}</strong>
                  <span class="small">{{ 'surveyAdmin.startBlankHint' | t }}</span>
                </span>
              </button>
            </div>
          </fieldset>
        }
        <blup-api-error [error]="submit.error()" />
        <div class="actions">
          <button matButton="filled" type="submit" [disabled]="submit.busy()">
            {{ 'common.create' | t }}
          </button>
          <button matButton type="button" (click)="creating.set(false)">
            {{ 'common.cancel' | t }}
          </button>
        </div>
      </form>
    }

    <blup-list-frame
      [list]="list"
      [emptyText]="canCreate() ? 'surveyAdmin.emptyCanCreate' : 'surveyAdmin.empty'"
    >
      <ul class="cards" data-testid="surveys">
        @for (survey of list.items(); track survey.id) {
          <li class="card">
            <a class="title" [routerLink]="['/surveys', survey.id]" data-testid="survey-link">
              {{ survey.title }}
            </a>
            @if (templates()) {
              <span class="status">{{ purposeKey(survey.purpose) | t }}</span>
              <span class="meta">
                {{ 'surveyAdmin.questionCount' | t: { count: survey.questionCount } }}
              </span>
            } @else {
              <span class="status" [attr.data-status]="survey.status">
                {{ statusKey(survey.status) | t }} · {{ purposeKey(survey.purpose) | t }}
              </span>
              <span class="meta">
                {{
                  'surveyAdmin.summary'
                    | t: { questions: survey.questionCount, responses: survey.responseCount }
                }}
              </span>
            }
            <div class="links">
              @if (templates()) {
                <a
                  matButton="tonal"
                  [routerLink]="['/surveys/templates', survey.id, 'comparison']"
                  data-testid="compare"
                >
                  <blup-icon matButtonIcon name="grid" />
                  {{ 'surveyAdmin.compare' | t }}
                </a>
              } @else {
                <a
                  matButton="tonal"
                  [routerLink]="['/surveys', survey.id, 'results']"
                  data-testid="results-link"
                >
                  <blup-icon matButtonIcon name="insights" />
                  {{ 'surveyAdmin.openResults' | t }}
                </a>
              }
            </div>
          </li>
        }
      </ul>
    </blup-list-frame>
  `,
  styles: `
    .create {
      display: grid;
      gap: 12px;
      padding: 16px;
      margin-block-end: 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .create h2 {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    fieldset {
      border: 0;
      margin: 0;
      padding: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-block-end: 8px;
    }
    .choices {
      display: grid;
      gap: 8px;
    }
    .choice {
      justify-content: flex-start;
      min-block-size: 56px;
      block-size: auto;
      padding-block: 10px;
      border-radius: var(--mat-sys-corner-medium);
      white-space: normal;
    }
    .choice-text {
      display: grid;
      gap: 2px;
      text-align: start;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
    .choice.on {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
      outline: 2px solid var(--mat-sys-primary);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
    }
    .actions button {
      min-block-size: 48px;
    }
    .cards {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 12px;
    }
    .card {
      display: grid;
      gap: 4px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .title {
      font: var(--mat-sys-title-medium);
      color: var(--mat-sys-primary);
      min-block-size: 48px;
      display: flex;
      align-items: center;
    }
    .status {
      font: var(--mat-sys-label-large);
    }
    .meta {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .links a {
      min-block-size: 48px;
    }
  `,
})
export class SurveysPage {
  private readonly api = inject(SurveysApi);
  private readonly organisations = inject(OrganisationsApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  readonly villageId = input<string>();
  readonly municipalityId = input<string>();
  /** From the route's data: the secretariat's templates. */
  readonly templates = input(false);

  private readonly owner = computed<SurveyOwner>(() => {
    const villageId = this.villageId();
    const municipalityId = this.municipalityId();
    if (villageId) return { villageId };
    if (municipalityId) return { municipalityId };
    return { templates: true };
  });
  protected readonly statusKey = surveyStatusKey;
  protected readonly purposeKey = surveyPurposeKey;
  protected readonly isSecretariat = computed(() => isSecretariat(this.auth.user()));

  private readonly village = rxResource({
    params: () => this.villageId(),
    stream: ({ params }) => (params ? this.organisations.village(params) : of(null)),
  });
  private readonly municipality = rxResource({
    params: () => this.municipalityId(),
    stream: ({ params }) => (params ? this.organisations.municipality(params) : of(null)),
  });
  /** '' while loading, or when the address names a village or municipality one may not see. */
  protected readonly ownerName = computed(
    () =>
      (this.village.hasValue() ? this.village.value()?.name : undefined) ??
      (this.municipality.hasValue() ? this.municipality.value()?.name : undefined) ??
      '',
  );
  protected readonly heading = computed(() =>
    (this.villageId() || this.municipalityId()) && !this.ownerName()
      ? this.i18n.t('surveyAdmin.title')
      : this.villageId()
        ? this.i18n.t('surveyAdmin.villageTitle', { name: this.ownerName() })
        : this.municipalityId()
          ? this.i18n.t('surveyAdmin.municipalityTitle', { name: this.ownerName() })
          : this.i18n.t('surveyAdmin.templatesTitle'),
  );
  protected readonly intro = computed<TranslationKey>(() =>
    this.villageId()
      ? 'surveyAdmin.villageIntro'
      : this.municipalityId()
        ? 'surveyAdmin.municipalityIntro'
        : 'surveyAdmin.templatesIntro',
  );
  protected readonly canCreate = computed(() => {
    const user = this.auth.user();
    const villageId = this.villageId();
    const municipalityId = this.municipalityId();
    if (villageId) return canEditGoals(user, villageId);
    if (municipalityId) return canEditVillage(user, municipalityId);
    return isSecretariat(user);
  });

  protected readonly list = pagedList<SurveySummaryDto, { owner?: SurveyOwner }>(
    ({ owner, ...query }) => this.api.list(owner ?? this.owner(), query),
    { scope: () => ({ owner: this.owner() }) },
  );

  protected readonly creating = signal(false);
  protected readonly copyFrom = signal<string | null>(null);
  private readonly templateResource = rxResource({
    params: () => (this.creating() && !this.templates() ? true : undefined),
    stream: () => this.api.templates({ pageSize: 50 }),
  });
  protected readonly templateList = computed(() =>
    this.templateResource.hasValue() ? this.templateResource.value().items : [],
  );

  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    title: ['', [Validators.required, Validators.maxLength(SURVEY_LIMITS.titleMaxLength)]],
  });
  protected readonly submit = submitter();
  private chosenPurpose: SurveyPurpose | undefined;

  protected startCreate(): void {
    this.creating.set(true);
    this.copyFrom.set(null);
    this.chosenPurpose = undefined;
  }

  protected chooseTemplate(template: SurveySummaryDto): void {
    this.copyFrom.set(template.id);
    this.chosenPurpose = template.purpose;
    if (!this.form.controls.title.value.trim()) this.form.controls.title.setValue(template.title);
  }

  protected create(): void {
    const purpose = this.chosenPurpose ?? SurveyPurpose.Other;
    this.submit.run(
      this.form,
      () =>
        this.api.create(this.owner(), {
          title: this.form.controls.title.value.trim(),
          purpose,
          copyFromId: this.copyFrom(),
        }),
      (survey) => void this.router.navigate(['/surveys', survey.id]),
    );
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateSurveyRequest,
  Page,
  PageQuery,
  PublicSurveyDto,
  PublishedSurveyResultsDto,
  SubmitSurveyResponseRequest,
  SurveyComparisonDto,
  SurveyDto,
  SurveyResponseReceiptDto,
  SurveyResultsDto,
  SurveyStatus,
  SurveyStatusRequest,
  SurveySummaryDto,
  TextAnswerDto,
  UpdateSurveyRequest,
} from '@blup/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './query-params';

const id = encodeURIComponent;

/** Whose surveys: a village's, a municipality's, or the secretariat's templates. */
export type SurveyOwner = { villageId: string } | { municipalityId: string } | { templates: true };

export interface SurveysQuery extends PageQuery {
  status?: SurveyStatus;
}

/** Count only the respondents who chose this option of this choice question. */
export interface SurveyResultsFilter {
  questionId?: string;
  optionId?: string;
}

function ownerPath(owner: SurveyOwner): string {
  if ('villageId' in owner) return `/api/villages/${id(owner.villageId)}/surveys`;
  if ('municipalityId' in owner) return `/api/municipalities/${id(owner.municipalityId)}/surveys`;
  return '/api/survey-templates';
}

const survey = (surveyId: string) => `/api/surveys/${id(surveyId)}`;
const publicSurvey = (token: string) => `/api/public/surveys/${id(token)}`;

/**
 * Questionnaires: for respondents the public answering (no account, no cookie needed), for
 * steering groups, coordinators and the secretariat the writing, opening and closing, results,
 * free-text answers, the CSV export, the poster and the needs-analysis comparison.
 */
@Injectable({ providedIn: 'root' })
export class SurveysApi {
  private readonly http = inject(HttpClient);

  // ---- Answering (public) ----

  /** The questionnaire behind a public link: 404 unknown or draft, 410 closed. */
  publicSurvey(token: string): Observable<PublicSurveyDto> {
    return this.http.get<PublicSurveyDto>(publicSurvey(token));
  }

  /** Sends the answers once: the same `id` again gives the same receipt. */
  submit(token: string, body: SubmitSurveyResponseRequest): Observable<SurveyResponseReceiptDto> {
    return this.http.post<SurveyResponseReceiptDto>(`${publicSurvey(token)}/responses`, body);
  }

  // ---- The owner's side ----

  list(owner: SurveyOwner, query: SurveysQuery = {}): Observable<Page<SurveySummaryDto>> {
    return this.http.get<Page<SurveySummaryDto>>(ownerPath(owner), {
      params: queryParams(query),
    });
  }

  /** The secretariat's templates, to copy from. */
  templates(query: PageQuery = {}): Observable<Page<SurveySummaryDto>> {
    return this.list({ templates: true }, query);
  }

  survey(surveyId: string): Observable<SurveyDto> {
    return this.http.get<SurveyDto>(survey(surveyId));
  }

  /** A new draft; with `copyFromId` a copy of that template's (or survey's) intro and pages. */
  create(owner: SurveyOwner, body: CreateSurveyRequest): Observable<SurveyDto> {
    return this.http.post<SurveyDto>(ownerPath(owner), body);
  }

  /** A copy of a template (or one of the owner's own surveys) as a new draft. */
  copy(owner: SurveyOwner, copyFromId: string, title: string): Observable<SurveyDto> {
    return this.create(owner, { title, copyFromId });
  }

  update(surveyId: string, body: UpdateSurveyRequest): Observable<SurveyDto> {
    return this.http.patch<SurveyDto>(survey(surveyId), body);
  }

  /** Open or close (or back to draft while it has no answers). */
  setStatus(surveyId: string, body: SurveyStatusRequest): Observable<SurveyDto> {
    return this.http.put<SurveyDto>(`${survey(surveyId)}/status`, body);
  }

  /** Deletes a survey (a draft without answers). */
  remove(surveyId: string): Observable<void> {
    return this.http.delete<void>(survey(surveyId));
  }

  results(surveyId: string, filter: SurveyResultsFilter = {}): Observable<SurveyResultsDto> {
    return this.http.get<SurveyResultsDto>(`${survey(surveyId)}/results`, {
      params: queryParams(filter),
    });
  }

  /** The answers to one text question, newest first (of a group, with the filter). */
  texts(
    surveyId: string,
    questionId: string,
    query: PageQuery & { filterQuestionId?: string; filterOptionId?: string } = {},
  ): Observable<Page<TextAnswerDto>> {
    return this.http.get<Page<TextAnswerDto>>(`${survey(surveyId)}/results/texts`, {
      params: queryParams({ ...query, questionId }),
    });
  }

  /** Where the browser downloads every response as CSV for Danish Excel (session cookie). */
  exportUrl(surveyId: string): string {
    return `${survey(surveyId)}/export.csv`;
  }

  /** The printable A4 poster (SVG) with the public link's QR code (session cookie). */
  posterUrl(surveyId: string): string {
    return `${survey(surveyId)}/poster.svg`;
  }

  /** The needs analysis side by side: each copy of one template. */
  comparison(templateId: string): Observable<SurveyComparisonDto> {
    return this.http.get<SurveyComparisonDto>(`/api/survey-templates/${id(templateId)}/comparison`);
  }

  /** The results a village chose to show on its public page (by the page's slug). */
  publishedResults(
    villageSlug: string,
    query: PageQuery = {},
  ): Observable<Page<PublishedSurveyResultsDto>> {
    return this.http.get<Page<PublishedSurveyResultsDto>>(
      `/api/public/plans/${id(villageSlug)}/survey-results`,
      { params: queryParams(query) },
    );
  }
}

/** The public answering page's address for a token (and a personal key from a newsletter). */
export function surveyLink(token: string, personalKey?: string | null): string {
  const path = `/spoergeskema/${encodeURIComponent(token)}`;
  return personalKey ? `${path}?p=${encodeURIComponent(personalKey)}` : path;
}

import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  QuestionKind,
  SurveyOwnerKind,
  surveyPublicPath,
  type Page,
  type PublishedSurveyResultsDto,
  type SurveyComparisonDto,
  type SurveyPageDto,
  type SurveyQuestionDto,
  type SurveyResultsDto,
  type TextAnswerDto,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canCompareSurveys } from '../access/survey-access-policy';
import { fieldError, notFound } from '../common/app-exception';
import { displayFileName } from '../common/file-download';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SLUG_PATTERN } from './survey-slug';
import { questionsOf, TEXT_KINDS } from './survey-content';
import { posterSvg, surveyCsv } from './survey-files';
import { questionResult, questionResults } from './survey-results';
import type { ResultsQueryDto, TextAnswersQueryDto } from './survey-results.dto';
import {
  countAnswers,
  findCopies,
  findPublishedSurveys,
  findResponsesForExport,
  findTextAnswers,
  type CountRow,
} from './survey-results.queries';
import { forbidden, readable } from './survey-rules';
import { findSurvey } from './surveys.queries';

const NOT_PUBLISHED =
  'This village has not published its plan, or there is no village at this address.';
const FILTER_KINDS = new Set([QuestionKind.SingleChoice, QuestionKind.MultipleChoice]);

/**
 * Results while a survey runs and after: counts per question (two statements whatever the number
 * of answers: the survey, then every count), free-text answers a page at a time, the CSV export,
 * the QR poster, the needs analysis side by side, and the results a village publishes.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async results(actor: Actor, id: string, query: ResultsQueryDto): Promise<SurveyResultsDto> {
    const em = this.dataSource.manager;
    const { row } = readable(actor, await findSurvey(em, id));
    const pages = row.pages ?? [];
    const filter = checkFilter(pages, query.questionId, query.optionId, 'questionId');
    const counts = await countAnswers(em, [row.id], filter);
    return {
      surveyId: row.id,
      responses: counts.find((c) => c.g === -1)?.count ?? 0,
      filter,
      questions: questionResults(questionsOf(pages), counts),
      readAt: new Date().toISOString(),
    };
  }

  async texts(actor: Actor, id: string, query: TextAnswersQueryDto): Promise<Page<TextAnswerDto>> {
    const em = this.dataSource.manager;
    const { row } = readable(actor, await findSurvey(em, id));
    const pages = row.pages ?? [];
    const question = questionsOf(pages).find((q) => q.id === query.questionId);
    if (!question || !TEXT_KINDS.has(question.kind)) {
      throw fieldError(
        ErrorCode.ValidationFailed,
        'questionId',
        'questionId must name a short or long text question of this survey',
      );
    }
    const filter = checkFilter(
      pages,
      query.filterQuestionId,
      query.filterOptionId,
      'filterQuestionId',
    );
    const rows = await findTextAnswers(em, row.id, question.id, filter, pageWindow(query));
    return toPage(
      rows.map((r) => ({
        responseId: r.response_id,
        text: r.text,
        submittedAt: r.submitted_at.toISOString(),
      })),
      rows[0]?.total ?? 0,
      query,
    );
  }

  async exportCsv(actor: Actor, id: string): Promise<{ csv: string; fileName: string }> {
    const em = this.dataSource.manager;
    const { row } = readable(actor, await findSurvey(em, id));
    const responses = await findResponsesForExport(em, row.id);
    return {
      csv: surveyCsv(row.pages ?? [], responses),
      fileName: displayFileName(`${fileSafe(row.title)}.csv`, 'svar.csv'),
    };
  }

  async poster(actor: Actor, id: string): Promise<{ svg: string; fileName: string }> {
    const { row, access } = readable(actor, await findSurvey(this.dataSource.manager, id));
    if (access !== 'edit' || row.owner_kind === SurveyOwnerKind.Template) {
      throw forbidden('Only those who may change the survey get its public link and poster.');
    }
    const url = `${this.config.publicUrl}${surveyPublicPath(row.public_token)}`;
    return {
      svg: posterSvg(row.title, row.village_name ?? row.municipality_name, url),
      fileName: displayFileName(`Plakat – ${fileSafe(row.title)}.svg`, 'plakat.svg'),
    };
  }

  async comparison(actor: Actor, templateId: string): Promise<SurveyComparisonDto> {
    const em = this.dataSource.manager;
    const { row } = readable(actor, await findSurvey(em, templateId));
    if (row.owner_kind !== SurveyOwnerKind.Template) throw notFound('No such template.');
    if (!canCompareSurveys(actor)) {
      throw forbidden(
        'Only the secretariat compares the copies of a template across municipalities.',
      );
    }
    const copies = await findCopies(em, row.id);
    const counts = copies.length
      ? await countAnswers(
          em,
          copies.map((c) => c.id),
          null,
        )
      : [];
    const bySurvey = groupBy(counts, (c) => c.survey_id);
    const compared = questionsOf(row.pages ?? []).filter(
      (q) => q.kind !== QuestionKind.Info && !TEXT_KINDS.has(q.kind) && !q.personalData,
    );
    const copyQuestions = copies.map(
      (c) => new Map(questionsOf(c.pages as SurveyPageDto[]).map((q) => [q.id, q])),
    );
    return {
      templateId: row.id,
      templateTitle: row.title,
      columns: copies.map((c) => ({
        surveyId: c.id,
        ownerName: c.owner_name,
        responses: c.responses,
      })),
      questions: compared.map((q) => ({
        questionId: q.id,
        title: q.title,
        kind: q.kind,
        options: q.options,
        results: copies.map((copy, i) => {
          const kept = copyQuestions[i].get(q.id);
          if (!kept || kept.kind !== q.kind) return null;
          const rows = (bySurvey.get(copy.id) ?? []).filter((c) => c.question_id === q.id);
          return questionResult(kept, rows);
        }),
      })),
    };
  }

  async published(slug: string, query: PageQueryDto): Promise<Page<PublishedSurveyResultsDto>> {
    if (slug.length > 80 || !SLUG_PATTERN.test(slug)) throw notFound(NOT_PUBLISHED);
    const em = this.dataSource.manager;
    const { found, rows, total } = await findPublishedSurveys(em, slug, pageWindow(query));
    if (!found) throw notFound(NOT_PUBLISHED);
    const counts = rows.length
      ? await countAnswers(
          em,
          rows.map((r) => r.id),
          null,
        )
      : [];
    const bySurvey = groupBy(counts, (c) => c.survey_id);
    return toPage(
      rows.map((survey) => {
        const mine = bySurvey.get(survey.id) ?? [];
        const shown = questionsOf(survey.pages as SurveyPageDto[]).filter(
          (q) => q.published && !q.personalData && !TEXT_KINDS.has(q.kind),
        );
        return {
          surveyId: survey.id,
          title: survey.title,
          responses: mine.find((c) => c.g === -1)?.count ?? 0,
          questions: shown.map((question) => ({
            question,
            result: questionResult(
              question,
              mine.filter((c) => c.question_id === question.id),
            ),
          })),
        };
      }),
      total,
      query,
    );
  }
}

/** The `?questionId=&optionId=` filter when it names a choice question's option, else a 400. */
function checkFilter(
  pages: SurveyPageDto[],
  questionId: string | undefined,
  optionId: string | undefined,
  field: string,
): { questionId: string; optionId: string } | null {
  if (questionId === undefined && optionId === undefined) return null;
  const question: SurveyQuestionDto | undefined = questionsOf(pages).find(
    (q) => q.id === questionId,
  );
  if (
    !question ||
    !FILTER_KINDS.has(question.kind) ||
    !question.options.some((o) => o.id === optionId)
  ) {
    throw fieldError(
      ErrorCode.ValidationFailed,
      field,
      'The filter must name a single or multiple choice question of this survey and one of its options',
    );
  }
  return { questionId: question.id, optionId: optionId as string };
}

function groupBy(rows: CountRow[], key: (row: CountRow) => string): Map<string, CountRow[]> {
  const map = new Map<string, CountRow[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k) ?? [];
    list.push(row);
    map.set(k, list);
  }
  return map;
}

/** A title as part of a file name: no path separators. */
const fileSafe = (title: string): string => title.replace(/[\\/]/g, '-');

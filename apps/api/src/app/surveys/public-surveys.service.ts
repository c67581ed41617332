import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  SurveyOwnerKind,
  type PublicSurveyDto,
  type SurveyResponseReceiptDto,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { AppException, notFound } from '../common/app-exception';
import { isUniqueViolation } from '../common/unique-violation';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { checkAnswers } from './survey-answers';
import { deviceHash, personHash } from './survey-keys';
import { SurveyRateLimiter } from './survey-rate-limiter';
import { findResponse, insertResponse, personAnswered } from './survey-responses.queries';
import { answering, surveyClosed, surveyNotOpen } from './survey-rules';
import type { SubmitSurveyResponseBody } from './surveys.dto';
import { findPublicSurvey, type PublicSurveyRow } from './surveys.queries';

const NO_SURVEY = 'There is no open survey at this address.';
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Answering without an account: the questionnaire by its public link's token, and one submit
 * per respondent (the browser keeps the half-filled answers; the server sees only the finished
 * response, once, under the id the browser made). No IP address is stored: a per-IP counter in
 * Redis limits floods, the device key and personal key are kept only as HMACs.
 */
@Injectable()
export class PublicSurveysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limiter: SurveyRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(token: string): Promise<PublicSurveyDto> {
    const row = await this.answerable(token, false);
    return {
      title: row.title,
      intro: row.intro,
      villageName: row.village_name,
      municipalityName: row.municipality_name,
      opensAt: row.opens_at?.toISOString() ?? null,
      closesAt: row.closes_at?.toISOString() ?? null,
      anonymousLink: row.anonymous_link,
      pages: row.pages,
    };
  }

  async submit(
    token: string,
    body: SubmitSurveyResponseBody,
    ip: string | undefined,
  ): Promise<SurveyResponseReceiptDto> {
    await this.limiter.count(ip);
    const survey = await this.answerable(token, true);
    const secret = this.config.signingSecret;
    let person: string | null = null;
    if (body.personalKey) {
      person = personHash(secret, survey.id, body.personalKey);
      if (!person) {
        throw new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.SurveyPersonalLinkInvalid,
          'This personal link was not made for this survey. Use the link from your newsletter, or the public link.',
        );
      }
    } else if (!survey.anonymous_link) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.SurveyPersonalLinkRequired,
        'This survey takes answers through personal links only: use the link from your newsletter.',
      );
    }
    const { answers, rows } = checkAnswers(survey.pages, body.answers, body.consents ?? []);
    const em = this.dataSource.manager;
    let stored: { id: string; submitted_at: Date } | null;
    try {
      stored = await insertResponse(em, {
        id: body.id,
        surveyId: survey.id,
        deviceHash: deviceHash(secret, survey.id, body.deviceKey),
        personHash: person,
        language: body.language ?? 'da',
        answers,
        anotherPerson: body.anotherPerson === true,
        rows,
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const resent = await findResponse(em, body.id);
      if (resent?.survey_id === survey.id) return receipt(body.id, resent.submitted_at);
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.SurveyAlreadyAnswered,
        'This personal link has been used to answer already: one answer per person.',
      );
    }
    if (stored) return receipt(stored.id, stored.submitted_at);
    const resent = await findResponse(em, body.id);
    if (resent?.survey_id === survey.id) return receipt(body.id, resent.submitted_at);
    if (resent || (person && (await personAnswered(em, survey.id, person)))) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.SurveyAlreadyAnswered,
        'This personal link has been used to answer already: one answer per person.',
      );
    }
    throw new AppException(
      HttpStatus.CONFLICT,
      ErrorCode.AlreadyAnsweredHere,
      'Someone has answered from this device already. If you are someone else, send it again with anotherPerson: true.',
    );
  }

  /** The survey behind a token while it takes answers: 404 draft or unknown, 410 closed, 409 not yet (POST only). */
  private async answerable(token: string, submitting: boolean): Promise<PublicSurveyRow> {
    if (!TOKEN.test(token)) throw notFound(NO_SURVEY);
    const row = await findPublicSurvey(this.dataSource.manager, token);
    if (!row || row.owner_kind === SurveyOwnerKind.Template) throw notFound(NO_SURVEY);
    const state = answering(row);
    if (state === 'draft') throw notFound(NO_SURVEY);
    if (state === 'closed') throw surveyClosed();
    if (state === 'not_yet' && submitting && row.opens_at) throw surveyNotOpen(row.opens_at);
    return row;
  }
}

function receipt(id: string, submittedAt: Date): SurveyResponseReceiptDto {
  return { id, submittedAt: submittedAt.toISOString() };
}

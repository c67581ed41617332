import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  SurveyOwnerKind,
  SurveyPurpose,
  SurveyStatus,
  type Page,
  type SurveyDto,
  type SurveyPageDto,
  type SurveySummaryDto,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { surveyAccess, type SurveyOwnerRef } from '../access/survey-access-policy';
import { AppException, fieldError, notFound } from '../common/app-exception';
import { inBatches } from '../common/batches';
import { pageWindow, toPage, likePattern, type PageQueryDto } from '../common/pagination';
import { checkPages, removedWithAnswers } from './survey-content';
import { removePersonalAnswersOfClosed } from './survey-responses.queries';
import {
  changeable,
  forbidden,
  ownerOf,
  readable,
  toSummaryDto,
  toSurveyDto,
} from './survey-rules';
import type { CreateSurveyBody, SurveyStatusBody, UpdateSurveyBody } from './surveys.dto';
import {
  deleteSurvey,
  findSurvey,
  findSurveys,
  findVillageRef,
  insertSurvey,
  municipalityExists,
  updateSurvey,
  type SurveyChanges,
  type SurveyListOwner,
} from './surveys.queries';

const NO_VILLAGE = 'No such village, or not one you may see.';
const NO_MUNICIPALITY = 'No such municipality, or not one you may see.';

/** Where a new survey goes: a village, a municipality, or the templates. */
type Place =
  | { kind: 'village'; villageId: string }
  | { kind: 'municipality'; municipalityId: string }
  | { kind: 'template' };

/**
 * Writing questionnaires: the lists of a village's, a municipality's and the secretariat's
 * templates, creating (empty or as a copy), saving with a version, opening and closing, deleting.
 * Every read and write asks `surveyAccess`.
 */
@Injectable()
export class SurveysService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, place: Place, query: PageQueryDto): Promise<Page<SurveySummaryDto>> {
    const em = this.dataSource.manager;
    const owner = await this.ownerRef(em, place);
    const access = surveyAccess(actor, owner);
    if (access === 'hidden') throw this.placeHidden(place);
    const window = pageWindow(query);
    const { rows, total } = await findSurveys(em, place as SurveyListOwner, {
      ...window,
      q: query.q ? likePattern(query.q) : null,
    });
    return toPage(
      rows.map((row) => toSummaryDto(row, access)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<SurveyDto> {
    const { row, access } = readable(actor, await findSurvey(this.dataSource.manager, id));
    return toSurveyDto(row, access);
  }

  async create(actor: Actor, place: Place, body: CreateSurveyBody): Promise<SurveyDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const owner = await this.ownerRef(em, place);
      const access = surveyAccess(actor, owner);
      if (access === 'hidden') throw this.placeHidden(place);
      if (access !== 'edit') {
        throw forbidden(
          place.kind === 'template'
            ? 'Only the secretariat writes templates; copy one into your village or municipality instead.'
            : 'You may read these surveys, not create them.',
        );
      }
      const source = body.copyFromId ? await this.copySource(em, actor, body.copyFromId) : null;
      return insertSurvey(em, {
        ownerKind: place.kind as SurveyOwnerKind,
        villageId: place.kind === 'village' ? place.villageId : null,
        municipalityId: place.kind === 'municipality' ? place.municipalityId : null,
        purpose: body.purpose ?? source?.purpose ?? SurveyPurpose.Other,
        title: body.title,
        intro: source?.intro ?? '',
        pages: source?.pages ?? [],
        copiedFromId: source?.id ?? null,
        publicToken: randomBytes(18).toString('base64url'),
        actorId: actor.id,
      });
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, body: UpdateSurveyBody): Promise<SurveyDto> {
    await this.dataSource.transaction(async (em) => {
      const row = changeable(actor, await findSurvey(em, id, true), body.version);
      const changes: SurveyChanges = {
        title: body.title,
        intro: body.intro,
        purpose: body.purpose,
        anonymous_link: body.anonymousLink,
      };
      if (body.opensAt !== undefined)
        changes.opens_at = body.opensAt ? new Date(body.opensAt) : null;
      if (body.closesAt !== undefined) {
        changes.closes_at = body.closesAt ? new Date(body.closesAt) : null;
      }
      const opens = changes.opens_at !== undefined ? changes.opens_at : row.opens_at;
      const closes = changes.closes_at !== undefined ? changes.closes_at : row.closes_at;
      if (opens && closes && opens >= closes) {
        throw fieldError(
          ErrorCode.ValidationFailed,
          'closesAt',
          'closesAt must come after opensAt',
        );
      }
      if (body.pages !== undefined) {
        const pages = checkPages(body.pages);
        if (row.response_count > 0) {
          const removed = removedWithAnswers(row.pages ?? [], pages);
          if (removed) {
            throw new AppException(
              HttpStatus.CONFLICT,
              ErrorCode.SurveyHasAnswers,
              `The survey has answers, so questions and options can be added and reworded but not removed or changed in kind: ${removed}.`,
              { params: { question: removed } },
            );
          }
        }
        changes.pages = pages;
      }
      await updateSurvey(em, row.id, row.version, changes, actor.id);
    });
    return this.get(actor, id);
  }

  async setStatus(actor: Actor, id: string, body: SurveyStatusBody): Promise<SurveyDto> {
    await this.dataSource.transaction(async (em) => {
      const row = changeable(actor, await findSurvey(em, id, true), body.version);
      if (row.owner_kind === SurveyOwnerKind.Template && body.status !== SurveyStatus.Draft) {
        throw fieldError(
          ErrorCode.ValidationFailed,
          'status',
          'A template takes no answers: copy it into a village or municipality and open the copy.',
        );
      }
      if (body.status === SurveyStatus.Open && !(row.pages ?? []).some((p) => p.questions.length)) {
        throw fieldError(
          ErrorCode.ValidationFailed,
          'status',
          'Add at least one question before opening the survey.',
        );
      }
      await updateSurvey(em, row.id, row.version, { status: body.status }, actor.id);
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const row = changeable(actor, await findSurvey(em, id, true), null);
      await deleteSurvey(em, row.id);
    });
  }

  /** A template the actor may read, or a survey they may change: its intro and pages. */
  private async copySource(
    em: EntityManager,
    actor: Actor,
    sourceId: string,
  ): Promise<{ id: string; purpose: SurveyPurpose; intro: string; pages: SurveyPageDto[] }> {
    const source = await findSurvey(em, sourceId);
    const access = source ? surveyAccess(actor, ownerOf(source)) : 'hidden';
    const fits =
      source &&
      (access === 'edit' || (access === 'read' && source.owner_kind === SurveyOwnerKind.Template));
    if (!source || !fits) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'copyFromId',
        'copyFromId must name a template, or a survey you may change',
      );
    }
    return {
      id: source.id,
      purpose: source.purpose,
      intro: source.intro,
      pages: source.pages ?? [],
    };
  }

  /**
   * Retention (issue 17): removes the answers to personal-data questions (a name, an address,
   * asked with a consent text) from every response to a survey closed more than `days` ago, in
   * batches; the other answers and results stay. A survey has no archived state: closed is its
   * last one, and the grace lets a survey closed by mistake be reopened with its contacts.
   * Returns how many responses changed.
   */
  removePersonalAnswersOfClosed(now: Date, days: number): Promise<number> {
    const closedBefore = new Date(now.getTime() - days * 86_400_000);
    return inBatches((limit) =>
      removePersonalAnswersOfClosed(this.dataSource.manager, closedBefore, limit),
    );
  }

  private async ownerRef(em: EntityManager, place: Place): Promise<SurveyOwnerRef> {
    if (place.kind === 'village') {
      const village = await findVillageRef(em, place.villageId);
      if (!village) throw notFound(NO_VILLAGE);
      return { kind: 'village', villageId: village.id, municipalityId: village.municipalityId };
    }
    if (place.kind === 'municipality') {
      if (!(await municipalityExists(em, place.municipalityId))) throw notFound(NO_MUNICIPALITY);
      return { kind: 'municipality', municipalityId: place.municipalityId };
    }
    return { kind: 'template' };
  }

  private placeHidden(place: Place): AppException {
    if (place.kind === 'village') return notFound(NO_VILLAGE);
    if (place.kind === 'municipality') return notFound(NO_MUNICIPALITY);
    return forbidden('Templates are for the secretariat, coordinators and steering groups.');
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  IDEA_LIMITS,
  INITIATIVE_LIMITS,
  type IdeaDto,
  type IdeaHelperDto,
  type IdeaToInitiativeResponse,
  type Page,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { AppException, notFound } from '../common/app-exception';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { InitiativesService } from '../initiatives/initiatives.service';
import { changeableIdea, changeableList, HIDDEN_IDEA, toIdeaDto } from './idea-rules';
import type {
  CreateIdeaBody,
  IdeaToInitiativeBody,
  PaperDotsBody,
  UpdateIdeaBody,
} from './ideas.dto';
import {
  allIdeaHelpers,
  deleteIdea,
  findIdeaList,
  findIdeaRef,
  ideaHelpers,
  insertIdea,
  markIdeaChosen,
  rankedIdea,
  setPaperDots,
  updateIdea,
  villageSurveyHasQuestion,
} from './ideas.queries';

/**
 * The ideas on a list: typed in by the steering group (or taken from a survey answer), their
 * paper dots from a meeting, who would help, and the one step that makes a chosen idea an
 * initiative of the village plan.
 */
@Injectable()
export class IdeasService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly initiatives: InitiativesService,
  ) {}

  async create(actor: Actor, listId: string, body: CreateIdeaBody): Promise<IdeaDto> {
    const id = await this.dataSource.transaction(async (em) => {
      const list = changeableList(actor, await findIdeaList(em, listId, 'update'), null);
      if (list.idea_count >= IDEA_LIMITS.ideasPerListMax) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.IdeaListFull,
          `The list already has ${IDEA_LIMITS.ideasPerListMax} ideas, the most a list holds. Delete one, or start a new list.`,
          { params: { max: IDEA_LIMITS.ideasPerListMax } },
        );
      }
      if (
        body.source &&
        !(await villageSurveyHasQuestion(
          em,
          list.village_id,
          body.source.surveyId,
          body.source.questionId,
        ))
      ) {
        throw new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.IdeaSourceUnknown,
          'source must name a question of one of this village’s own surveys; check surveyId and questionId.',
        );
      }
      return insertIdea(em, {
        listId,
        title: body.title,
        description: body.description ?? '',
        sourceKind: body.source?.kind ?? null,
        sourceSurveyId: body.source?.surveyId ?? null,
        sourceQuestionId: body.source?.questionId ?? null,
      });
    });
    return this.get(this.dataSource.manager, listId, id);
  }

  /** A change of the words names the version it was made from (checked under the row's lock). */
  async update(actor: Actor, id: string, body: UpdateIdeaBody): Promise<IdeaDto> {
    const listId = await this.dataSource.transaction(async (em) => {
      const idea = changeableIdea(actor, await findIdeaRef(em, id, true), body.version ?? null);
      await updateIdea(em, id, body, actor.id);
      return idea.list_id;
    });
    return this.get(this.dataSource.manager, listId, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const em = this.dataSource.manager;
    changeableIdea(actor, await findIdeaRef(em, id));
    await deleteIdea(em, id);
  }

  /** Sets the idea's paper dots (all of them: the count from the meeting's poster). */
  async paperDots(actor: Actor, id: string, body: PaperDotsBody): Promise<IdeaDto> {
    const em = this.dataSource.manager;
    const idea = changeableIdea(actor, await findIdeaRef(em, id));
    await setPaperDots(em, id, body.dots);
    return this.get(em, idea.list_id, id);
  }

  /** Who said they would help, with how to reach them: only for those who may edit. */
  async helpers(actor: Actor, id: string, query: PageQueryDto): Promise<Page<IdeaHelperDto>> {
    const em = this.dataSource.manager;
    changeableIdea(actor, await findIdeaRef(em, id));
    const { rows, total } = await ideaHelpers(em, id, pageWindow(query));
    return toPage(
      rows.map((row) => ({
        name: row.name,
        email: row.email,
        phone: row.phone,
        createdAt: row.created_at.toISOString(),
      })),
      total,
      query,
    );
  }

  /**
   * Makes the idea an initiative of the village plan in one transaction: status `idea`, title and
   * description from the idea, its helpers (who consented to be contacted) as the working group,
   * and the idea marked chosen. A second call is a 409.
   */
  async toInitiative(
    actor: Actor,
    id: string,
    body: IdeaToInitiativeBody,
  ): Promise<IdeaToInitiativeResponse> {
    return this.dataSource.transaction(async (em) => {
      const idea = changeableIdea(actor, await findIdeaRef(em, id, true));
      if (idea.initiative_id) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.IdeaAlreadyChosen,
          'The idea is an initiative already; open that initiative to change it.',
        );
      }
      const helpers = await allIdeaHelpers(em, id, INITIATIVE_LIMITS.membersMax);
      const initiativeId = await this.initiatives.createIn(em, actor, idea.village_id, {
        focusAreaId: body.focusAreaId,
        goalIds: body.goalIds,
        title: idea.title,
        description: idea.description,
        members: helpers.map((helper) => ({
          name: helper.name,
          email: helper.email,
          phone: helper.phone,
        })),
      });
      await markIdeaChosen(em, id, initiativeId);
      return { ideaId: id, initiativeId };
    });
  }

  private async get(em: EntityManager, listId: string, id: string): Promise<IdeaDto> {
    const row = await rankedIdea(em, listId, id);
    if (!row) throw notFound(HIDDEN_IDEA);
    return toIdeaDto(row, 'edit');
  }
}

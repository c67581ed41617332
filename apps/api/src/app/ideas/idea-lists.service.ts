import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { ErrorCode, IDEA_LIMITS, type IdeaDto, type IdeaListDto, type Page } from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { AppException } from '../common/app-exception';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import {
  changeableList,
  forbidden,
  readableList,
  toIdeaDto,
  toIdeaListDto,
  villageIdeaAccess,
  votingUrl,
} from './idea-rules';
import type { CreateIdeaListBody, UpdateIdeaListBody } from './ideas.dto';
import {
  deleteIdeaList,
  findIdeaList,
  findIdeaLists,
  insertIdeaList,
  rankedIdeas,
  updateIdeaList,
} from './ideas.queries';
import { posterSvg } from './poster';

/**
 * A village's idea lists: written by its steering group (and the secretariat), read by its
 * municipality's coordinators (`ideaAccess`). A list is made as a draft with a random public
 * token, opened for voting and closed; its ranking adds online and paper dots in one statement.
 */
@Injectable()
export class IdeaListsService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor, villageId: string, query: PageQueryDto): Promise<Page<IdeaListDto>> {
    const em = this.dataSource.manager;
    const access = await villageIdeaAccess(em, actor, villageId);
    const { rows, total } = await findIdeaLists(em, villageId, {
      ...pageWindow(query),
      q: query.q,
    });
    return toPage(
      rows.map((row) => toIdeaListDto(row, access, this.config.publicUrl)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<IdeaListDto> {
    const { row, access } = readableList(actor, await findIdeaList(this.dataSource.manager, id));
    return toIdeaListDto(row, access, this.config.publicUrl);
  }

  async create(actor: Actor, villageId: string, body: CreateIdeaListBody): Promise<IdeaListDto> {
    const em = this.dataSource.manager;
    if ((await villageIdeaAccess(em, actor, villageId)) !== 'edit') throw forbidden();
    const id = await insertIdeaList(em, {
      villageId,
      title: body.title,
      intro: body.intro ?? '',
      dotsPerPerson: body.dotsPerPerson ?? IDEA_LIMITS.dotsPerPersonDefault,
      // 128 random bits: the link cannot be guessed, and is short enough for a QR code.
      publicToken: randomBytes(16).toString('base64url'),
      actorId: actor.id,
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, body: UpdateIdeaListBody): Promise<IdeaListDto> {
    await this.dataSource.transaction(async (em) => {
      const row = changeableList(actor, await findIdeaList(em, id, 'update'), body.version);
      const dots = body.dotsPerPerson ?? row.dots_per_person;
      if (dots !== row.dots_per_person && row.voter_count > 0) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.IdeaListHasVotes,
          'People have voted already, so the number of dots each has cannot change.',
        );
      }
      await updateIdeaList(
        em,
        id,
        {
          title: body.title ?? row.title,
          intro: body.intro ?? row.intro,
          dotsPerPerson: dots,
          status: body.status ?? row.status,
        },
        actor.id,
      );
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      changeableList(actor, await findIdeaList(em, id, 'update'), null);
      await deleteIdeaList(em, id);
    });
  }

  /** The ideas by online + paper dots (ties share a rank), with voter and helper counts. */
  async ranking(actor: Actor, id: string, query: PageQueryDto): Promise<Page<IdeaDto>> {
    const em = this.dataSource.manager;
    const { row, access } = readableList(actor, await findIdeaList(em, id));
    const rows = await rankedIdeas(em, id, pageWindow(query));
    return toPage(
      rows.map((idea) => toIdeaDto(idea, access)),
      row.idea_count,
      query,
    );
  }

  /** An A4 poster (SVG) with the list's title and a QR code of its voting link. */
  async poster(actor: Actor, id: string): Promise<{ svg: string; title: string }> {
    const { row } = readableList(actor, await findIdeaList(this.dataSource.manager, id));
    const url = votingUrl(this.config.publicUrl, row.public_token);
    return {
      svg: await posterSvg(row.title, row.village_name, url, row.dots_per_person),
      title: row.title,
    };
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  INITIATIVE_LIMITS,
  type FocusAreaDto,
  type FocusAreaOverviewDto,
  type Page,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import type { InitiativeAccess } from '../access/initiative-access-policy';
import { AppException } from '../common/app-exception';
import type { PageQueryDto } from '../common/pagination';
import { personOf } from '../common/person-summary';
import { nextSave } from '../common/versions';
import { FocusArea } from '../database/entities/initiatives';
import {
  changeableRow,
  editableVillage,
  readableRow,
  villagePage,
  type RowKind,
} from './initiative-rules';
import type { CreateFocusAreaBody, UpdateFocusAreaBody } from './initiatives.dto';
import {
  findFocusArea,
  findFocusAreas,
  nextFocusAreaPosition,
  type FocusAreaRow,
} from './initiatives.queries';

const FOCUS_AREA: RowKind = {
  hidden: 'No such focus area, or not one you may see.',
  changed: ErrorCode.FocusAreaChanged,
  what: 'focus area',
};

/**
 * A village's focus areas (indsatsområder): their order, and each one's progress as the weighted
 * roll-up of its initiatives', computed in SQL. The overview gives the village page every focus
 * area with its initiatives as cards in two statements.
 */
@Injectable()
export class FocusAreasService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, villageId: string, query: PageQueryDto): Promise<Page<FocusAreaDto>> {
    const em = this.dataSource.manager;
    return villagePage(
      em,
      actor,
      villageId,
      query,
      (window) => findFocusAreas(em, villageId, window, null),
      toFocusAreaDto,
    );
  }

  /** The village page: a page of focus areas, each with its roll-up and its initiatives. */
  async overview(
    actor: Actor,
    villageId: string,
    query: PageQueryDto,
  ): Promise<Page<FocusAreaOverviewDto>> {
    const em = this.dataSource.manager;
    return villagePage(
      em,
      actor,
      villageId,
      query,
      (window) => findFocusAreas(em, villageId, window, INITIATIVE_LIMITS.overviewInitiativesMax),
      (row, access) => ({
        ...toFocusAreaDto(row, access),
        initiatives: (row.initiatives ?? []).map((card) => ({
          id: card.id,
          title: card.title,
          status: card.status,
          progress: card.progress,
          weight: card.weight,
          milestone: card.milestone_what
            ? { what: card.milestone_what, date: card.milestone_date }
            : null,
          contactName: card.contact_name,
        })),
      }),
    );
  }

  async get(actor: Actor, id: string): Promise<FocusAreaDto> {
    const found = await findFocusArea(this.dataSource.manager, id);
    const { row, access } = readableRow(actor, found, FOCUS_AREA);
    return toFocusAreaDto(row, access);
  }

  async create(actor: Actor, villageId: string, body: CreateFocusAreaBody): Promise<FocusAreaDto> {
    const id = await this.dataSource.transaction(async (em) => {
      await editableVillage(em, actor, villageId);
      const saved = await em.getRepository(FocusArea).save({
        villageId,
        name: body.name,
        description: body.description ?? '',
        position: body.position ?? (await nextFocusAreaPosition(em, villageId)),
        createdBy: actor.id,
        updatedBy: actor.id,
      });
      return saved.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, body: UpdateFocusAreaBody): Promise<FocusAreaDto> {
    await this.dataSource.transaction(async (em) => {
      const row = changeableRow(actor, await findFocusArea(em, id, true), body.version, FOCUS_AREA);
      const { version: _version, ...fields } = body;
      await em.getRepository(FocusArea).update(row.id, {
        ...fields,
        ...nextSave(row, actor.id),
      });
    });
    return this.get(actor, id);
  }

  /** Deletes an empty focus area; one that still has initiatives is refused (409). */
  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const row = changeableRow(actor, await findFocusArea(em, id, true), null, FOCUS_AREA);
      if (row.initiative_count > 0) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.FocusAreaNotEmpty,
          `The focus area still has ${row.initiative_count} initiative(s). Move or delete them first.`,
          { params: { count: row.initiative_count } },
        );
      }
      await em.getRepository(FocusArea).delete(row.id);
    });
  }
}

function toFocusAreaDto(row: FocusAreaRow, access: InitiativeAccess): FocusAreaDto {
  return {
    id: row.id,
    villageId: row.village_id,
    name: row.name,
    description: row.description,
    position: row.position,
    progress: row.progress,
    initiativeCount: row.initiative_count,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: personOf(row.updated_by_id, row.updated_by_name, row.updated_by_email),
    canEdit: access === 'edit',
  };
}

import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  GoalStatus,
  type GoalUpdateDto,
  type Page,
  type SdgDto,
  type VillageGoalDto,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { goalAccess, type GoalAccess } from '../access/goal-access-policy';
import { AppException, notFound } from '../common/app-exception';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { Sdg, VillageGoal, VillageGoalUpdate } from '../database/entities/goals';
import type {
  CreateGoalUpdateBody,
  CreateVillageGoalBody,
  UpdateVillageGoalBody,
  VillageGoalsQueryDto,
} from './goals.dto';
import {
  findGoal,
  findGoalUpdate,
  findGoalUpdates,
  findGoalVillage,
  findVillageGoals,
  personOf,
  type GoalRow,
  type GoalUpdateRow,
} from './goals.queries';

const NO_VILLAGE = 'No such village, or not one you may see.';
const NO_GOAL = 'No such goal, or not one you may see.';
const READ_ONLY =
  'Only the village’s steering group (and the secretariat) change its goals; coordinators read them.';

/**
 * A village's goals on the 17 SDGs and each goal's timeline of progress updates. Reads and
 * writes ask `goalAccess`; a change names the version it was made from, and one made from an
 * older version is refused with a 409 that says who saved in between, so two people editing one
 * goal never silently overwrite each other.
 */
@Injectable()
export class GoalsService {
  constructor(private readonly dataSource: DataSource) {}

  async sdgs(query: PageQueryDto): Promise<Page<SdgDto>> {
    const { skip, take } = pageWindow(query);
    const [rows, total] = await this.dataSource
      .getRepository(Sdg)
      .findAndCount({ order: { number: 'ASC' }, skip, take });
    return toPage(
      rows.map(({ number, nameDa, nameEn, colour }) => ({ number, nameDa, nameEn, colour })),
      total,
      query,
    );
  }

  async list(
    actor: Actor,
    villageId: string,
    query: VillageGoalsQueryDto,
  ): Promise<Page<VillageGoalDto>> {
    const em = this.dataSource.manager;
    const access = await this.villageAccess(em, actor, villageId);
    const { rows, total } = await findVillageGoals(em, villageId, {
      ...pageWindow(query),
      sdg: query.sdg,
      status: query.status,
      q: query.q,
    });
    return toPage(
      rows.map((row) => toGoalDto(row, access)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<VillageGoalDto> {
    const { row, access } = await this.readable(this.dataSource.manager, actor, id);
    return toGoalDto(row, access);
  }

  async create(
    actor: Actor,
    villageId: string,
    body: CreateVillageGoalBody,
  ): Promise<VillageGoalDto> {
    const em = this.dataSource.manager;
    if ((await this.villageAccess(em, actor, villageId)) !== 'edit') throw forbidden();
    const saved = await em.getRepository(VillageGoal).save({
      villageId,
      title: body.title,
      why: body.why ?? '',
      sdgs: [...body.sdgs].sort((a, b) => a - b),
      owner: body.owner ?? '',
      horizon: body.horizon ?? null,
      indicator: body.indicator ?? '',
      baseline: body.baseline ?? null,
      targetValue: body.targetValue ?? null,
      status: body.status ?? GoalStatus.Idea,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    return this.get(actor, saved.id);
  }

  async update(actor: Actor, id: string, body: UpdateVillageGoalBody): Promise<VillageGoalDto> {
    await this.dataSource.transaction(async (em) => {
      const { row } = await this.editable(em, actor, id, body.version);
      const { version: _version, ...fields } = body;
      const changes: Partial<VillageGoal> = { ...fields };
      if (fields.sdgs) changes.sdgs = [...fields.sdgs].sort((a, b) => a - b);
      await em.getRepository(VillageGoal).update(row.id, {
        ...changes,
        version: row.version + 1,
        updatedBy: actor.id,
        updatedAt: new Date(),
      });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const { row } = await this.editable(em, actor, id, null);
      await em.getRepository(VillageGoal).delete(row.id);
    });
  }

  async updates(actor: Actor, id: string, query: PageQueryDto): Promise<Page<GoalUpdateDto>> {
    const em = this.dataSource.manager;
    await this.readable(em, actor, id);
    const { rows, total } = await findGoalUpdates(em, id, pageWindow(query));
    return toPage(rows.map(toUpdateDto), total, query);
  }

  /**
   * Records progress: one tap sets the status, with an optional note and measured value. It
   * joins the timeline and moves the goal on (its status, and its current value when one is
   * given) without a version: progress from two phones at once is two updates, both kept.
   */
  async addUpdate(actor: Actor, id: string, body: CreateGoalUpdateBody): Promise<GoalUpdateDto> {
    const updateId = await this.dataSource.transaction(async (em) => {
      const { row } = await this.editable(em, actor, id, null);
      const saved = await em.getRepository(VillageGoalUpdate).save({
        goalId: row.id,
        status: body.status,
        note: body.note ?? '',
        value: body.value ?? null,
        createdBy: actor.id,
      });
      await em.getRepository(VillageGoal).update(row.id, {
        status: body.status,
        ...(body.value !== undefined && body.value !== null ? { currentValue: body.value } : {}),
        version: row.version + 1,
        updatedBy: actor.id,
        updatedAt: new Date(),
      });
      return saved.id;
    });
    return toUpdateDto(await findGoalUpdate(this.dataSource.manager, updateId));
  }

  /** What the actor may do with the village's goals; 404 when they may not see them at all. */
  private async villageAccess(
    em: EntityManager,
    actor: Actor,
    villageId: string,
  ): Promise<Exclude<GoalAccess, 'hidden'>> {
    const village = await findGoalVillage(em, villageId);
    const access = village ? goalAccess(actor, village) : 'hidden';
    if (access === 'hidden') throw notFound(NO_VILLAGE);
    return access;
  }

  private async readable(
    em: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<{ row: GoalRow; access: GoalAccess }> {
    const row = await findGoal(em, id, lock);
    const access = row
      ? goalAccess(actor, { id: row.village_id, municipalityId: row.municipality_id })
      : 'hidden';
    if (!row || access === 'hidden') throw notFound(NO_GOAL);
    return { row, access };
  }

  /** The goal, locked, when the actor may change it and (given a version) nobody saved since. */
  private async editable(
    em: EntityManager,
    actor: Actor,
    id: string,
    version: number | null,
  ): Promise<{ row: GoalRow }> {
    const { row, access } = await this.readable(em, actor, id, true);
    if (access !== 'edit') throw forbidden();
    if (version !== null && version !== row.version) {
      const name = row.updated_by_name ?? 'Someone';
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.GoalChanged,
        `${name} changed the goal while you were writing (it is now version ${row.version}). Your changes were not saved: open the goal again and add yours.`,
        { params: { name, at: row.updated_at.toISOString(), version: row.version } },
      );
    }
    return { row };
  }
}

function forbidden(): AppException {
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, READ_ONLY);
}

function toUpdateDto(row: GoalUpdateRow): GoalUpdateDto {
  return {
    id: row.id,
    goalId: row.goal_id,
    status: row.status,
    note: row.note,
    value: row.value,
    createdAt: row.created_at.toISOString(),
    createdBy: personOf(row.created_by_id, row.created_by_name, row.created_by_email),
  };
}

function toGoalDto(row: GoalRow, access: GoalAccess): VillageGoalDto {
  return {
    id: row.id,
    villageId: row.village_id,
    villageName: row.village_name,
    title: row.title,
    why: row.why,
    sdgs: row.sdgs,
    owner: row.owner,
    horizon: row.horizon,
    indicator: row.indicator,
    baseline: row.baseline,
    targetValue: row.target_value,
    currentValue: row.current_value,
    status: row.status,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: personOf(row.updated_by_id, row.updated_by_name, row.updated_by_email),
    canEdit: access === 'edit',
  };
}

import { HttpStatus, Injectable, StreamableFile } from '@nestjs/common';
import {
  ErrorCode,
  GoalStatus,
  type GoalUpdateDto,
  type Page,
  type SdgDto,
  type SdgTargetDto,
  type VillageGoalDto,
} from '@blup/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { goalAccess, type GoalAccess } from '../access/goal-access-policy';
import { AppException, fieldError, notFound } from '../common/app-exception';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { personOf } from '../common/person-summary';
import { editableRow, visibleRow } from '../common/row-access';
import { nextSave } from '../common/versions';
import {
  Sdg,
  SdgTarget,
  VillageGoal,
  VillageGoalTarget,
  VillageGoalUpdate,
} from '../database/entities/goals';
import { GoalPhotosService, type StoredGoalPhoto } from './goal-photos.service';
import type { GoalPhotoUpload } from './goal-photo-upload.interceptor';
import type {
  CreateGoalUpdateBody,
  CreateVillageGoalBody,
  UpdateVillageGoalBody,
  VillageGoalsQueryDto,
} from './goals.dto';
import {
  dropTargetsOutside,
  findGoal,
  findGoalPhotoKeys,
  findGoalTargets,
  findGoalUpdate,
  findGoalUpdatePhoto,
  findGoalUpdates,
  findGoalVillage,
  findVillageGoals,
  isVillageAccount,
  isVillageInitiative,
  type GoalRow,
  type GoalUpdateRow,
} from './goals.queries';

const NO_VILLAGE = 'No such village, or not one you may see.';
const NO_GOAL = 'No such goal, or not one you may see.';
const NO_PHOTO = 'No such photo, or not one you may see.';
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
  constructor(
    private readonly dataSource: DataSource,
    private readonly photos: GoalPhotosService,
  ) {}

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

  /** One SDG's targets in the UN's order (1.1 … 1.5, then 1.a, 1.b), a page at a time. */
  async targets(sdg: number, query: PageQueryDto): Promise<Page<SdgTargetDto>> {
    const { skip, take } = pageWindow(query);
    const [rows, total] = await this.dataSource
      .getRepository(SdgTarget)
      .findAndCount({ where: { sdg }, order: { ordering: 'ASC' }, skip, take });
    return toPage(rows.map(toTargetDto), total, query);
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
    const targets = await findGoalTargets(
      em,
      rows.map((row) => row.id),
    );
    return toPage(
      rows.map((row) => toGoalDto(row, access, targets.get(row.id) ?? [])),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<VillageGoalDto> {
    const em = this.dataSource.manager;
    const { row, access } = await this.readable(em, actor, id);
    const targets = await findGoalTargets(em, [row.id]);
    return toGoalDto(row, access, targets.get(row.id) ?? []);
  }

  async create(
    actor: Actor,
    villageId: string,
    body: CreateVillageGoalBody,
  ): Promise<VillageGoalDto> {
    if ((await this.villageAccess(this.dataSource.manager, actor, villageId)) !== 'edit') {
      throw forbidden();
    }
    const id = await this.dataSource.transaction(async (em) => {
      const targets = await checkTargets(em, body.sdgs, body.targets ?? []);
      const saved = await em.getRepository(VillageGoal).save({
        villageId,
        title: body.title,
        why: body.why ?? '',
        sdgs: [...body.sdgs].sort((a, b) => a - b),
        owner: '',
        ownerUserId: null,
        ownerInitiativeId: null,
        ...(await ownerChanges(em, villageId, body)),
        horizon: body.horizon ?? null,
        indicator: body.indicator ?? '',
        baseline: body.baseline ?? null,
        targetValue: body.targetValue ?? null,
        status: body.status ?? GoalStatus.Idea,
        createdBy: actor.id,
        updatedBy: actor.id,
      });
      await setTargets(em, saved.id, targets);
      return saved.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Actor, id: string, body: UpdateVillageGoalBody): Promise<VillageGoalDto> {
    await this.dataSource.transaction(async (em) => {
      const { row } = await this.editable(em, actor, id, body.version);
      const {
        version: _version,
        targets,
        owner: _owner,
        ownerUserId: _ownerUserId,
        ownerInitiativeId: _ownerInitiativeId,
        ...fields
      } = body;
      const changes: Partial<VillageGoal> = {
        ...fields,
        ...(await ownerChanges(em, row.village_id, body)),
      };
      if (fields.sdgs) changes.sdgs = [...fields.sdgs].sort((a, b) => a - b);
      const sdgs = fields.sdgs ?? row.sdgs;
      if (targets !== undefined) {
        await setTargets(em, row.id, await checkTargets(em, sdgs, targets));
      } else if (fields.sdgs) {
        await dropTargetsOutside(em, row.id, sdgs);
      }
      await em.getRepository(VillageGoal).update(row.id, {
        ...changes,
        ...nextSave(row, actor.id),
      });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const photoKeys = await this.dataSource.transaction(async (em) => {
      const { row } = await this.editable(em, actor, id, null);
      const keys = await findGoalPhotoKeys(em, row.id);
      await em.getRepository(VillageGoal).delete(row.id);
      return keys;
    });
    await this.photos.remove(photoKeys);
  }

  async updates(actor: Actor, id: string, query: PageQueryDto): Promise<Page<GoalUpdateDto>> {
    const em = this.dataSource.manager;
    await this.readable(em, actor, id);
    const { rows, total } = await findGoalUpdates(em, id, pageWindow(query));
    return toPage(rows.map(toUpdateDto), total, query);
  }

  /**
   * Records progress: one tap sets the status, with an optional note, measured value and photo.
   * It joins the timeline and moves the goal on (its status, and its current value when one is
   * given) without a version: progress from two phones at once is two updates, both kept. The
   * photo is checked and stored only once the person may write, and removed again if the
   * update is not saved.
   */
  async addUpdate(
    actor: Actor,
    id: string,
    body: CreateGoalUpdateBody,
    file?: GoalPhotoUpload,
  ): Promise<GoalUpdateDto> {
    const { access } = await this.readable(this.dataSource.manager, actor, id);
    if (access !== 'edit') throw forbidden();
    const photo = file ? await this.photos.store(file.buffer) : null;
    const updateId = await this.save(actor, id, body, photo).catch(async (error: unknown) => {
      if (photo) await this.photos.remove([photo.key, photo.thumbnailKey]);
      throw error;
    });
    return toUpdateDto(await findGoalUpdate(this.dataSource.manager, updateId));
  }

  /** An update's photo (or its thumbnail), for those who may read the goal; 404 for the rest. */
  async photo(
    actor: Actor,
    id: string,
    updateId: string,
    size: 'large' | 'thumbnail',
  ): Promise<StreamableFile> {
    const em = this.dataSource.manager;
    await this.readable(em, actor, id);
    const stored = await findGoalUpdatePhoto(em, id, updateId);
    if (!stored) throw notFound(NO_PHOTO);
    return this.photos.open(size === 'large' ? stored.photo_key : stored.photo_thumbnail_key, () =>
      notFound(NO_PHOTO),
    );
  }

  private save(
    actor: Actor,
    id: string,
    body: CreateGoalUpdateBody,
    photo: StoredGoalPhoto | null,
  ): Promise<string> {
    return this.dataSource.transaction(async (em) => {
      const { row } = await this.editable(em, actor, id, null);
      const saved = await em.getRepository(VillageGoalUpdate).save({
        goalId: row.id,
        status: body.status,
        note: body.note ?? '',
        value: body.value ?? null,
        photoKey: photo?.key ?? null,
        photoThumbnailKey: photo?.thumbnailKey ?? null,
        photoWidth: photo?.width ?? null,
        photoHeight: photo?.height ?? null,
        createdBy: actor.id,
      });
      await em.getRepository(VillageGoal).update(row.id, {
        status: body.status,
        ...(body.value !== undefined && body.value !== null ? { currentValue: body.value } : {}),
        ...nextSave(row, actor.id),
      });
      return saved.id;
    });
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
    return visibleRow(row, (village) => goalAccess(actor, village), NO_GOAL);
  }

  /** The goal, locked, when the actor may change it and (given a version) nobody saved since. */
  private async editable(
    em: EntityManager,
    actor: Actor,
    id: string,
    version: number | null,
  ): Promise<{ row: GoalRow }> {
    const row = editableRow(await this.readable(em, actor, id, true), version, {
      forbidden,
      changed: ErrorCode.GoalChanged,
      what: 'goal',
    });
    return { row };
  }
}

function forbidden(): AppException {
  return new AppException(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, READ_ONLY);
}

/**
 * The targets, when every one is a known target under one of the SDGs; otherwise a 400 that
 * names the ones that are not.
 */
async function checkTargets(em: EntityManager, sdgs: number[], codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await em.getRepository(SdgTarget).findBy({ code: In(codes) });
  const fits = new Set(known.filter((t) => sdgs.includes(t.sdg)).map((t) => t.code));
  const wrong = codes.filter((code) => !fits.has(code));
  if (wrong.length > 0) {
    const list = wrong.join(', ');
    throw fieldError(
      ErrorCode.GoalTargetInvalid,
      'targets',
      `The targets ${list} are not under the goal’s SDGs (${[...sdgs].sort((a, b) => a - b).join(', ')}): a target's code starts with the number of its SDG, e.g. 11.2 is under SDG 11.`,
      { codes: list },
    );
  }
  return codes;
}

type OwnerFields = Pick<VillageGoal, 'owner' | 'ownerUserId' | 'ownerInitiativeId'>;

/**
 * What the body changes about the goal's owner, which is one of: a person with an account in
 * the village, one of its initiatives (a working group), or a name in words. A person or an
 * initiative replaces the other two; a written name replaces both. A person or initiative of
 * another village is a 400.
 */
async function ownerChanges(
  em: EntityManager,
  villageId: string,
  body: { owner?: string; ownerUserId?: string | null; ownerInitiativeId?: string | null },
): Promise<Partial<OwnerFields>> {
  const { owner, ownerUserId, ownerInitiativeId } = body;
  if (ownerUserId && ownerInitiativeId) {
    throw fieldError(
      ErrorCode.ValidationFailed,
      'ownerInitiativeId',
      'A goal has one owner: give either ownerUserId (a person) or ownerInitiativeId (a working group), not both.',
    );
  }
  if (ownerUserId) {
    if (!(await isVillageAccount(em, villageId, ownerUserId))) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'ownerUserId',
        'ownerUserId must name a person with an account in the goal’s village; for someone without an account, write the name in owner.',
      );
    }
    return { ownerUserId, ownerInitiativeId: null, owner: '' };
  }
  if (ownerInitiativeId) {
    if (!(await isVillageInitiative(em, villageId, ownerInitiativeId))) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'ownerInitiativeId',
        'ownerInitiativeId must name an initiative of the goal’s village.',
      );
    }
    return { ownerInitiativeId, ownerUserId: null, owner: '' };
  }
  const changes: Partial<OwnerFields> = {};
  if (owner !== undefined) changes.owner = owner;
  if (owner) Object.assign(changes, { ownerUserId: null, ownerInitiativeId: null });
  if (ownerUserId === null) changes.ownerUserId = null;
  if (ownerInitiativeId === null) changes.ownerInitiativeId = null;
  return changes;
}

async function setTargets(em: EntityManager, goalId: string, codes: string[]): Promise<void> {
  await em.getRepository(VillageGoalTarget).delete({ goalId });
  if (codes.length > 0) {
    await em
      .getRepository(VillageGoalTarget)
      .insert(codes.map((targetCode) => ({ goalId, targetCode })));
  }
}

function toTargetDto(target: SdgTarget): SdgTargetDto {
  return { code: target.code, sdg: target.sdg, textEn: target.textEn, textDa: target.textDa };
}

function toUpdateDto(row: GoalUpdateRow): GoalUpdateDto {
  const base = `/api/goals/${row.goal_id}/updates/${row.id}/photo`;
  return {
    id: row.id,
    goalId: row.goal_id,
    status: row.status,
    note: row.note,
    value: row.value,
    photo:
      row.photo_key && row.photo_width !== null && row.photo_height !== null
        ? {
            url: base,
            thumbnailUrl: `${base}/thumbnail`,
            width: row.photo_width,
            height: row.photo_height,
          }
        : null,
    createdAt: row.created_at.toISOString(),
    createdBy: personOf(row.created_by_id, row.created_by_name, row.created_by_email),
  };
}

function toGoalDto(row: GoalRow, access: GoalAccess, targets: SdgTargetDto[]): VillageGoalDto {
  return {
    id: row.id,
    villageId: row.village_id,
    villageName: row.village_name,
    title: row.title,
    why: row.why,
    sdgs: row.sdgs,
    targets,
    owner: row.owner_user_name ?? row.owner_initiative_title ?? row.owner,
    ownerPerson:
      row.owner_user_id && row.owner_user_name !== null
        ? { id: row.owner_user_id, name: row.owner_user_name }
        : null,
    ownerInitiative:
      row.owner_initiative_id && row.owner_initiative_title !== null
        ? { id: row.owner_initiative_id, title: row.owner_initiative_title }
        : null,
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

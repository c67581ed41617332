import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  InitiativeStatus,
  type InitiativeCandidateDto,
  type InitiativeDto,
  type Page,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { initiativeAccess, type InitiativeAccess } from '../access/initiative-access-policy';
import { fieldError, notFound } from '../common/app-exception';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { personOf } from '../common/person-summary';
import { nextSave } from '../common/versions';
import { Initiative, InitiativeGoal, InitiativePerson } from '../database/entities/initiatives';
import {
  changeableRow,
  editableVillage,
  readableRow,
  villageAccess,
  villagePage,
  type RowKind,
} from './initiative-rules';
import type {
  CreateInitiativeBody,
  InitiativePersonBody,
  InitiativesQueryDto,
  UpdateInitiativeBody,
} from './initiatives.dto';
import {
  findFocusArea,
  findGoalInitiatives,
  findGoalVillageRef,
  findInitiative,
  findInitiatives,
  findVillageAccounts,
  villageAccounts,
  villageGoalIds,
  type InitiativeRow,
} from './initiatives.queries';

const INITIATIVE: RowKind = {
  hidden: 'No such initiative, or not one you may see.',
  changed: ErrorCode.InitiativeChanged,
  what: 'initiative',
};

/**
 * A village's initiatives (the future workshop's output; members are the working group): each
 * serves one or more of the village's goals and sits in one of its focus areas. Reads and writes
 * ask `initiativeAccess`; a change names the version it was made from, and one made from an
 * older version is refused with a 409 that says who saved in between.
 */
@Injectable()
export class InitiativesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(
    actor: Actor,
    villageId: string,
    query: InitiativesQueryDto,
  ): Promise<Page<InitiativeDto>> {
    const em = this.dataSource.manager;
    return villagePage(
      em,
      actor,
      villageId,
      query,
      (window) =>
        findInitiatives(em, villageId, {
          ...window,
          status: query.status,
          focusAreaId: query.focusAreaId,
          q: query.q,
        }),
      toInitiativeDto,
    );
  }

  /** The initiatives that serve a goal, for the goal's page. */
  async forGoal(actor: Actor, goalId: string, query: PageQueryDto): Promise<Page<InitiativeDto>> {
    const em = this.dataSource.manager;
    const village = await findGoalVillageRef(em, goalId);
    const access = village ? initiativeAccess(actor, village) : 'hidden';
    if (access === 'hidden') throw notFound('No such goal, or not one you may see.');
    const { rows, total } = await findGoalInitiatives(em, goalId, pageWindow(query));
    return toPage(
      rows.map((row) => toInitiativeDto(row, access)),
      total,
      query,
    );
  }

  /** The village's accounts, to choose a contact person or members from. */
  async candidates(
    actor: Actor,
    villageId: string,
    query: PageQueryDto,
  ): Promise<Page<InitiativeCandidateDto>> {
    const em = this.dataSource.manager;
    await villageAccess(em, actor, villageId);
    const { rows, total } = await findVillageAccounts(em, villageId, {
      ...pageWindow(query),
      q: query.q,
    });
    return toPage(rows, total, query);
  }

  async get(actor: Actor, id: string): Promise<InitiativeDto> {
    const found = await findInitiative(this.dataSource.manager, id);
    const { row, access } = readableRow(actor, found, INITIATIVE);
    return toInitiativeDto(row, access);
  }

  async create(
    actor: Actor,
    villageId: string,
    body: CreateInitiativeBody,
  ): Promise<InitiativeDto> {
    const id = await this.dataSource.transaction((em) => this.createIn(em, actor, villageId, body));
    return this.get(actor, id);
  }

  /**
   * Creates an initiative in the caller's transaction (ideas call this when a chosen idea becomes
   * an initiative) with the same checks as `create`; answers its id.
   */
  async createIn(
    em: EntityManager,
    actor: Actor,
    villageId: string,
    body: CreateInitiativeBody,
  ): Promise<string> {
    await editableVillage(em, actor, villageId);
    await this.checkFocusArea(em, villageId, body.focusAreaId);
    await this.checkGoals(em, villageId, body.goalIds);
    const people = await this.people(em, villageId, body.contact ?? null, body.members ?? []);
    const saved = await em.getRepository(Initiative).save({
      villageId,
      focusAreaId: body.focusAreaId,
      title: body.title,
      description: body.description ?? '',
      partners: body.partners ?? [],
      milestoneWhat: body.milestone?.what ?? null,
      milestoneDate: body.milestone?.date ?? null,
      status: body.status ?? InitiativeStatus.Idea,
      progress: body.progress ?? 0,
      weight: body.weight ?? 1,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await this.saveGoals(em, saved.id, body.goalIds);
    await this.savePeople(em, saved.id, people.contact, people.members);
    return saved.id;
  }

  async update(actor: Actor, id: string, body: UpdateInitiativeBody): Promise<InitiativeDto> {
    await this.dataSource.transaction(async (em) => {
      const row = changeableRow(
        actor,
        await findInitiative(em, id, true),
        body.version,
        INITIATIVE,
      );
      const village = row.village_id;
      if (body.focusAreaId) await this.checkFocusArea(em, village, body.focusAreaId);
      if (body.goalIds) {
        await this.checkGoals(em, village, body.goalIds);
        await em.getRepository(InitiativeGoal).delete({ initiativeId: row.id });
        await this.saveGoals(em, row.id, body.goalIds);
      }
      if (body.contact !== undefined || body.members !== undefined) {
        const people = await this.people(em, village, body.contact ?? null, body.members ?? []);
        const repo = em.getRepository(InitiativePerson);
        if (body.contact !== undefined)
          await repo.delete({ initiativeId: row.id, kind: 'contact' });
        if (body.members !== undefined) await repo.delete({ initiativeId: row.id, kind: 'member' });
        await this.savePeople(em, row.id, people.contact, people.members);
      }
      const changes: Partial<Initiative> = {};
      if (body.focusAreaId !== undefined) changes.focusAreaId = body.focusAreaId;
      if (body.title !== undefined) changes.title = body.title;
      if (body.description !== undefined) changes.description = body.description;
      if (body.partners !== undefined) changes.partners = body.partners;
      if (body.milestone !== undefined) {
        changes.milestoneWhat = body.milestone?.what ?? null;
        changes.milestoneDate = body.milestone?.date ?? null;
      }
      if (body.status !== undefined) changes.status = body.status;
      if (body.progress !== undefined) changes.progress = body.progress;
      if (body.weight !== undefined) changes.weight = body.weight;
      await em.getRepository(Initiative).update(row.id, {
        ...changes,
        ...nextSave(row, actor.id),
      });
    });
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const row = changeableRow(actor, await findInitiative(em, id, true), null, INITIATIVE);
      await em.getRepository(Initiative).delete(row.id);
    });
  }

  private async checkFocusArea(em: EntityManager, villageId: string, focusAreaId: string) {
    const area = await findFocusArea(em, focusAreaId);
    if (!area || area.village_id !== villageId) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'focusAreaId',
        'focusAreaId must name one of the village’s focus areas',
      );
    }
  }

  private async checkGoals(em: EntityManager, villageId: string, goalIds: string[]) {
    const found = await villageGoalIds(em, villageId, goalIds);
    if (goalIds.some((goalId) => !found.has(goalId))) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'goalIds',
        'goalIds must name goals of the same village as the initiative',
      );
    }
  }

  /**
   * Checks the contact person and members: an account must be one of the village's; a person
   * without one needs a name, and a contact person without one a phone number or an email too.
   */
  private async people(
    em: EntityManager,
    villageId: string,
    contact: InitiativePersonBody | null,
    members: InitiativePersonBody[],
  ): Promise<{ contact: PersonInput | null; members: PersonInput[] }> {
    const userIds = [contact, ...members].flatMap((p) => (p?.userId ? [p.userId] : []));
    const accounts = userIds.length ? await villageAccounts(em, villageId, userIds) : new Map();
    const resolve = (person: InitiativePersonBody, field: string): PersonInput => {
      if (person.userId) {
        const name = accounts.get(person.userId);
        if (name === undefined) {
          throw fieldError(
            ErrorCode.UnknownReference,
            field,
            `${field}.userId must be an account of the village; add others by name`,
          );
        }
        return { userId: person.userId, name, email: null, phone: person.phone ?? null };
      }
      if (!person.name) {
        throw fieldError(
          ErrorCode.ValidationFailed,
          field,
          `${field} needs a name, or the userId of an account of the village`,
        );
      }
      return {
        userId: null,
        name: person.name,
        email: person.email ?? null,
        phone: person.phone ?? null,
      };
    };
    const resolvedContact = contact ? resolve(contact, 'contact') : null;
    if (
      resolvedContact &&
      !resolvedContact.userId &&
      !resolvedContact.email &&
      !resolvedContact.phone
    ) {
      throw fieldError(
        ErrorCode.ValidationFailed,
        'contact',
        'contact needs a phone number or an email, so people can reach them',
      );
    }
    return {
      contact: resolvedContact,
      members: members.map((member, index) => resolve(member, `members.${index}`)),
    };
  }

  private async saveGoals(em: EntityManager, initiativeId: string, goalIds: string[]) {
    await em
      .getRepository(InitiativeGoal)
      .insert(goalIds.map((goalId) => ({ initiativeId, goalId })));
  }

  private async savePeople(
    em: EntityManager,
    initiativeId: string,
    contact: PersonInput | null,
    members: PersonInput[],
  ) {
    const rows = [
      ...(contact ? [{ ...contact, kind: 'contact' as const, position: 0 }] : []),
      ...members.map((member, position) => ({ ...member, kind: 'member' as const, position })),
    ];
    if (rows.length) {
      await em
        .getRepository(InitiativePerson)
        .insert(rows.map((row) => ({ ...row, initiativeId })));
    }
  }
}

interface PersonInput {
  userId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
}

function toInitiativeDto(row: InitiativeRow, access: InitiativeAccess): InitiativeDto {
  return {
    id: row.id,
    villageId: row.village_id,
    villageName: row.village_name,
    focusAreaId: row.focus_area_id,
    focusAreaName: row.focus_area_name,
    title: row.title,
    description: row.description,
    goals: row.goals,
    contact: row.contact,
    members: row.members,
    partners: row.partners,
    milestone: row.milestone_what ? { what: row.milestone_what, date: row.milestone_date } : null,
    status: row.status,
    progress: row.progress,
    weight: row.weight,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: personOf(row.updated_by_id, row.updated_by_name, row.updated_by_email),
    canEdit: access === 'edit',
  };
}

import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type CohortDto, type Page } from '@blup/contracts';
import { DataSource, EntityManager, In, Not, Repository } from 'typeorm';
import { Actor, canReadCohort, canWriteCohort, scopeOf } from '../../access/access-policy';
import { CircleSync, noChanges } from '../../circles/circle-sync.service';
import { AppException, fieldError, notFound, secretariatOnly } from '../../common/app-exception';
import { PageQueryDto, toPage } from '../../common/pagination';
import { Cohort, Village } from '../../database/entities';
import { nameTaken } from '../../common/names.queries';
import { withUniqueName } from '../../common/unique-violation';
import { CreateCohortBody, UpdateCohortBody } from './cohort.dto';
import { findCohorts } from './cohorts.queries';

const nameConflict = (name: string) => (): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.CohortNameTaken,
    `A cohort named “${name}” already exists.`,
    { params: { name } },
  );

@Injectable()
export class CohortsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Cohort) private readonly cohorts: Repository<Cohort>,
    @InjectRepository(Village) private readonly villages: Repository<Village>,
    private readonly circleSync: CircleSync,
  ) {}

  /** Cohorts holding at least one village the actor may see (all of them for the secretariat). */
  async list(actor: Actor, query: PageQueryDto): Promise<Page<CohortDto>> {
    const [rows, total] = await findCohorts(this.cohorts, scopeOf(actor), query);
    const villages = await this.villagesOf(rows.map((c) => c.id));
    return toPage(
      rows.map((c) => this.toDto(c, villages)),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<CohortDto> {
    const { cohort, villages } = await this.findReadable(actor, id);
    return this.toDto(cohort, villages);
  }

  async create(actor: Actor, body: CreateCohortBody): Promise<CohortDto> {
    if (!canWriteCohort(actor)) throw secretariatOnly('Only the secretariat can add cohorts.');
    const villageIds = [...new Set(body.villageIds ?? [])];
    let circleChanges = noChanges();
    const id = await withUniqueName(
      () => nameTaken(this.cohorts, body.name),
      () =>
        this.dataSource.transaction(async (em) => {
          await this.assertVillagesExist(em, villageIds);
          const repo = em.getRepository(Cohort);
          const cohort = await repo.save(
            repo.create({ name: body.name, startDate: body.startDate }),
          );
          if (villageIds.length) {
            await em.getRepository(Village).update({ id: In(villageIds) }, { cohortId: cohort.id });
          }
          circleChanges = await this.circleSync.syncCohort(em, cohort.id, actor);
          return cohort.id;
        }),
      nameConflict(body.name),
    );
    await this.circleSync.announce(circleChanges);
    return this.load(id);
  }

  async update(actor: Actor, id: string, body: UpdateCohortBody): Promise<CohortDto> {
    const { cohort } = await this.findReadable(actor, id);
    if (!canWriteCohort(actor)) {
      throw secretariatOnly('Only the secretariat can change a cohort.');
    }
    const changes: Partial<Pick<Cohort, 'name' | 'startDate'>> = {};
    if (body.name !== undefined && body.name !== cohort.name) changes.name = body.name;
    if (body.startDate !== undefined && body.startDate !== cohort.startDate) {
      changes.startDate = body.startDate;
    }
    const name = changes.name;
    let circleChanges = noChanges();
    await withUniqueName(
      async () => name !== undefined && nameTaken(this.cohorts, name, { exceptId: id }),
      () =>
        this.dataSource.transaction(async (em) => {
          if (Object.keys(changes).length) await em.getRepository(Cohort).update(id, changes);
          if (body.villageIds) {
            await this.setVillages(em, id, [...new Set(body.villageIds)]);
            circleChanges = await this.circleSync.syncCohort(em, id, actor);
          }
        }),
      nameConflict(body.name ?? cohort.name),
    );
    await this.circleSync.announce(circleChanges);
    return this.load(id);
  }

  /** Exactly these villages are in the cohort afterwards; villages in other cohorts move here. */
  private async setVillages(
    em: EntityManager,
    cohortId: string,
    villageIds: string[],
  ): Promise<void> {
    await this.assertVillagesExist(em, villageIds);
    const villages = em.getRepository(Village);
    if (!villageIds.length) {
      await villages.update({ cohortId }, { cohortId: null });
      return;
    }
    await villages.update({ cohortId, id: Not(In(villageIds)) }, { cohortId: null });
    await villages.update({ id: In(villageIds) }, { cohortId });
  }

  private async assertVillagesExist(em: EntityManager, villageIds: string[]): Promise<void> {
    if (!villageIds.length) return;
    const found = await em.getRepository(Village).find({
      select: { id: true },
      where: { id: In(villageIds) },
    });
    const known = new Set(found.map((v) => v.id));
    const unknown = villageIds.filter((id) => !known.has(id));
    if (unknown.length) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'villageIds',
        `There is no village with the id ${unknown.join(', ')}. Choose villages from the villages list.`,
      );
    }
  }

  /** The cohort and its villages, if the actor may see at least one of them; otherwise a 404. */
  private async findReadable(
    actor: Actor,
    id: string,
  ): Promise<{ cohort: Cohort; villages: Village[] }> {
    const cohort = await this.cohorts.findOneBy({ id });
    const villages = cohort ? await this.villagesOf([id]) : [];
    if (!cohort || !canReadCohort(actor, villages)) throw notFound('Cohort not found.');
    return { cohort, villages };
  }

  private async load(id: string): Promise<CohortDto> {
    const cohort = await this.cohorts.findOneByOrFail({ id });
    return this.toDto(cohort, await this.villagesOf([id]));
  }

  private villagesOf(cohortIds: string[]): Promise<Village[]> {
    if (!cohortIds.length) return Promise.resolve([]);
    return this.villages.find({
      where: { cohortId: In(cohortIds) },
      relations: { municipality: true },
      order: { name: 'ASC', id: 'ASC' },
    });
  }

  /** Everyone who may see a cohort sees its whole roster: the villages go through it together. */
  private toDto(cohort: Cohort, villages: Village[]): CohortDto {
    const own = villages.filter((v) => v.cohortId === cohort.id);
    return {
      id: cohort.id,
      name: cohort.name,
      startDate: cohort.startDate,
      villageCount: own.length,
      villages: own.map((v) => ({
        id: v.id,
        name: v.name,
        municipalityName: v.municipality?.name ?? '',
      })),
    };
  }

  /** Adds a bare cohort (a cohort offering's); a taken name throws the unique violation. */
  async addCohort(name: string, startDate: string, em?: EntityManager): Promise<string> {
    const cohorts = em ? em.getRepository(Cohort) : this.cohorts;
    const cohort = await cohorts.save(cohorts.create({ name, startDate }));
    return cohort.id;
  }

  /** Renames or re-dates a cohort (its cohort offering changed); a taken name throws. */
  async changeCohort(
    id: string,
    changes: { name?: string; startDate?: string },
    em?: EntityManager,
  ): Promise<void> {
    const set: Partial<Pick<Cohort, 'name' | 'startDate'>> = {};
    if (changes.name !== undefined) set.name = changes.name;
    if (changes.startDate) set.startDate = changes.startDate;
    if (!Object.keys(set).length) return;
    await (em ? em.getRepository(Cohort) : this.cohorts).update(id, set);
  }
}

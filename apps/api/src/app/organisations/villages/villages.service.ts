import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, type Page, type VillageDto } from '@blup/contracts';
import { EntityManager, Repository } from 'typeorm';
import {
  Actor,
  canCreateVillage,
  canReadVillage,
  canUpdateVillage,
  scopeOf,
} from '../../access/access-policy';
import { AppException, fieldError, notFound, secretariatOnly } from '../../common/app-exception';
import { toPage } from '../../common/pagination';
import { Municipality, User, Village } from '../../database/entities';
import { nameTaken } from '../../common/names.queries';
import { withUniqueName } from '../../common/unique-violation';
import { CreateVillageBody, UpdateVillageBody, VillageQueryDto } from './village.dto';
import { countMembers, findVillages } from './villages.queries';

const nameConflict = (name: string, municipality: string) => (): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.VillageNameTaken,
    `${municipality} already has a village named “${name}”.`,
    { params: { name, municipality } },
  );

@Injectable()
export class VillagesService {
  constructor(
    @InjectRepository(Village) private readonly villages: Repository<Village>,
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async list(actor: Actor, query: VillageQueryDto): Promise<Page<VillageDto>> {
    const [rows, total] = await findVillages(this.villages, scopeOf(actor), query);
    return toPage(await this.toDtos(rows), total, query);
  }

  async get(actor: Actor, id: string): Promise<VillageDto> {
    const [dto] = await this.toDtos([await this.findReadable(actor, id)]);
    return dto;
  }

  async create(actor: Actor, body: CreateVillageBody): Promise<VillageDto> {
    if (!canCreateVillage(actor)) {
      throw secretariatOnly('Only the secretariat can add villages.');
    }
    const municipality = await this.municipalities.findOneBy({ id: body.municipalityId });
    if (!municipality) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'municipalityId',
        'There is no municipality with that id. Choose one from the municipalities list.',
      );
    }
    const saved = await withUniqueName(
      () => nameTaken(this.villages, body.name, { within: { municipalityId: municipality.id } }),
      () =>
        this.villages.save(
          this.villages.create({
            name: body.name,
            description: body.description ?? '',
            municipalityId: municipality.id,
            cohortId: null,
          }),
        ),
      nameConflict(body.name, municipality.name),
    );
    return this.toDto(Object.assign(saved, { municipality, cohort: null }), 0);
  }

  async update(actor: Actor, id: string, body: UpdateVillageBody): Promise<VillageDto> {
    const village = await this.findReadable(actor, id);
    if (!canUpdateVillage(actor, village)) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        `Only the secretariat and the coordinators of ${village.municipality?.name ?? 'its municipality'} can change this village.`,
      );
    }
    const changes: Partial<Pick<Village, 'name' | 'description'>> = {};
    if (body.name !== undefined && body.name !== village.name) changes.name = body.name;
    if (body.description !== undefined && body.description !== village.description) {
      changes.description = body.description;
    }
    if (Object.keys(changes).length) {
      const name = changes.name;
      await withUniqueName(
        async () =>
          name !== undefined &&
          nameTaken(this.villages, name, {
            exceptId: id,
            within: { municipalityId: village.municipalityId },
          }),
        () => this.villages.update(id, changes),
        nameConflict(name ?? village.name, village.municipality?.name ?? 'That municipality'),
      );
      Object.assign(village, changes);
    }
    const [dto] = await this.toDtos([village]);
    return dto;
  }

  /** The village with its municipality and cohort, if the actor may see it; otherwise a 404. */
  private async findReadable(actor: Actor, id: string): Promise<Village> {
    const village = await this.villages.findOne({
      where: { id },
      relations: { municipality: true, cohort: true },
    });
    if (!village || !canReadVillage(actor, village)) throw notFound('Village not found.');
    return village;
  }

  /** Adds member counts: one grouped query for the whole page. */
  private async toDtos(rows: Village[]): Promise<VillageDto[]> {
    if (!rows.length) return [];
    const counts = await countMembers(
      this.users,
      rows.map((v) => v.id),
    );
    const countOf = new Map(counts.map((c) => [c.id, c.count]));
    return rows.map((v) => this.toDto(v, countOf.get(v.id) ?? 0));
  }

  private toDto(v: Village, memberCount: number): VillageDto {
    return {
      id: v.id,
      name: v.name,
      description: v.description,
      municipalityId: v.municipalityId,
      municipalityName: v.municipality?.name ?? '',
      cohortId: v.cohortId,
      cohortName: v.cohort?.name ?? null,
      memberCount,
    };
  }

  /**
   * Moves the village into the cohort (a cohort place was taken); gives the cohort it was in.
   * Locks the village's row, so moves of one village take turns.
   */
  async moveToCohort(
    villageId: string,
    cohortId: string,
    em?: EntityManager,
  ): Promise<string | null> {
    const run = async (m: EntityManager): Promise<string | null> => {
      const villages = m.getRepository(Village);
      const before = await villages.findOne({
        select: { id: true, cohortId: true },
        where: { id: villageId },
        lock: { mode: 'pessimistic_write' },
      });
      await villages.update(villageId, { cohortId });
      return before?.cohortId ?? null;
    };
    return em ? run(em) : this.villages.manager.transaction(run);
  }

  /** Takes the village out of the cohort if it is still in it (its place went); whether it was. */
  async leaveCohort(villageId: string, cohortId: string, em?: EntityManager): Promise<boolean> {
    const villages = em ? em.getRepository(Village) : this.villages;
    const result = await villages.update({ id: villageId, cohortId }, { cohortId: null });
    return (result.affected ?? 0) > 0;
  }

  /**
   * A new village without a cohort, for another module's flow (an approved application), inside
   * its transaction; `conflict()` when the municipality already has a village of that name.
   */
  async createInMunicipality(
    village: { name: string; municipalityId: string },
    conflict: () => AppException,
    em?: EntityManager,
  ): Promise<Village> {
    const repo = em ? em.getRepository(Village) : this.villages;
    return withUniqueName(
      () => nameTaken(repo, village.name, { within: { municipalityId: village.municipalityId } }),
      () => repo.save(repo.create({ ...village, description: '', cohortId: null })),
      conflict,
    );
  }
}

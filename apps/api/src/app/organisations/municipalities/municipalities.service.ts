import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  Role,
  type MunicipalityDto,
  type Page,
  type PersonSummary,
} from '@blup/contracts';
import { In, IsNull, Repository } from 'typeorm';
import {
  Actor,
  canReadMunicipality,
  canWriteMunicipality,
  scopeOf,
} from '../../access/access-policy';
import { AppException, notFound, secretariatOnly } from '../../common/app-exception';
import { likePattern, pageWindow, PageQueryDto, toPage } from '../../common/pagination';
import { Municipality, User, Village } from '../../database/entities';
import { nameTaken, withUniqueName } from '../shared/unique-violation';
import { CreateMunicipalityBody, UpdateMunicipalityBody } from './municipality.dto';

const nameConflict = (name: string) => (): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.MunicipalityNameTaken,
    `A municipality named “${name}” already exists.`,
    { params: { name } },
  );

@Injectable()
export class MunicipalitiesService {
  constructor(
    @InjectRepository(Municipality) private readonly municipalities: Repository<Municipality>,
    @InjectRepository(Village) private readonly villages: Repository<Village>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  async list(actor: Actor, query: PageQueryDto): Promise<Page<MunicipalityDto>> {
    const scope = scopeOf(actor);
    const qb = this.municipalities.createQueryBuilder('m');
    if (scope.kind !== 'all') {
      if (!scope.municipalityId) return toPage([], 0, query);
      qb.andWhere('m.id = :scopeId', { scopeId: scope.municipalityId });
    }
    if (query.q) qb.andWhere('m.name ILIKE :q', { q: likePattern(query.q) });
    const { skip, take } = pageWindow(query);
    const [rows, total] = await qb
      .orderBy('m.name', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .offset(skip)
      .limit(take)
      .getManyAndCount();
    return toPage(await this.toDtos(rows), total, query);
  }

  async get(actor: Actor, id: string): Promise<MunicipalityDto> {
    const municipality = await this.findReadable(actor, id);
    const [dto] = await this.toDtos([municipality]);
    return dto;
  }

  async create(actor: Actor, body: CreateMunicipalityBody): Promise<MunicipalityDto> {
    if (!canWriteMunicipality(actor)) {
      throw secretariatOnly('Only the secretariat can add municipalities.');
    }
    const saved = await withUniqueName(
      () => nameTaken(this.municipalities, body.name),
      () => this.municipalities.save(this.municipalities.create({ name: body.name })),
      nameConflict(body.name),
    );
    return { id: saved.id, name: saved.name, villageCount: 0, contacts: [] };
  }

  async update(actor: Actor, id: string, body: UpdateMunicipalityBody): Promise<MunicipalityDto> {
    const municipality = await this.findReadable(actor, id);
    if (!canWriteMunicipality(actor)) {
      throw secretariatOnly('Only the secretariat can change a municipality.');
    }
    if (body.name !== undefined && body.name !== municipality.name) {
      const name = body.name;
      await withUniqueName(
        () => nameTaken(this.municipalities, name, { exceptId: id }),
        () => this.municipalities.update(id, { name }),
        nameConflict(name),
      );
      municipality.name = name;
    }
    const [dto] = await this.toDtos([municipality]);
    return dto;
  }

  /** The municipality, if it exists and the actor may see it; otherwise a 404 that reveals nothing. */
  private async findReadable(actor: Actor, id: string): Promise<Municipality> {
    const municipality = canReadMunicipality(actor, id)
      ? await this.municipalities.findOneBy({ id })
      : null;
    if (!municipality) throw notFound('Municipality not found.');
    return municipality;
  }

  /** Adds village counts and contact people, two queries for the whole page. */
  private async toDtos(rows: Municipality[]): Promise<MunicipalityDto[]> {
    if (!rows.length) return [];
    const ids = rows.map((m) => m.id);
    const [counts, contacts] = await Promise.all([
      this.villages
        .createQueryBuilder('v')
        .select('v.municipality_id', 'id')
        .addSelect('COUNT(*)::int', 'count')
        .where('v.municipality_id IN (:...ids)', { ids })
        .groupBy('v.municipality_id')
        .getRawMany<{ id: string; count: number }>(),
      this.users.find({
        select: { id: true, name: true, email: true, municipalityId: true },
        where: {
          municipalityId: In(ids),
          role: Role.Coordinator,
          contactPerson: true,
          disabledAt: IsNull(),
        },
        order: { name: 'ASC', id: 'ASC' },
      }),
    ]);
    const countOf = new Map(counts.map((c) => [c.id, c.count]));
    const contactsOf = new Map<string, PersonSummary[]>();
    for (const c of contacts) {
      const list = contactsOf.get(c.municipalityId as string) ?? [];
      list.push({ id: c.id, name: c.name, email: c.email });
      contactsOf.set(c.municipalityId as string, list);
    }
    return rows.map((m) => ({
      id: m.id,
      name: m.name,
      villageCount: countOf.get(m.id) ?? 0,
      contacts: contactsOf.get(m.id) ?? [],
    }));
  }
}

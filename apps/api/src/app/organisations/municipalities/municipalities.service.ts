import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  Role,
  type MunicipalityDto,
  type MunicipalityOverviewDto,
  type OverviewSessionDto,
  type Phase,
  type Page,
  type PersonSummary,
} from '@blup/contracts';
import { DataSource, ILike, In, IsNull, Repository } from 'typeorm';
import {
  Actor,
  canReadMunicipality,
  canWriteMunicipality,
  scopeOf,
} from '../../access/access-policy';
import { municipalityOverviewAccess } from '../../access/municipality-access-policy';
import { percentOf } from '../../courses/course-progress';
import { AppException, notFound, secretariatOnly } from '../../common/app-exception';
import { likePattern, pageWindow, PageQueryDto, toPage } from '../../common/pagination';
import { Municipality, User, Village } from '../../database/entities';
import { nameTaken } from '../../common/names.queries';
import { withUniqueName } from '../../common/unique-violation';
import { CreateMunicipalityBody, UpdateMunicipalityBody } from './municipality.dto';
import {
  countVillages,
  findCoordinatorNextSession,
  findMunicipalities,
  findVillageOverview,
  type SessionRow,
} from './municipalities.queries';

function overviewSession(r: SessionRow): OverviewSessionDto {
  return {
    id: r.id,
    title: r.title,
    phase: r.phase,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
  };
}

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
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /**
   * The municipality's villages at a glance (phase, next session, attendance, course progress,
   * open next steps) and its coordinator circle's next session: the municipality, one statement
   * for the page of villages, and one for the coordinator circle, whatever the page size.
   */
  async overview(actor: Actor, id: string, query: PageQueryDto): Promise<MunicipalityOverviewDto> {
    const access = municipalityOverviewAccess(actor, id);
    const municipality = access === 'hidden' ? null : await this.municipalities.findOneBy({ id });
    if (!municipality) throw notFound('Municipality not found.');
    if (access === 'forbidden') {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'Only the municipality’s coordinators and the secretariat see its overview.',
      );
    }
    const { skip, take } = pageWindow(query);
    const pattern = query.q ? likePattern(query.q) : undefined;
    const [rows, coordinator] = await Promise.all([
      findVillageOverview(this.db, id, { take, skip, pattern }),
      findCoordinatorNextSession(this.db, id),
    ]);
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && skip > 0) {
      total = await this.villages.count({
        where: { municipalityId: id, ...(query.q ? { name: ILike(likePattern(query.q)) } : {}) },
      });
    }
    const page = toPage(
      rows.map((r) => ({
        villageId: r.id,
        villageName: r.name,
        cohortName: r.cohort_name,
        phase: r.phase,
        nextSession: r.next_id
          ? overviewSession({
              id: r.next_id,
              title: r.next_title as string,
              phase: r.next_phase as Phase,
              starts_at: r.next_starts_at as Date,
              ends_at: r.next_ends_at as Date,
            })
          : null,
        attendancePercent: r.recorded > 0 ? percentOf(r.present, r.recorded) : null,
        heldSessions: r.held,
        coursePercent: r.lessons > 0 ? percentOf(r.completed, r.lessons) : null,
        openNextSteps: r.open_next_steps,
      })),
      total,
      query,
    );
    return {
      ...page,
      municipalityId: municipality.id,
      municipalityName: municipality.name,
      coordinatorCircleNextSession: coordinator ? overviewSession(coordinator) : null,
    };
  }

  async list(actor: Actor, query: PageQueryDto): Promise<Page<MunicipalityDto>> {
    const [rows, total] = await findMunicipalities(this.municipalities, scopeOf(actor), query);
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
      countVillages(this.villages, ids),
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

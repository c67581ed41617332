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
import { moduleVisibleSql } from '../../courses/course-visibility';
import { AppException, notFound, secretariatOnly } from '../../common/app-exception';
import { likePattern, pageWindow, PageQueryDto, toPage } from '../../common/pagination';
import { Municipality, User, Village } from '../../database/entities';
import { nameTaken } from '../../common/names.queries';
import { withUniqueName } from '../../common/unique-violation';
import { CreateMunicipalityBody, UpdateMunicipalityBody } from './municipality.dto';

interface SessionRow {
  id: string;
  title: string;
  phase: Phase;
  starts_at: Date;
  ends_at: Date;
}

interface OverviewRow {
  id: string;
  name: string;
  cohort_name: string | null;
  total: string;
  phase: Phase | null;
  next_id: string | null;
  next_title: string | null;
  next_phase: Phase | null;
  next_starts_at: Date | null;
  next_ends_at: Date | null;
  held: number;
  present: number;
  recorded: number;
  lessons: number;
  completed: number;
  open_next_steps: number;
}

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
    const params: unknown[] = [id, take, skip];
    let search = '';
    if (query.q) {
      params.push(likePattern(query.q));
      search = `AND v.name ILIKE $${params.length}`;
    }
    const [rows, coordinator] = await Promise.all([
      this.db.query<OverviewRow[]>(
        `WITH page AS (
           SELECT v.id, v.name, co.name AS cohort_name, count(*) OVER () AS total
             FROM villages v
             LEFT JOIN cohorts co ON co.id = v.cohort_id
            WHERE v.municipality_id = $1 ${search}
            ORDER BY v.name, v.id
            LIMIT $2 OFFSET $3
         ), circle AS (
           SELECT p.id AS village_id, c.id AS circle_id
             FROM page p JOIN circles c
               ON c.village_id = p.id AND c.kind = 'village' AND c.archived_at IS NULL
         )
         SELECT p.id, p.name, p.cohort_name, p.total,
                cur.phase, nx.id AS next_id, nx.title AS next_title, nx.phase AS next_phase,
                nx.starts_at AS next_starts_at, nx.ends_at AS next_ends_at,
                coalesce(att.held, 0) AS held, coalesce(att.present, 0) AS present,
                coalesce(att.recorded, 0) AS recorded,
                coalesce(cp.lessons, 0) AS lessons, coalesce(cp.completed, 0) AS completed,
                coalesce(ns.open, 0) AS open_next_steps
           FROM page p
           LEFT JOIN LATERAL (
             SELECT s.phase FROM circle c JOIN circle_sessions s ON s.circle_id = c.circle_id
              WHERE c.village_id = p.id AND s.status <> 'cancelled'
              ORDER BY (s.starts_at <= now()) DESC, abs(extract(epoch FROM s.starts_at - now()))
              LIMIT 1) cur ON TRUE
           LEFT JOIN LATERAL (
             SELECT s.id, s.title, s.phase, s.starts_at, s.ends_at
               FROM circle c JOIN circle_sessions s ON s.circle_id = c.circle_id
              WHERE c.village_id = p.id AND s.status = 'planned' AND s.ends_at > now()
              ORDER BY s.starts_at, s.id
              LIMIT 1) nx ON TRUE
           LEFT JOIN LATERAL (
             SELECT count(DISTINCT s.id)::int AS held,
                    count(a.user_id) FILTER (WHERE a.status = 'present')::int AS present,
                    count(a.user_id)::int AS recorded
               FROM circle c JOIN circle_sessions s ON s.circle_id = c.circle_id
               LEFT JOIN session_attendance a ON a.session_id = s.id
              WHERE c.village_id = p.id AND s.status = 'held') att ON TRUE
           LEFT JOIN LATERAL (
             SELECT count(l.id)::int AS lessons, count(lp.completed_at)::int AS completed
               FROM users u
               JOIN courses cr ON cr.audience = 'village_process'
               JOIN course_modules m ON m.course_id = cr.id
               JOIN lessons l ON l.module_id = m.id AND l.published_at IS NOT NULL
               LEFT JOIN lesson_progress lp
                 ON lp.user_id = u.id AND lp.lesson_id = l.id AND lp.completed_at IS NOT NULL
              WHERE u.village_id = p.id AND u.role = 'steering_member' AND u.disabled_at IS NULL
                AND cr.published_at IS NOT NULL
                AND ${moduleVisibleSql(Role.SteeringMember, 'm', 'u.id')}) cp ON TRUE
           LEFT JOIN LATERAL (
             SELECT count(*)::int AS open
               FROM circle c JOIN circle_sessions s ON s.circle_id = c.circle_id
               CROSS JOIN LATERAL jsonb_array_elements(s.next_steps) step
              WHERE c.village_id = p.id AND s.status <> 'cancelled'
                AND NOT coalesce((step->>'done')::boolean, false)) ns ON TRUE
          ORDER BY p.name, p.id`,
        params,
      ),
      this.db.query<SessionRow[]>(
        `SELECT s.id, s.title, s.phase, s.starts_at, s.ends_at
           FROM circle_sessions s
           JOIN circles c ON c.id = s.circle_id
          WHERE c.kind = 'coordinator' AND c.archived_at IS NULL
            AND s.status = 'planned' AND s.ends_at > now()
            AND c.cohort_id IN (SELECT cohort_id FROM villages
                                 WHERE municipality_id = $1 AND cohort_id IS NOT NULL)
          ORDER BY s.starts_at, s.id
          LIMIT 1`,
        [id],
      ),
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
      coordinatorCircleNextSession: coordinator[0] ? overviewSession(coordinator[0]) : null,
    };
  }

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

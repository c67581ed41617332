import { Injectable } from '@nestjs/common';
import {
  CircleKind,
  ErrorCode,
  Role,
  type CircleDto,
  type CircleGridResponse,
  type CircleSummaryDto,
  type GridCell,
  type Page,
  type PlanSessionDto,
  type RsvpAnswer,
  type SessionStatus,
  type SessionSummaryDto,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canManageCircle, canRsvp, circlePartOf } from '../access/circle-access-policy';
import { fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { pageWindow, PageQueryDto, toPage } from '../common/pagination';
import { Circle, CircleSession } from '../database/entities';
import {
  CIRCLE_REF_COLUMNS,
  circleRefOf,
  findReadableCohort,
  readableCirclesSql,
  type CircleRefColumns,
} from './circle-ref';
import { CircleSync, noChanges, updateReturning } from './circle-sync.service';
import type { CirclesQueryDto, UpdateCircleBody } from './circles.dto';
import { PLAN_SELECT, toPlanDto, type PlanRow } from './planning.service';
import { toSessionSummary } from './session-summary';

interface CircleRow {
  id: string;
  kind: CircleKind;
  cohort_id: string;
  cohort_name: string;
  village_id: string | null;
  village_name: string | null;
  municipality_name: string | null;
  facilitator_id: string | null;
  facilitator_name: string | null;
  facilitator_email: string | null;
  room_url: string | null;
  archived: boolean;
  member_count: number;
  next_id: string | null;
  next_title: string | null;
  next_starts_at: Date | null;
  next_ends_at: Date | null;
  next_status: SessionStatus | null;
  held: number;
  recorded: number;
  present: number;
}

const CIRCLE_COLUMNS = `
         c.id, c.kind, c.cohort_id, co.name AS cohort_name, c.village_id, v.name AS village_name,
         m.name AS municipality_name, c.facilitator_id, f.name AS facilitator_name,
         f.email AS facilitator_email, c.room_url, c.archived_at IS NOT NULL AS archived,
         (SELECT count(*)::int FROM circle_participants cp
           WHERE cp.circle_id = c.id AND cp.part = 'member') AS member_count,
         nx.id AS next_id, nx.title AS next_title, nx.starts_at AS next_starts_at,
         nx.ends_at AS next_ends_at, nx.status AS next_status,
         att.held, att.recorded, att.present`;

const CIRCLE_FROM = `
    FROM circles c
    JOIN cohorts co ON co.id = c.cohort_id
    LEFT JOIN villages v ON v.id = c.village_id
    LEFT JOIN municipalities m ON m.id = v.municipality_id
    LEFT JOIN users f ON f.id = c.facilitator_id
    LEFT JOIN LATERAL (
      SELECT s.id, s.title, s.starts_at, s.ends_at, s.status FROM circle_sessions s
       WHERE s.circle_id = c.id AND s.status <> 'cancelled' AND s.ends_at > now()
       ORDER BY s.starts_at, s.id LIMIT 1
    ) nx ON true
    CROSS JOIN LATERAL (
      SELECT count(DISTINCT s.id)::int AS held, count(a.user_id)::int AS recorded,
             count(a.user_id) FILTER (WHERE a.status = 'present')::int AS present
        FROM circle_sessions s
        LEFT JOIN session_attendance a ON a.session_id = s.id
       WHERE s.circle_id = c.id AND s.status = 'held'
    ) att`;

const CIRCLE_SELECT = `SELECT ${CIRCLE_COLUMNS} ${CIRCLE_FROM}`;

/** Circles first by cohort, the coordinator circle first, then villages by name; archived last. */
const CIRCLE_ORDER = `ORDER BY c.archived_at IS NOT NULL, co.name, c.kind, v.name, c.id`;

function toSummary(r: CircleRow): CircleSummaryDto {
  return {
    id: r.id,
    kind: r.kind,
    cohortId: r.cohort_id,
    cohortName: r.cohort_name,
    villageId: r.village_id,
    villageName: r.village_name,
    municipalityName: r.municipality_name,
    facilitator:
      r.facilitator_id && r.facilitator_name !== null
        ? { id: r.facilitator_id, name: r.facilitator_name, email: r.facilitator_email ?? '' }
        : null,
    roomUrl: r.room_url,
    memberCount: r.member_count,
    archived: r.archived,
    nextSession:
      r.next_id && r.next_title !== null && r.next_starts_at && r.next_ends_at && r.next_status
        ? {
            id: r.next_id,
            title: r.next_title,
            startsAt: r.next_starts_at.toISOString(),
            endsAt: r.next_ends_at.toISOString(),
            status: r.next_status,
          }
        : null,
    attendance: {
      held: r.held,
      presentRate: r.recorded > 0 ? r.present / r.recorded : null,
    },
  };
}

/** Reading circles, their sessions, a cohort's plan and grid; changing a circle's room or facilitator. */
@Injectable()
export class CirclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly circleSync: CircleSync,
  ) {}

  async list(actor: Actor, query: CirclesQueryDto): Promise<Page<CircleSummaryDto>> {
    const params: unknown[] = [actor.id];
    const where = [readableCirclesSql(actor, 'c', '$1')];
    if (query.cohortId) {
      params.push(query.cohortId);
      where.push(`c.cohort_id = $${params.length}`);
    }
    if (query.kind) {
      params.push(query.kind);
      where.push(`c.kind = $${params.length}`);
    }
    if (query.villageId) {
      params.push(query.villageId);
      where.push(`c.village_id = $${params.length}`);
    }
    const { skip, take } = pageWindow(query);
    const condition = where.join(' AND ');
    const [rows, count] = await Promise.all([
      this.dataSource.query<CircleRow[]>(
        `${CIRCLE_SELECT} WHERE ${condition} ${CIRCLE_ORDER}
         OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
        [...params, skip, take],
      ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM circles c WHERE ${condition}`,
        params,
      ),
    ]);
    return toPage(rows.map(toSummary), count[0].n, query);
  }

  async get(actor: Actor, id: string): Promise<CircleDto> {
    const row = await this.readableRow(actor, id);
    const part = circlePartOf(actor, circleRefOf(row.kind, row));
    if (!part) throw notFound('Circle not found.');
    return { ...toSummary(row), myPart: part, canEdit: canManageCircle(actor) };
  }

  async update(actor: Actor, id: string, body: UpdateCircleBody): Promise<CircleDto> {
    const row = await this.readableRow(actor, id);
    if (!canManageCircle(actor)) throw secretariatOnly('Only the secretariat changes circles.');
    if (body.facilitatorId) {
      const found = await this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM users WHERE id = $1 AND role = $2 AND disabled_at IS NULL`,
        [body.facilitatorId, Role.Secretariat],
      );
      if (!found.length) {
        throw fieldError(
          ErrorCode.UnknownReference,
          'facilitatorId',
          'The facilitator must be an active member of the secretariat.',
        );
      }
    }
    const roomChanged = body.roomUrl !== undefined && body.roomUrl !== row.room_url;
    const changed = await this.dataSource.transaction(async (em) => {
      const set: Partial<Pick<Circle, 'roomUrl' | 'facilitatorId'>> = {};
      if (body.roomUrl !== undefined) set.roomUrl = body.roomUrl;
      if (body.facilitatorId !== undefined) set.facilitatorId = body.facilitatorId;
      if (Object.keys(set).length) await em.getRepository(Circle).update(id, set);
      if (!roomChanged) return [];
      // The sessions ahead that meet in the room: their place changed.
      const rows = await updateReturning<{ id: string }[]>(
        em,
        `UPDATE circle_sessions SET sequence = sequence + 1, updated_at = now()
          WHERE circle_id = $1 AND meeting_url IS NULL AND status = 'planned' AND ends_at > now()
          RETURNING id`,
        [id],
      );
      return rows.map((r) => r.id);
    });
    await this.circleSync.announce({ ...noChanges(), changed });
    return this.get(actor, id);
  }

  /** A circle's sessions, soonest first, with the asker's answers. */
  async sessions(
    actor: Actor,
    circleId: string,
    query: PageQueryDto,
  ): Promise<Page<SessionSummaryDto>> {
    const row = await this.readableRow(actor, circleId);
    const takesPart = canRsvp(actor, circleRefOf(row.kind, row));
    const { skip, take } = pageWindow(query);
    const [sessions, total] = await this.dataSource.getRepository(CircleSession).findAndCount({
      where: { circleId },
      order: { startsAt: 'ASC', id: 'ASC' },
      skip,
      take,
    });
    const answers = takesPart
      ? await this.answers(
          actor.id,
          sessions.map((s) => s.id),
        )
      : new Map();
    const now = new Date();
    const info = {
      kind: row.kind,
      cohortName: row.cohort_name,
      villageName: row.village_name,
      roomUrl: row.room_url,
      askerTakesPart: takesPart,
    };
    return toPage(
      sessions.map((s) => toSessionSummary(s, info, answers.get(s.id) ?? null, now)),
      total,
      query,
    );
  }

  /** A cohort's plan slots in time order. */
  async plan(actor: Actor, cohortId: string, query: PageQueryDto): Promise<Page<PlanSessionDto>> {
    await this.readableCohort(actor, cohortId);
    const { skip, take } = pageWindow(query);
    const [rows, count] = await Promise.all([
      this.dataSource.query<PlanRow[]>(
        `${PLAN_SELECT} WHERE p.cohort_id = $1 ORDER BY p.starts_at, p.circle_kind, p.id
         OFFSET $2 LIMIT $3`,
        [cohortId, skip, take],
      ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM session_plans WHERE cohort_id = $1`,
        [cohortId],
      ),
    ]);
    return toPage(rows.map(toPlanDto), count[0].n, query);
  }

  /**
   * Villages × sessions: every plan slot of the cohort as a column, the circles the asker may read
   * as rows (paginated), with status and attendance per cell. Five queries whatever the size.
   */
  async grid(actor: Actor, cohortId: string, query: PageQueryDto): Promise<CircleGridResponse> {
    const cohort = await this.readableCohort(actor, cohortId);
    const { page, pageSize, skip, take } = pageWindow(query);
    const readable = readableCirclesSql(actor, 'c', '$2');
    const [columns, rows, count] = await Promise.all([
      this.dataSource.query<
        { id: string; title: string; starts_at: Date; circle_kind: CircleKind }[]
      >(
        `SELECT id, title, starts_at, circle_kind FROM session_plans
          WHERE cohort_id = $1 ORDER BY starts_at, circle_kind, id`,
        [cohortId],
      ),
      this.dataSource.query<
        {
          id: string;
          kind: CircleKind;
          village_id: string | null;
          village_name: string | null;
          municipality_name: string | null;
        }[]
      >(
        `SELECT c.id, c.kind, c.village_id, v.name AS village_name, m.name AS municipality_name
           FROM circles c
           LEFT JOIN villages v ON v.id = c.village_id
           LEFT JOIN municipalities m ON m.id = v.municipality_id
          WHERE c.cohort_id = $1 AND c.archived_at IS NULL AND ${readable}
          ORDER BY c.kind, v.name, c.id OFFSET $3 LIMIT $4`,
        [cohortId, actor.id, skip, take],
      ),
      this.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM circles c
          WHERE c.cohort_id = $1 AND c.archived_at IS NULL AND ${readable}`,
        [cohortId, actor.id],
      ),
    ]);
    const circleIds = rows.map((r) => r.id);
    const [cells, members] = circleIds.length
      ? await Promise.all([
          this.dataSource.query<
            {
              id: string;
              plan_id: string;
              circle_id: string;
              starts_at: Date;
              status: SessionStatus;
              present: number;
              recorded: boolean;
            }[]
          >(
            `SELECT s.id, s.plan_id, s.circle_id, s.starts_at, s.status,
                    count(a.user_id) FILTER (WHERE a.status = 'present')::int AS present,
                    count(a.user_id) > 0 AS recorded
               FROM circle_sessions s
               JOIN session_plans p ON p.id = s.plan_id AND p.cohort_id = $2
               LEFT JOIN session_attendance a ON a.session_id = s.id
              WHERE s.circle_id = ANY($1::uuid[])
              GROUP BY s.id`,
            [circleIds, cohortId],
          ),
          this.dataSource.query<{ circle_id: string; n: number }[]>(
            `SELECT circle_id, count(*)::int AS n FROM circle_participants
              WHERE circle_id = ANY($1::uuid[]) AND part = 'member' GROUP BY circle_id`,
            [circleIds],
          ),
        ])
      : [[], []];
    const memberCount = new Map(members.map((m) => [m.circle_id, m.n]));
    const cellAt = new Map(cells.map((c) => [`${c.circle_id}:${c.plan_id}`, c]));
    return {
      cohort,
      columns: columns.map((c) => ({
        planId: c.id,
        title: c.title,
        startsAt: c.starts_at.toISOString(),
        circleKind: c.circle_kind,
      })),
      rows: {
        items: rows.map((r) => ({
          circleId: r.id,
          kind: r.kind,
          villageId: r.village_id,
          villageName: r.village_name,
          municipalityName: r.municipality_name,
          cells: columns.map((col): GridCell | null => {
            const c = cellAt.get(`${r.id}:${col.id}`);
            return c
              ? {
                  sessionId: c.id,
                  planId: c.plan_id,
                  startsAt: c.starts_at.toISOString(),
                  status: c.status,
                  present: c.present,
                  recorded: c.recorded,
                  memberCount: memberCount.get(r.id) ?? 0,
                }
              : null;
          }),
        })),
        total: count[0].n,
        page,
        pageSize,
      },
    };
  }

  /** The circle with its facts for the access policy, or a 404 when the actor may not read it. */
  private async readableRow(actor: Actor, id: string): Promise<CircleRow & CircleRefColumns> {
    const rows = await this.dataSource.query<(CircleRow & CircleRefColumns)[]>(
      `SELECT ${CIRCLE_COLUMNS}, ${CIRCLE_REF_COLUMNS} ${CIRCLE_FROM}
        WHERE c.id = $1 AND ${readableCirclesSql(actor, 'c', '$2')}`,
      [id, actor.id],
    );
    if (!rows.length) throw notFound('Circle not found.');
    return rows[0];
  }

  private async readableCohort(
    actor: Actor,
    cohortId: string,
  ): Promise<{ id: string; name: string }> {
    const cohort = await findReadableCohort(this.dataSource.manager, actor, cohortId);
    if (!cohort) throw notFound('Cohort not found.');
    return cohort;
  }

  private async answers(userId: string, sessionIds: string[]): Promise<Map<string, RsvpAnswer>> {
    if (!sessionIds.length) return new Map();
    const rows = await this.dataSource.query<{ session_id: string; answer: RsvpAnswer }[]>(
      `SELECT session_id, answer FROM session_rsvps WHERE user_id = $1 AND session_id = ANY($2::uuid[])`,
      [userId, sessionIds],
    );
    return new Map(rows.map((r) => [r.session_id, r.answer]));
  }
}

import { Injectable } from '@nestjs/common';
import {
  Role,
  type AttendanceHistoryEntry,
  type AttendanceStatus,
  type CircleKind,
  type Page,
  type SessionStatus,
  type SessionSummaryDto,
  type VillageAttendanceRow,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { canReadPerson, type Actor } from '../access/access-policy';
import {
  canReadCircle,
  facilitatesEveryCircle,
  takesPartInCircles,
} from '../access/circle-access-policy';
import { loadCircleRefs, readableCirclesWhere } from '../circles/circle-ref';
import { notFound } from '../common/app-exception';
import { likePattern, pageWindow, PageQueryDto, toPage } from '../common/pagination';
import type { MySessionsQueryDto } from './participation.dto';
import { SUMMARY_COLUMNS, SUMMARY_JOINS, summaryOf, type SummaryRow } from './session-rows';

type Part = 'member' | 'guest';

/**
 * Sessions seen from a person: their own upcoming and past sessions, the next one for the home
 * page, and attendance history per person and per village.
 */
@Injectable()
export class MySessionsService {
  constructor(private readonly dataSource: DataSource) {}

  /** Named parameters (`:name`) to PostgreSQL's positional ones. */
  private query<T>(sql: string, params: Record<string, unknown>): Promise<T> {
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, params);
    return this.dataSource.query<T>(text, values);
  }

  /**
   * The sessions of the circles the actor takes part in (for the secretariat: the circles they
   * lead). Upcoming: not yet ended, soonest first, cancelled ones included so the cancellation
   * is seen. Past: newest first.
   */
  async mySessions(actor: Actor, query: MySessionsQueryDto): Promise<Page<SessionSummaryDto>> {
    const upcoming = (query.when ?? 'upcoming') === 'upcoming';
    const { skip, take } = pageWindow(query);
    const conditions = [upcoming ? 's.ends_at > now()' : 's.ends_at <= now()'];
    if (query.q) conditions.push('s.title ILIKE :q');
    const order = upcoming ? 's.starts_at ASC, s.id ASC' : 's.starts_at DESC, s.id ASC';
    const rows = await this.sessionsOf(actor, conditions, order, {
      q: query.q ? likePattern(query.q) : null,
      take,
      skip,
    });
    let total = rows[0]?.total ?? 0;
    if (!rows.length && skip > 0) {
      total = (await this.sessionsOf(actor, conditions, order, { q: null, take: 1, skip: 0 }))[0]
        ?.total;
      total ??= 0;
    }
    return toPage(
      rows.map((r) => summaryOf(r, r.part === 'member' || r.part === 'guest')),
      total,
      query,
    );
  }

  /** The actor's next session that is neither over nor cancelled (the home page), in one query. */
  async nextSession(actor: Actor): Promise<SessionSummaryDto | null> {
    if (!takesPartInCircles(actor)) return null;
    const [row] = await this.sessionsOf(
      actor,
      ['s.ends_at > now()', "s.status <> 'cancelled'"],
      's.starts_at ASC, s.id ASC',
      { take: 1, skip: 0 },
    );
    return row ? summaryOf(row, row.part === 'member' || row.part === 'guest') : null;
  }

  private sessionsOf(
    actor: Actor,
    conditions: string[],
    order: string,
    params: Record<string, unknown>,
  ): Promise<(SummaryRow & { part: Part | null; total: number })[]> {
    const secretariat = facilitatesEveryCircle(actor);
    return this.query(
      `SELECT ${SUMMARY_COLUMNS}, r.answer AS my_rsvp,
              ${secretariat ? 'NULL' : 'cp.part'} AS part, count(*) OVER ()::int AS total
         FROM circle_sessions s
         ${SUMMARY_JOINS}
         ${
           secretariat
             ? ''
             : 'JOIN circle_participants cp ON cp.circle_id = s.circle_id AND cp.user_id = :actorId'
         }
         LEFT JOIN session_rsvps r ON r.session_id = s.id AND r.user_id = :actorId
        WHERE ${[secretariat ? 'c.facilitator_id = :actorId' : 'TRUE', ...conditions].join(' AND ')}
        ORDER BY ${order}
        LIMIT :take OFFSET :skip`,
      { ...params, actorId: actor.id },
    );
  }

  /**
   * A person's attendance over the sessions that have started (cancelled ones left out) in the
   * circles they take part in or were recorded at, limited to circles the actor may read.
   * Newest first. 404 when the actor may not read the person.
   */
  async personHistory(
    actor: Actor,
    personId: string,
    query: PageQueryDto,
  ): Promise<Page<AttendanceHistoryEntry>> {
    const [person] = await this.dataSource.query<
      { id: string; role: Role; municipality_id: string | null; village_id: string | null }[]
    >(`SELECT id, role, municipality_id, village_id FROM users WHERE id = $1`, [personId]);
    if (
      !person ||
      !canReadPerson(actor, {
        id: person.id,
        role: person.role,
        municipalityId: person.municipality_id,
        villageId: person.village_id,
      })
    ) {
      throw notFound('No such person, or not one you may see.');
    }
    const { skip, take } = pageWindow(query);
    const readable = readableCirclesWhere(actor, 'c');
    const sql = (limit: number, offset: number): string =>
      `SELECT s.id, s.title, s.starts_at, c.kind, v.name AS village_name, s.status AS session_status,
              a.status, count(*) OVER ()::int AS total
         FROM circle_sessions s
         JOIN circles c ON c.id = s.circle_id
         LEFT JOIN villages v ON v.id = c.village_id
         LEFT JOIN session_attendance a ON a.session_id = s.id AND a.user_id = :personId
        WHERE s.starts_at <= now() AND s.status <> 'cancelled'
          AND (a.user_id IS NOT NULL OR EXISTS (
                SELECT 1 FROM circle_participants pp
                 WHERE pp.circle_id = c.id AND pp.user_id = :personId))
          AND ${readable.sql}
        ORDER BY s.starts_at DESC, s.id ASC
        LIMIT ${limit} OFFSET ${offset}`;
    type Row = {
      id: string;
      title: string;
      starts_at: Date;
      kind: CircleKind;
      village_name: string | null;
      session_status: SessionStatus;
      status: AttendanceStatus | null;
      total: number;
    };
    const params = { ...readable.params, personId };
    const rows = await this.query<Row[]>(sql(take, skip), params);
    const total =
      rows[0]?.total ??
      (skip > 0 ? ((await this.query<Row[]>(sql(1, 0), params))[0]?.total ?? 0) : 0);
    return toPage(
      rows.map((r) => ({
        sessionId: r.id,
        title: r.title,
        startsAt: r.starts_at.toISOString(),
        circleKind: r.kind,
        villageName: r.village_name,
        sessionStatus: r.session_status,
        status: r.status,
      })),
      total,
      query,
    );
  }

  /**
   * Per member and guest of the village's circle(s): how often present, absent and excused
   * across the held sessions, sorted by name. 404 unless the actor may read a village circle.
   */
  async villageAttendance(
    actor: Actor,
    villageId: string,
    query: PageQueryDto,
  ): Promise<Page<VillageAttendanceRow>> {
    const circles = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM circles WHERE village_id = $1 AND kind = 'village'`,
      [villageId],
    );
    const refs = await loadCircleRefs(
      this.dataSource.manager,
      circles.map((c) => c.id),
    );
    const readable = [...refs].filter(([, ref]) => canReadCircle(actor, ref)).map(([id]) => id);
    if (!readable.length) throw notFound('No such village circle, or not one you may see.');
    const { skip, take } = pageWindow(query);
    const sql = (limit: number, offset: number): string =>
      `WITH held AS (
         SELECT id FROM circle_sessions WHERE circle_id = ANY(:circleIds::uuid[]) AND status = 'held'
       ), people AS (
         SELECT DISTINCT ON (cp.user_id) cp.user_id, cp.part
           FROM circle_participants cp
          WHERE cp.circle_id = ANY(:circleIds::uuid[])
          ORDER BY cp.user_id, cp.part DESC
       )
       SELECT u.id, u.name, u.email, p.part,
              count(*) FILTER (WHERE a.status = 'present')::int AS present,
              count(*) FILTER (WHERE a.status = 'absent')::int AS absent,
              count(*) FILTER (WHERE a.status = 'excused')::int AS excused,
              (SELECT count(*) FROM held)::int AS held,
              count(*) OVER ()::int AS total
         FROM people p
         JOIN users u ON u.id = p.user_id
         LEFT JOIN session_attendance a
           ON a.user_id = p.user_id AND a.session_id IN (SELECT id FROM held)
        GROUP BY u.id, u.name, u.email, p.part
        ORDER BY u.name, u.id
        LIMIT ${limit} OFFSET ${offset}`;
    type Row = {
      id: string;
      name: string;
      email: string;
      part: Part;
      present: number;
      absent: number;
      excused: number;
      held: number;
      total: number;
    };
    const params = { circleIds: readable };
    const rows = await this.query<Row[]>(sql(take, skip), params);
    const total =
      rows[0]?.total ??
      (skip > 0 ? ((await this.query<Row[]>(sql(1, 0), params))[0]?.total ?? 0) : 0);
    return toPage(
      rows.map((r) => ({
        person: { id: r.id, name: r.name, email: r.email },
        part: r.part,
        present: r.present,
        absent: r.absent,
        excused: r.excused,
        held: r.held,
      })),
      total,
      query,
    );
  }
}

import { HttpStatus, Injectable } from '@nestjs/common';
import {
  CircleKind,
  ErrorCode,
  SessionStatus,
  type AgendaItem,
  type Material,
  type Phase,
  type PlanSessionDto,
  type SessionSummaryDto,
} from '@blup/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canManageCircle } from '../access/circle-access-policy';
import { AppException, notFound, secretariatOnly } from '../common/app-exception';
import { CircleSession, SessionPlan } from '../database/entities';
import { findReadableCohort, readableCirclesSql } from './circle-ref';
import { CircleSync, mergeChanges, noChanges, updateReturning } from './circle-sync.service';
import type {
  CreateCircleSessionBody,
  CreatePlanBody,
  UpdatePlanSessionBody,
  UpdateSessionBody,
} from './circles.dto';
import {
  badRequest,
  checkTimes,
  findOverlap,
  lessonIdsOf,
  overlapError,
  resolveMaterials,
  type ExistingSession,
} from './session-rules';
import { toSessionSummary } from './session-summary';

interface Content {
  title: string;
  phase: Phase;
  topic: string;
  agenda: AgendaItem[];
  materials: Material[];
}

const cleanAgenda = (agenda: readonly AgendaItem[]): AgendaItem[] =>
  agenda.map((a) => ({ kind: a.kind, title: a.title, minutes: a.minutes }));

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface SessionRow {
  id: string;
  circle_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
}

const toExisting = (r: SessionRow): ExistingSession => ({
  id: r.id,
  circleId: r.circle_id,
  title: r.title,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
});

/**
 * Planning a cohort's calendar and adjusting, cancelling and adding single sessions: the
 * secretariat's writes. Every write checks its times, and overlaps inside the transaction with
 * the circles locked, so two concurrent writes to one circle cannot both pass.
 */
@Injectable()
export class PlanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly circleSync: CircleSync,
  ) {}

  // ---- The cohort plan ----

  async createPlan(
    actor: Actor,
    cohortId: string,
    body: CreatePlanBody,
  ): Promise<PlanSessionDto[]> {
    await this.assertCohortWritable(actor, cohortId);
    const now = new Date();
    const slots = body.sessions.map((s, i) => {
      const span = { startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) };
      checkTimes(span, { now, mustBeFuture: true, prefix: `sessions.${i}.` });
      return { input: s, ...span, index: i };
    });
    // Two slots of the same kind may not overlap (each lands in the same circles).
    for (const slot of slots) {
      const earlier = slots
        .slice(0, slot.index)
        .filter((o) => o.input.circleKind === slot.input.circleKind)
        .map((o) => ({
          id: String(o.index),
          circleId: o.input.circleKind,
          title: o.input.title,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
        }));
      const clash = findOverlap({ ...slot, circleId: slot.input.circleKind }, earlier);
      if (clash) throw overlapError(clash, `sessions.${slot.index}.`);
    }
    const lessons = await this.knownLessons(body.sessions.map((s) => s.materials));
    const contents = slots.map((slot) =>
      this.content(slot.input, lessons, undefined, `sessions.${slot.index}.`),
    );

    let changes = noChanges();
    const planIds = await this.dataSource.transaction(async (em) => {
      const synced = await this.circleSync.syncCohort(em, cohortId, actor);
      const circles = await em.query<{ id: string; kind: CircleKind }[]>(
        `SELECT id, kind FROM circles WHERE cohort_id = $1 AND archived_at IS NULL
          ORDER BY id FOR UPDATE`,
        [cohortId],
      );
      const existing = await this.sessionsBetween(
        em,
        circles.map((c) => c.id),
        slots,
      );
      for (const slot of slots) {
        for (const circle of circles.filter((c) => c.kind === slot.input.circleKind)) {
          const clash = findOverlap({ ...slot, circleId: circle.id }, existing);
          if (clash) throw overlapError(clash, `sessions.${slot.index}.`);
        }
      }
      const plans = em.getRepository(SessionPlan);
      const inserted = await plans.insert(
        slots.map((slot, i) => ({
          cohortId,
          circleKind: slot.input.circleKind,
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          ...contents[i],
        })),
      );
      const ids = inserted.identifiers.map((x) => x['id'] as string);
      const sessions = slots.flatMap((slot, i) =>
        circles
          .filter((c) => c.kind === slot.input.circleKind)
          .map((c) => ({
            circleId: c.id,
            planId: ids[i],
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            ...contents[i],
          })),
      );
      const created = sessions.length
        ? await em.getRepository(CircleSession).insert(sessions)
        : { identifiers: [] };
      changes = mergeChanges(synced, {
        ...noChanges(),
        scheduled: created.identifiers.map((x) => x['id'] as string),
      });
      return ids;
    });
    await this.circleSync.announce(changes);
    const dtos = await this.planDtos(this.dataSource.manager, planIds);
    return planIds.map((id) => dtos.get(id)).filter((d): d is PlanSessionDto => !!d);
  }

  async updatePlan(
    actor: Actor,
    planId: string,
    body: UpdatePlanSessionBody,
  ): Promise<PlanSessionDto> {
    const plan = await this.findPlanWritable(actor, planId);
    const now = new Date();
    const startsAt = body.startsAt !== undefined ? new Date(body.startsAt) : plan.startsAt;
    const endsAt = body.endsAt !== undefined ? new Date(body.endsAt) : plan.endsAt;
    const startMoved = startsAt.getTime() !== plan.startsAt.getTime();
    const timesChanged = startMoved || endsAt.getTime() !== plan.endsAt.getTime();
    if (timesChanged) checkTimes({ startsAt, endsAt }, { now, mustBeFuture: startMoved });
    const lessons = await this.knownLessons([body.materials]);
    const content = this.content(
      {
        title: body.title ?? plan.title,
        phase: body.phase ?? plan.phase,
        topic: body.topic ?? plan.topic,
        agenda: body.agenda ?? plan.agenda,
        materials: body.materials,
      },
      lessons,
      plan.materials,
    );
    const contentChanged =
      content.title !== plan.title ||
      content.phase !== plan.phase ||
      content.topic !== plan.topic ||
      !sameJson(content.agenda, plan.agenda) ||
      !sameJson(content.materials, plan.materials);
    if (!timesChanged && !contentChanged) return this.planDto(planId);

    const changes = await this.dataSource.transaction(async (em) => {
      await em.query(`SELECT id FROM cohorts WHERE id = $1 FOR UPDATE`, [plan.cohortId]);
      const following = await em.query<
        { id: string; circle_id: string; times_adjusted: boolean }[]
      >(
        `SELECT id, circle_id, times_adjusted FROM circle_sessions
          WHERE plan_id = $1 AND status = 'planned'`,
        [planId],
      );
      const moving = timesChanged ? following.filter((s) => !s.times_adjusted) : [];
      if (moving.length) {
        const circleIds = [...new Set(moving.map((s) => s.circle_id))].sort();
        await this.lockCircles(em, circleIds);
        const existing = await this.sessionsBetween(em, circleIds, [{ startsAt, endsAt }]);
        for (const s of moving) {
          const clash = findOverlap(
            { id: s.id, circleId: s.circle_id, startsAt, endsAt },
            existing,
          );
          if (clash) throw overlapError(clash);
        }
      }
      await em.getRepository(SessionPlan).update(planId, { startsAt, endsAt, ...content });
      const rows = await updateReturning<{ id: string; times_adjusted: boolean }[]>(
        em,
        `UPDATE circle_sessions SET
            starts_at = CASE WHEN $2 AND NOT times_adjusted THEN $4::timestamptz ELSE starts_at END,
            ends_at = CASE WHEN $2 AND NOT times_adjusted THEN $5::timestamptz ELSE ends_at END,
            title = CASE WHEN $3 AND NOT content_adjusted THEN $6 ELSE title END,
            phase = CASE WHEN $3 AND NOT content_adjusted THEN $7 ELSE phase END,
            topic = CASE WHEN $3 AND NOT content_adjusted THEN $8 ELSE topic END,
            agenda = CASE WHEN $3 AND NOT content_adjusted THEN $9::jsonb ELSE agenda END,
            materials = CASE WHEN $3 AND NOT content_adjusted THEN $10::jsonb ELSE materials END,
            sequence = sequence + 1, updated_at = now()
          WHERE plan_id = $1 AND status = 'planned'
            AND (($2 AND NOT times_adjusted) OR ($3 AND NOT content_adjusted))
          RETURNING id, times_adjusted`,
        [
          planId,
          timesChanged,
          contentChanged,
          startsAt,
          endsAt,
          content.title,
          content.phase,
          content.topic,
          JSON.stringify(content.agenda),
          JSON.stringify(content.materials),
        ],
      );
      const moved = rows.filter((r) => startMoved && !r.times_adjusted).map((r) => r.id);
      const movedSet = new Set(moved);
      return {
        ...noChanges(),
        scheduled: moved,
        changed: rows.filter((r) => !movedSet.has(r.id)).map((r) => r.id),
      };
    });
    await this.circleSync.announce(changes);
    return this.planDto(planId);
  }

  async cancelPlan(actor: Actor, planId: string): Promise<PlanSessionDto> {
    await this.findPlanWritable(actor, planId);
    const ids = await this.dataSource.transaction(async (em) => {
      const rows = await updateReturning<{ id: string }[]>(
        em,
        `UPDATE circle_sessions
            SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
          WHERE plan_id = $1 AND status = 'planned'
          RETURNING id`,
        [planId],
      );
      return rows.map((r) => r.id);
    });
    await this.circleSync.announce({ ...noChanges(), cancelled: ids });
    return this.planDto(planId);
  }

  // ---- Single sessions ----

  async addSession(
    actor: Actor,
    circleId: string,
    body: CreateCircleSessionBody,
  ): Promise<SessionSummaryDto> {
    const circle = await this.findCircleWritable(actor, circleId);
    if (circle.archived) {
      throw badRequest('This village has left the cohort: its circle takes no new sessions.');
    }
    const span = { startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) };
    checkTimes(span, { now: new Date(), mustBeFuture: true });
    const content = this.content(body, await this.knownLessons([body.materials]));
    const id = await this.dataSource.transaction(async (em) => {
      await this.lockCircles(em, [circleId]);
      const existing = await this.sessionsBetween(em, [circleId], [span]);
      const clash = findOverlap({ ...span, circleId }, existing);
      if (clash) throw overlapError(clash);
      const inserted = await em.getRepository(CircleSession).insert({
        circleId,
        planId: null,
        ...span,
        ...content,
        meetingUrl: body.meetingUrl ?? null,
      });
      return inserted.identifiers[0]['id'] as string;
    });
    await this.circleSync.announce({ ...noChanges(), scheduled: [id] });
    return this.summary(id);
  }

  async updateSession(
    actor: Actor,
    sessionId: string,
    body: UpdateSessionBody,
  ): Promise<SessionSummaryDto> {
    const found = await this.findSessionWritable(actor, sessionId);
    const lessons = await this.knownLessons([body.materials]);
    const change = await this.dataSource.transaction(async (em) => {
      await this.lockCircles(em, [found.circleId]);
      const session = await em.getRepository(CircleSession).findOneByOrFail({ id: sessionId });
      const restoring =
        session.status === SessionStatus.Cancelled && body.status === SessionStatus.Planned;
      if (session.status === SessionStatus.Cancelled && !restoring) {
        throw new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.SessionCancelled,
          'This session is cancelled: restore it with status planned to change it.',
        );
      }
      if (restoring && found.archived) {
        throw badRequest('This village has left the cohort: its sessions cannot be restored.');
      }
      const startsAt = body.startsAt !== undefined ? new Date(body.startsAt) : session.startsAt;
      const endsAt = body.endsAt !== undefined ? new Date(body.endsAt) : session.endsAt;
      const moved = startsAt.getTime() !== session.startsAt.getTime();
      const timesChanged = moved || endsAt.getTime() !== session.endsAt.getTime();
      if (timesChanged || restoring) {
        checkTimes({ startsAt, endsAt }, { now: new Date(), mustBeFuture: moved || restoring });
        const existing = await this.sessionsBetween(em, [session.circleId], [{ startsAt, endsAt }]);
        const clash = findOverlap(
          { id: session.id, circleId: session.circleId, startsAt, endsAt },
          existing,
        );
        if (clash) throw overlapError(clash);
      }
      const content = this.content(
        {
          title: body.title ?? session.title,
          phase: body.phase ?? session.phase,
          topic: body.topic ?? session.topic,
          agenda: body.agenda ?? session.agenda,
          materials: body.materials,
        },
        lessons,
        session.materials,
      );
      const contentChanged =
        content.title !== session.title ||
        content.phase !== session.phase ||
        content.topic !== session.topic ||
        !sameJson(content.agenda, session.agenda) ||
        !sameJson(content.materials, session.materials);
      const meetingUrl = body.meetingUrl !== undefined ? body.meetingUrl : session.meetingUrl;
      const status = body.status ?? session.status;
      const changed =
        timesChanged ||
        contentChanged ||
        meetingUrl !== session.meetingUrl ||
        status !== session.status;
      const timesSet = body.startsAt !== undefined || body.endsAt !== undefined;
      const contentSet = (['title', 'phase', 'topic', 'agenda', 'materials'] as const).some(
        (k) => body[k] !== undefined,
      );
      await em.getRepository(CircleSession).update(sessionId, {
        startsAt,
        endsAt,
        ...content,
        meetingUrl,
        status,
        cancelledAt: status === SessionStatus.Cancelled ? session.cancelledAt : null,
        timesAdjusted: session.timesAdjusted || timesSet,
        contentAdjusted: session.contentAdjusted || contentSet,
        sequence: changed ? session.sequence + 1 : session.sequence,
      });
      if (!changed) return noChanges();
      return moved || restoring
        ? { ...noChanges(), scheduled: [sessionId] }
        : { ...noChanges(), changed: [sessionId] };
    });
    await this.circleSync.announce(change);
    return this.summary(sessionId);
  }

  async cancelSession(actor: Actor, sessionId: string): Promise<SessionSummaryDto> {
    await this.findSessionWritable(actor, sessionId);
    const ids = await this.dataSource.transaction(async (em) => {
      const session = await em.query<{ status: SessionStatus }[]>(
        `SELECT status FROM circle_sessions WHERE id = $1 FOR UPDATE`,
        [sessionId],
      );
      if (session[0]?.status === SessionStatus.Held) {
        throw badRequest('This session has been held: it cannot be cancelled.');
      }
      const rows = await updateReturning<{ id: string }[]>(
        em,
        `UPDATE circle_sessions
            SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
          WHERE id = $1 AND status = 'planned'
          RETURNING id`,
        [sessionId],
      );
      return rows.map((r) => r.id);
    });
    await this.circleSync.announce({ ...noChanges(), cancelled: ids });
    return this.summary(sessionId);
  }

  // ---- Helpers ----

  private content(
    input: {
      title: string;
      phase: Phase;
      topic?: string;
      agenda?: readonly AgendaItem[];
      materials?: readonly Material[];
    },
    lessons: ReadonlySet<string>,
    /**
     * The materials stored already, kept as they are when the input leaves materials out: they
     * were checked when written, and `lessons` only knows the lessons the input names.
     */
    storedMaterials?: Material[],
    prefix = '',
  ): Content {
    return {
      title: input.title,
      phase: input.phase,
      topic: input.topic ?? '',
      agenda: cleanAgenda(input.agenda ?? []),
      materials:
        input.materials === undefined && storedMaterials
          ? storedMaterials
          : resolveMaterials(input.materials ?? [], lessons, prefix),
    };
  }

  private async knownLessons(
    lists: readonly (readonly Material[] | undefined)[],
  ): Promise<Set<string>> {
    const ids = lessonIdsOf(lists);
    if (!ids.length) return new Set();
    const rows = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM lessons WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  private async lockCircles(em: EntityManager, circleIds: string[]): Promise<void> {
    await em.query(`SELECT id FROM circles WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
      circleIds,
    ]);
  }

  /** Non-cancelled sessions of these circles that touch the window of the given spans. */
  private async sessionsBetween(
    em: EntityManager,
    circleIds: string[],
    spans: readonly { startsAt: Date; endsAt: Date }[],
  ): Promise<ExistingSession[]> {
    if (!circleIds.length || !spans.length) return [];
    const from = new Date(Math.min(...spans.map((s) => s.startsAt.getTime())));
    const to = new Date(Math.max(...spans.map((s) => s.endsAt.getTime())));
    const rows = await em.query<SessionRow[]>(
      `SELECT id, circle_id, title, starts_at, ends_at FROM circle_sessions
        WHERE circle_id = ANY($1::uuid[]) AND status <> 'cancelled'
          AND ends_at > $2 AND starts_at < $3
        ORDER BY starts_at`,
      [circleIds, from, to],
    );
    return rows.map(toExisting);
  }

  /** 404 unless the actor may read something of the cohort; 403 unless they may plan it. */
  private async assertCohortWritable(actor: Actor, cohortId: string): Promise<void> {
    if (!(await findReadableCohort(this.dataSource.manager, actor, cohortId))) {
      throw notFound('Cohort not found.');
    }
    if (!canManageCircle(actor)) throw secretariatOnly('Only the secretariat plans study circles.');
  }

  private async findPlanWritable(actor: Actor, planId: string): Promise<SessionPlan> {
    const plan = await this.dataSource.getRepository(SessionPlan).findOneBy({ id: planId });
    if (!plan) throw notFound('Planned session not found.');
    try {
      await this.assertCohortWritable(actor, plan.cohortId);
    } catch (error) {
      if (error instanceof AppException && error.code === ErrorCode.NotFound) {
        throw notFound('Planned session not found.');
      }
      throw error;
    }
    return plan;
  }

  private async findCircleWritable(
    actor: Actor,
    circleId: string,
  ): Promise<{ id: string; archived: boolean }> {
    const rows = await this.dataSource.query<
      { id: string; archived: boolean; readable: boolean }[]
    >(
      `SELECT c.id, c.archived_at IS NOT NULL AS archived,
              ${readableCirclesSql(actor, 'c', '$2')} AS readable
         FROM circles c WHERE c.id = $1`,
      [circleId, actor.id],
    );
    if (!rows.length || !rows[0].readable) throw notFound('Circle not found.');
    if (!canManageCircle(actor)) {
      throw secretariatOnly('Only the secretariat plans and changes sessions.');
    }
    return rows[0];
  }

  private async findSessionWritable(
    actor: Actor,
    sessionId: string,
  ): Promise<{ circleId: string; archived: boolean }> {
    const rows = await this.dataSource.query<
      { circle_id: string; archived: boolean; readable: boolean }[]
    >(
      `SELECT s.circle_id, c.archived_at IS NOT NULL AS archived,
              ${readableCirclesSql(actor, 'c', '$2')} AS readable
         FROM circle_sessions s JOIN circles c ON c.id = s.circle_id WHERE s.id = $1`,
      [sessionId, actor.id],
    );
    if (!rows.length || !rows[0].readable) throw notFound('Session not found.');
    if (!canManageCircle(actor)) {
      throw secretariatOnly('Only the secretariat changes and cancels sessions.');
    }
    return { circleId: rows[0].circle_id, archived: rows[0].archived };
  }

  /** The session as the (secretariat) asker sees it in lists. */
  private async summary(sessionId: string): Promise<SessionSummaryDto> {
    const session = await this.dataSource
      .getRepository(CircleSession)
      .findOneByOrFail({ id: sessionId });
    const rows = await this.dataSource.query<
      {
        kind: CircleKind;
        cohort_name: string;
        village_name: string | null;
        room_url: string | null;
      }[]
    >(
      `SELECT c.kind, co.name AS cohort_name, v.name AS village_name, c.room_url
         FROM circles c JOIN cohorts co ON co.id = c.cohort_id
         LEFT JOIN villages v ON v.id = c.village_id WHERE c.id = $1`,
      [session.circleId],
    );
    const c = rows[0];
    return toSessionSummary(
      session,
      {
        kind: c.kind,
        cohortName: c.cohort_name,
        villageName: c.village_name,
        roomUrl: c.room_url,
        // Only the secretariat writes, and it facilitates rather than takes part.
        askerTakesPart: false,
      },
      null,
    );
  }

  private async planDto(planId: string): Promise<PlanSessionDto> {
    const dto = (await this.planDtos(this.dataSource.manager, [planId])).get(planId);
    if (!dto) throw notFound('Planned session not found.');
    return dto;
  }

  /** Plan slots with their session counts, in one query. */
  async planDtos(em: EntityManager, planIds: string[]): Promise<Map<string, PlanSessionDto>> {
    if (!planIds.length) return new Map();
    const rows = await em.query<PlanRow[]>(`${PLAN_SELECT} WHERE p.id = ANY($1::uuid[])`, [
      planIds,
    ]);
    return new Map(rows.map((r) => [r.id, toPlanDto(r)]));
  }
}

export interface PlanRow {
  id: string;
  cohort_id: string;
  circle_kind: CircleKind;
  title: string;
  phase: Phase;
  topic: string;
  starts_at: Date;
  ends_at: Date;
  agenda: AgendaItem[];
  materials: Material[];
  session_count: number;
  adjusted_count: number;
  cancelled_count: number;
}

export const PLAN_SELECT = `
  SELECT p.id, p.cohort_id, p.circle_kind, p.title, p.phase, p.topic, p.starts_at, p.ends_at,
         p.agenda, p.materials,
         (SELECT count(*)::int FROM circle_sessions s WHERE s.plan_id = p.id) AS session_count,
         (SELECT count(*)::int FROM circle_sessions s
           WHERE s.plan_id = p.id AND (s.times_adjusted OR s.content_adjusted)) AS adjusted_count,
         (SELECT count(*)::int FROM circle_sessions s
           WHERE s.plan_id = p.id AND s.status = 'cancelled') AS cancelled_count
    FROM session_plans p`;

export function toPlanDto(r: PlanRow): PlanSessionDto {
  return {
    id: r.id,
    cohortId: r.cohort_id,
    circleKind: r.circle_kind,
    title: r.title,
    phase: r.phase,
    topic: r.topic,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    agenda: r.agenda,
    materials: r.materials,
    sessionCount: r.session_count,
    adjustedCount: r.adjusted_count,
    cancelledCount: r.cancelled_count,
  };
}

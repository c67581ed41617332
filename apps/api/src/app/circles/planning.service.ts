import { Injectable } from '@nestjs/common';
import { ErrorCode, type PlanSessionDto } from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canManageCircle } from '../access/circle-access-policy';
import { AppException, notFound, secretariatOnly } from '../common/app-exception';
import { CircleSession, SessionPlan } from '../database/entities';
import {
  cancelPlanned,
  followPlan,
  knownLessonIds,
  lockCircles,
  lockCohortCircles,
  plannedSessionsOf,
  sessionsBetween,
} from './circle-sessions.queries';
import { CircleSync, mergeChanges, noChanges } from './circle-sync.service';
import { findReadableCohort, lockCohort, planDtos } from './circles.queries';
import type { CreatePlanBody, UpdatePlanSessionBody } from './circles.dto';
import { contentOf, patchContent } from './session-content';
import { checkTimes, findOverlap, lessonIdsOf, overlapError } from './session-rules';

/**
 * Planning a cohort's calendar: plan slots that reach every circle of their kind, moved,
 * changed or cancelled as a whole. Every write checks its times, and overlaps inside the
 * transaction with the circles locked, so two concurrent writes to one circle cannot both pass.
 */
@Injectable()
export class PlanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly circleSync: CircleSync,
  ) {}

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
      contentOf(slot.input, lessons, undefined, `sessions.${slot.index}.`),
    );

    let changes = noChanges();
    const planIds = await this.dataSource.transaction(async (em) => {
      const synced = await this.circleSync.syncCohort(em, cohortId, actor);
      const circles = await lockCohortCircles(em, cohortId);
      const existing = await sessionsBetween(
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
    const dtos = await planDtos(this.dataSource.manager, planIds);
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
    const { content, changed: contentChanged } = patchContent(body, plan, lessons);
    if (!timesChanged && !contentChanged) return this.planDto(planId);

    const changes = await this.dataSource.transaction(async (em) => {
      await lockCohort(em, plan.cohortId);
      const following = await plannedSessionsOf(em, planId);
      const moving = timesChanged ? following.filter((s) => !s.times_adjusted) : [];
      if (moving.length) {
        const circleIds = [...new Set(moving.map((s) => s.circle_id))].sort();
        await lockCircles(em, circleIds);
        const existing = await sessionsBetween(em, circleIds, [{ startsAt, endsAt }]);
        for (const s of moving) {
          const clash = findOverlap(
            { id: s.id, circleId: s.circle_id, startsAt, endsAt },
            existing,
          );
          if (clash) throw overlapError(clash);
        }
      }
      await em.getRepository(SessionPlan).update(planId, { startsAt, endsAt, ...content });
      const rows = await followPlan(em, planId, {
        timesChanged,
        contentChanged,
        startsAt,
        endsAt,
        content,
      });
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
    const ids = await this.dataSource.transaction((em) => cancelPlanned(em, { planId }));
    await this.circleSync.announce({ ...noChanges(), cancelled: ids });
    return this.planDto(planId);
  }

  private knownLessons(lists: Parameters<typeof lessonIdsOf>[0]): Promise<Set<string>> {
    return knownLessonIds(this.dataSource.manager, lessonIdsOf(lists));
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

  private async planDto(planId: string): Promise<PlanSessionDto> {
    const dto = (await planDtos(this.dataSource.manager, [planId])).get(planId);
    if (!dto) throw notFound('Planned session not found.');
    return dto;
  }
}

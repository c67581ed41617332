import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, SessionStatus, type NextStep, type SessionSummaryDto } from '@blup/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canManageCircle } from '../access/circle-access-policy';
import { AppException, notFound, secretariatOnly } from '../common/app-exception';
import { CircleSession } from '../database/entities';
import {
  cancelPlanned,
  circleForWrite,
  circleLabels,
  knownLessonIds,
  lockCircles,
  lockSessionStatus,
  markHeld,
  sessionForWrite,
  sessionsBetween,
  writeOutcome,
} from './circle-sessions.queries';
import { CircleSync, noChanges } from './circle-sync.service';
import type { CreateCircleSessionBody, UpdateSessionBody } from './circles.dto';
import { contentOf, patchContent } from './session-content';
import { badRequest, checkTimes, findOverlap, lessonIdsOf, overlapError } from './session-rules';
import { toSessionSummary } from './session-summary';

/**
 * A single session of a circle: added, adjusted, cancelled or restored by the secretariat, and
 * its outcome (held, notes, next steps) as participation records it. Times are checked, and
 * overlaps inside the transaction with the circle locked.
 */
@Injectable()
export class SessionPlanningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly circleSync: CircleSync,
  ) {}

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
    const content = contentOf(body, await this.knownLessons([body.materials]));
    const id = await this.dataSource.transaction(async (em) => {
      await lockCircles(em, [circleId]);
      const existing = await sessionsBetween(em, [circleId], [span]);
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
      await lockCircles(em, [found.circleId]);
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
        const existing = await sessionsBetween(em, [session.circleId], [{ startsAt, endsAt }]);
        const clash = findOverlap(
          { id: session.id, circleId: session.circleId, startsAt, endsAt },
          existing,
        );
        if (clash) throw overlapError(clash);
      }
      const { content, changed: contentChanged } = patchContent(body, session, lessons);
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
      if ((await lockSessionStatus(em, sessionId)) === SessionStatus.Held) {
        throw badRequest('This session has been held: it cannot be cancelled.');
      }
      return cancelPlanned(em, { sessionId });
    });
    await this.circleSync.announce({ ...noChanges(), cancelled: ids });
    return this.summary(sessionId);
  }

  /**
   * A planned session becomes held (attendance was taken). The calendar entry stays as it is, so
   * neither the sequence moves nor do followers hear of it.
   */
  async markHeld(sessionId: string, em: EntityManager = this.dataSource.manager): Promise<void> {
    await markHeld(em, sessionId);
  }

  /** Writes the session's notes and next steps; a null one is left as it is. */
  async saveOutcome(
    sessionId: string,
    outcome: { notes: string | null; nextSteps: NextStep[] | null },
    em: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await writeOutcome(em, sessionId, outcome.notes, outcome.nextSteps);
  }

  private knownLessons(lists: Parameters<typeof lessonIdsOf>[0]): Promise<Set<string>> {
    return knownLessonIds(this.dataSource.manager, lessonIdsOf(lists));
  }

  private async findCircleWritable(
    actor: Actor,
    circleId: string,
  ): Promise<{ id: string; archived: boolean }> {
    const row = await circleForWrite(this.dataSource.manager, actor, circleId);
    if (!row?.readable) throw notFound('Circle not found.');
    if (!canManageCircle(actor)) {
      throw secretariatOnly('Only the secretariat plans and changes sessions.');
    }
    return { id: row.id, archived: row.archived };
  }

  private async findSessionWritable(
    actor: Actor,
    sessionId: string,
  ): Promise<{ circleId: string; archived: boolean }> {
    const row = await sessionForWrite(this.dataSource.manager, actor, sessionId);
    if (!row?.readable) throw notFound('Session not found.');
    if (!canManageCircle(actor)) {
      throw secretariatOnly('Only the secretariat changes and cancels sessions.');
    }
    return { circleId: row.circle_id, archived: row.archived };
  }

  /** The session as the (secretariat) asker sees it in lists. */
  private async summary(sessionId: string): Promise<SessionSummaryDto> {
    const session = await this.dataSource
      .getRepository(CircleSession)
      .findOneByOrFail({ id: sessionId });
    const c = await circleLabels(this.dataSource.manager, session.circleId);
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
}

import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  daysBeforeSendAt,
  ErrorCode,
  NEWSLETTER_LIMITS,
  NewsletterSendMode,
  NewsletterStatus,
  type NewsletterDto,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AppException, fieldError } from '../common/app-exception';
import type { Newsletter } from '../database/entities/newsletters';
import { resolveAudience } from './newsletter-audience.queries';
import { checkMergeFields, isSessionTarget, requireDraft } from './newsletter-checks';
import { NewsletterLookup } from './newsletter-lookup.service';
import { NewsletterDispatcher } from './newsletter-ports';
import { loadScope, scheduledForSessions } from './newsletters.queries';
import { mayMove, NewsletterStatusService } from './newsletter-status.service';
import type { ScheduleNewsletterBody } from './newsletters.dto';

/**
 * When newsletters go out: scheduling (now, at a time, or N days before the session) through
 * the NewsletterDispatcher, taking them off the schedule, and re-timing them when sessions move.
 */
@Injectable()
export class NewsletterSchedulingService {
  private readonly logger = new Logger(NewsletterSchedulingService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly dispatcher: NewsletterDispatcher,
    private readonly lookup: NewsletterLookup,
    private readonly status: NewsletterStatusService,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  async schedule(
    actor: AuthUser,
    id: string,
    body: ScheduleNewsletterBody,
  ): Promise<NewsletterDto> {
    const n = await this.lookup.forWriter(actor, id);
    if (!mayMove(n.status, NewsletterStatus.Scheduled)) requireDraft(n);
    checkMergeFields(n);
    const now = new Date();
    const { sendAt, daysBefore } = await this.sendTimeFor(n, body, now);
    const audience = await resolveAudience(this.em, n);
    if (!audience.length) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.NewsletterNoAudience,
        'Nobody would receive this newsletter: the circle has no members who take newsletters' +
          (n.includePanel
            ? ' and the panel has no confirmed subscribers.'
            : '. Consider including the citizen panel.'),
      );
    }
    const scheduled = await this.status.schedule(id, {
      mode: body.mode,
      daysBefore,
      sendAt,
      byId: actor.id,
    });
    const fresh = await this.lookup.byId(id);
    if (!scheduled) requireDraft(fresh);
    try {
      await this.dispatcher.schedule(id, sendAt);
    } catch (error) {
      await this.status.undoSchedule(n);
      throw error;
    }
    return this.lookup.toDto(fresh, actor);
  }

  async unschedule(actor: AuthUser, id: string): Promise<NewsletterDto> {
    const n = await this.lookup.forWriter(actor, id);
    if (!(await this.status.backToDraft(id))) {
      const fresh = await this.lookup.byId(n.id);
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.NewsletterNotScheduled,
        `Only a scheduled newsletter can be taken off the schedule; this one is ${fresh.status.replace('_', ' ')}.`,
        { params: { status: fresh.status } },
      );
    }
    await this.dispatcher.unschedule(id);
    return this.lookup.toDto(await this.lookup.byId(id), actor);
  }

  /**
   * Follows sessions that moved or were cancelled, for newsletters still waiting to go out:
   * - every session the newsletter leads into is cancelled (whatever its send mode): back to
   *   draft and off the queue, so it never goes out for a meeting that will not be held; the
   *   secretariat finds it as a draft again;
   * - otherwise an "N days before" newsletter is re-timed to the (new) earliest session: the new
   *   time, or at once if the new time has passed while the session is still ahead.
   * Returns how many newsletters were changed.
   */
  async retime(sessionIds: readonly string[], now = new Date()): Promise<number> {
    if (!sessionIds.length) return 0;
    const rows = await scheduledForSessions(this.em, sessionIds);
    let moved = 0;
    let unscheduled = 0;
    for (const n of rows) {
      const start = await this.earliestStart(n);
      if (!start) {
        if (await this.unscheduleForCancelledSessions(n.id)) unscheduled++;
        continue;
      }
      if (n.sendMode !== NewsletterSendMode.DaysBefore || n.daysBefore === null) continue;
      const wanted = daysBeforeSendAt(start, n.daysBefore);
      const sendAt = wanted.getTime() < now.getTime() ? now : wanted;
      if (n.sendAt && n.sendAt.getTime() === wanted.getTime()) continue;
      if (!(await this.status.retime(n.id, sendAt))) continue;
      await this.dispatcher.schedule(n.id, sendAt);
      moved++;
    }
    if (moved) this.logger.log(`Re-timed ${moved} newsletter(s) after a session moved.`);
    if (unscheduled) {
      this.logger.log(
        `Put ${unscheduled} newsletter(s) back to draft: every session they lead into was cancelled.`,
      );
    }
    return moved + unscheduled;
  }

  /** `scheduled → draft` (send time cleared), its start job removed; false if it had moved on. */
  private async unscheduleForCancelledSessions(id: string): Promise<boolean> {
    if (!(await this.status.backToDraft(id))) return false;
    await this.dispatcher.unschedule(id);
    return true;
  }

  /** When a schedule request would send, checked against the clock and the sessions. */
  private async sendTimeFor(
    n: Newsletter,
    body: ScheduleNewsletterBody,
    now: Date,
  ): Promise<{ sendAt: Date; daysBefore: number | null }> {
    if (body.mode === NewsletterSendMode.Now) return { sendAt: now, daysBefore: null };
    if (body.mode === NewsletterSendMode.At) {
      if (!body.sendAt)
        throw fieldError(ErrorCode.ValidationFailed, 'sendAt', 'Choose when to send it (sendAt).');
      const sendAt = new Date(body.sendAt);
      if (sendAt.getTime() < now.getTime()) {
        throw fieldError(
          ErrorCode.NewsletterSendTimePast,
          'sendAt',
          'That time has already passed: pick a later time, or choose "send now".',
          { sendAt: sendAt.toISOString() },
        );
      }
      return { sendAt, daysBefore: null };
    }
    if (!isSessionTarget(n)) {
      throw fieldError(
        ErrorCode.NewsletterNeedsSession,
        'mode',
        '"Days before the session" only works for a newsletter that leads into a session: pick a time instead.',
      );
    }
    const daysBefore = body.daysBefore ?? NEWSLETTER_LIMITS.defaultDaysBefore;
    const start = await this.earliestStart(n);
    if (!start || start.getTime() <= now.getTime()) {
      throw fieldError(
        ErrorCode.NewsletterSessionPassed,
        'mode',
        'The session has already begun or is cancelled: pick a time or send it now.',
      );
    }
    const sendAt = daysBeforeSendAt(start, daysBefore);
    if (sendAt.getTime() < now.getTime()) {
      throw fieldError(
        ErrorCode.NewsletterSendTimePast,
        'daysBefore',
        `${daysBefore} days before the session has already passed: pick fewer days, or choose "send now".`,
        { sendAt: sendAt.toISOString() },
      );
    }
    return { sendAt, daysBefore };
  }

  private async earliestStart(
    n: Pick<Newsletter, 'planId' | 'sessionId' | 'cohortId' | 'villageId'>,
  ): Promise<Date | null> {
    const scope = await loadScope(this.em, n);
    const live = scope.sessions.filter((s) => !s.cancelled).map((s) => s.startsAt.getTime());
    return live.length ? new Date(Math.min(...live)) : null;
  }
}

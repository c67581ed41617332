import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  daysBeforeSendAt,
  ErrorCode,
  NEWSLETTER_LIMITS,
  NEWSLETTER_MERGE_FIELDS,
  NewsletterSendMode,
  NewsletterStatus,
  NewsletterTargetKind,
  SESSION_TARGET_KINDS,
  type NewsletterArchiveItemDto,
  type NewsletterBlock,
  type NewsletterCardOption,
  type NewsletterDto,
  type NewsletterFailure,
  type NewsletterPreviewDto,
  type NewsletterProgressDto,
  type NewsletterSummaryDto,
  type NewsletterTargetDto,
  type NewsletterTargetOption,
  type NewsletterTargetRef,
  type NewsletterTestResult,
  type NewsletterWebVersionDto,
  type Page,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { writeCalendar } from '../calendar/ical-writer';
import {
  icsFileName,
  loadCalendarSessions,
  toCalendarEvent,
  words,
} from '../calendar/calendar-sessions';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { likePattern, pageWindow, toPage } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { updateReturning } from '../circles/circle-sync.service';
import { Newsletter } from '../database/entities/newsletters';
import {
  canReadNewsletter,
  canReadVillageCopy,
  canWriteNewsletters,
  type NewsletterReadRef,
} from '../access/newsletter-access-policy';
import { resolveAudience } from './newsletter-audience.service';
import { BlockError, cardLessonIds, parseBlocks } from './newsletter-blocks';
import { unknownMergeField } from './newsletter-html';
import { NewsletterDispatcher, type NewsletterRecipient } from './newsletter-ports';
import {
  loadReadRef,
  loadScope,
  loadTargetDtos,
  readableNewsletterSql,
  targetColumns,
  targetOf,
} from './newsletter-queries';
import { verifiedVillage } from './newsletter-link';
import { renderCopy, sessionFor, webVersionUrl } from './newsletter-render';
import { loadRenderSource } from './newsletter-renderer.service';
import type {
  ArchiveQueryDto,
  CardOptionsQueryDto,
  CreateNewsletterBody,
  NewslettersQueryDto,
  ScheduleNewsletterBody,
  TargetsQueryDto,
  UpdateNewsletterBody,
} from './newsletters.dto';

const SESSION_KINDS = new Set<NewsletterTargetKind>(SESSION_TARGET_KINDS);

function isSessionTarget(n: Newsletter): boolean {
  return n.planId !== null || n.sessionId !== null;
}

const NO_SUCH_COPY =
  'No such copy of this newsletter, or not one you may see. Open the link from your own newsletter mail.';

export function newWebToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The ICS file for a newsletter's session, as the public calendar link serves it. */
export interface NewsletterIcsFile {
  body: string;
  fileName: string;
}

/**
 * Writing newsletters (the secretariat), scheduling them through the NewsletterDispatcher, the
 * progress of sending, the members' archive and the public web version.
 */
@Injectable()
export class NewslettersService {
  private readonly logger = new Logger(NewslettersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dispatcher: NewsletterDispatcher,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  private requireWriter(actor: Actor): void {
    if (!canWriteNewsletters(actor))
      throw secretariatOnly('Only the secretariat writes and sends newsletters.');
  }

  /** A newsletter the secretariat works on; 404 for anyone else (they do not see drafts). */
  private async loadForWriter(actor: Actor, id: string): Promise<Newsletter> {
    const n = await this.dataSource.getRepository(Newsletter).findOneBy({ id });
    if (
      !n ||
      (!canWriteNewsletters(actor) &&
        !canReadNewsletter(actor, await loadReadRef(this.em, n, actor)))
    ) {
      throw notFound('No such newsletter, or not one you may see.');
    }
    this.requireWriter(actor);
    return n;
  }

  private async loadReadable(
    actor: Actor,
    id: string,
  ): Promise<{ n: Newsletter; ref: NewsletterReadRef }> {
    const n = await this.dataSource.getRepository(Newsletter).findOneBy({ id });
    const ref = n ? await loadReadRef(this.em, n, actor) : null;
    if (!n || !ref || !canReadNewsletter(actor, ref)) {
      throw notFound('No such newsletter, or not one you may see.');
    }
    return { n, ref };
  }

  private requireDraft(n: Newsletter): void {
    if (n.status !== NewsletterStatus.Draft) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.NewsletterNotEditable,
        `Only a draft can be changed. This newsletter is ${n.status.replace('_', ' ')}: take it off the schedule first if it has not been sent.`,
        { params: { status: n.status } },
      );
    }
  }

  // ---- Lists and reading ---------------------------------------------------------------------

  async list(actor: Actor, query: NewslettersQueryDto): Promise<Page<NewsletterSummaryDto>> {
    this.requireWriter(actor);
    const { skip, take } = pageWindow(query);
    const qb = this.dataSource
      .getRepository(Newsletter)
      .createQueryBuilder('n')
      .orderBy('n.updated_at', 'DESC')
      .addOrderBy('n.id')
      .skip(skip)
      .take(take);
    if (query.status) qb.andWhere('n.status = :status', { status: query.status });
    if (query.q?.trim())
      qb.andWhere(`n.subject ILIKE :q ESCAPE '\\'`, { q: likePattern(query.q.trim()) });
    const [rows, total] = await qb.getManyAndCount();
    const targets = await loadTargetDtos(
      this.em,
      rows.map((r) => r.id),
    );
    return toPage(
      rows.map((r) => this.toSummary(r, targets.get(r.id))),
      total,
      query,
    );
  }

  async get(actor: Actor, id: string): Promise<NewsletterDto> {
    const { n } = await this.loadReadable(actor, id);
    return this.toDto(n, actor);
  }

  async create(actor: AuthUser, body: CreateNewsletterBody): Promise<NewsletterDto> {
    this.requireWriter(actor);
    await this.checkTarget(body.target);
    const blocks = await this.checkBlocks(body.blocks ?? [], body.target.kind);
    checkMergeFields({ subject: body.subject, preheader: body.preheader ?? '', blocks });
    const repo = this.dataSource.getRepository(Newsletter);
    const saved = await repo.save(
      repo.create({
        ...targetColumns(body.target),
        subject: body.subject,
        preheader: body.preheader ?? '',
        blocks,
        includePanel: body.includePanel ?? false,
        status: NewsletterStatus.Draft,
        webToken: newWebToken(),
        createdById: actor.id,
        updatedById: actor.id,
      }),
    );
    return this.toDto(saved, actor);
  }

  async update(actor: AuthUser, id: string, body: UpdateNewsletterBody): Promise<NewsletterDto> {
    const n = await this.loadForWriter(actor, id);
    this.requireDraft(n);
    const changes: Partial<Newsletter> = { updatedById: actor.id };
    if (body.subject !== undefined) changes.subject = body.subject;
    if (body.preheader !== undefined) changes.preheader = body.preheader;
    if (body.includePanel !== undefined) changes.includePanel = body.includePanel;
    if (body.blocks !== undefined)
      changes.blocks = await this.checkBlocks(body.blocks, targetOf(n).kind);
    checkMergeFields({
      subject: changes.subject ?? n.subject,
      preheader: changes.preheader ?? n.preheader,
      blocks: changes.blocks ?? n.blocks,
    });
    // Only while still a draft: a schedule that raced this edit wins, and the edit is refused.
    const result = await this.dataSource
      .getRepository(Newsletter)
      .createQueryBuilder()
      .update()
      .set(changes)
      .where('id = :id AND status = :draft', { id, draft: NewsletterStatus.Draft })
      .execute();
    const fresh = await this.dataSource.getRepository(Newsletter).findOneByOrFail({ id });
    if (!result.affected) this.requireDraft(fresh);
    return this.toDto(fresh, actor);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const n = await this.loadForWriter(actor, id);
    this.requireDraft(n);
    const result = await updateReturning<{ id: string }[]>(
      this.em,
      `DELETE FROM newsletters WHERE id = $1 AND status = 'draft' RETURNING id`,
      [id],
    );
    if (!result.length)
      this.requireDraft(await this.dataSource.getRepository(Newsletter).findOneByOrFail({ id }));
  }

  // ---- Preview and test ----------------------------------------------------------------------

  async preview(actor: AuthUser, id: string, villageId?: string): Promise<NewsletterPreviewDto> {
    const n = await this.loadForWriter(actor, id);
    const source = await loadRenderSource(this.em, this.config, n);
    const recipient = this.sampleRecipient(actor, source.villages, source.sessions, villageId);
    const copy = renderCopy(source, { person: recipient, villageId: recipient.villageId });
    return { subject: copy.subject, html: copy.html, text: copy.text };
  }

  async test(actor: AuthUser, id: string, villageId?: string): Promise<NewsletterTestResult> {
    const n = await this.loadForWriter(actor, id);
    checkMergeFields(n);
    const scope = await loadScope(this.em, n);
    const villages = new Map(scope.villages.map((v) => [v.id, v]));
    const recipient = this.sampleRecipient(actor, villages, scope.sessions, villageId);
    try {
      await this.dispatcher.sendTest(n.id, recipient);
    } catch (error) {
      // The mail server refused or could not be reached: say so, not "something went wrong".
      const smtp = error as { responseCode?: unknown; code?: unknown; response?: unknown };
      if (typeof smtp.responseCode !== 'number' && typeof smtp.code !== 'string') throw error;
      const reply = (typeof smtp.response === 'string' ? smtp.response : String(error)).slice(
        0,
        300,
      );
      throw new AppException(
        HttpStatus.BAD_GATEWAY,
        ErrorCode.NewsletterTestNotSent,
        `The mail server did not take the test copy (${reply}). Try again in a moment, and check your own email address.`,
        { params: { reply } },
      );
    }
    return { email: recipient.email };
  }

  /** The actor as a recipient, personalised for the given village (one in scope) or the first. */
  private sampleRecipient(
    actor: AuthUser,
    villages: ReadonlyMap<string, { id: string }>,
    sessions: Parameters<typeof sessionFor>[0],
    villageId: string | undefined,
  ): NewsletterRecipient {
    if (villageId && !villages.has(villageId)) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'villageId',
        'That village does not receive this newsletter: pick one from the list.',
      );
    }
    const chosen =
      villageId ??
      sessions.find((s) => s.villageId && !s.cancelled)?.villageId ??
      [...villages.keys()][0] ??
      null;
    const session = sessionFor(sessions, chosen);
    return {
      email: actor.email.toLowerCase(),
      name: actor.name,
      locale: actor.locale,
      userId: actor.id,
      subscriberId: null,
      villageId: chosen,
      sessionId: session?.id ?? null,
    };
  }

  // ---- Scheduling ----------------------------------------------------------------------------

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

  async schedule(
    actor: AuthUser,
    id: string,
    body: ScheduleNewsletterBody,
  ): Promise<NewsletterDto> {
    const n = await this.loadForWriter(actor, id);
    if (n.status !== NewsletterStatus.Draft && n.status !== NewsletterStatus.Scheduled) {
      this.requireDraft(n);
    }
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
    const [row] = await updateReturning<{ id: string }[]>(
      this.em,
      `UPDATE newsletters
          SET status = 'scheduled', send_mode = $2, days_before = $3, send_at = $4,
              scheduled_by_id = $5, updated_at = now()
        WHERE id = $1 AND status IN ('draft', 'scheduled')
        RETURNING id`,
      [id, body.mode, daysBefore, sendAt, actor.id],
    );
    const fresh = await this.dataSource.getRepository(Newsletter).findOneByOrFail({ id });
    if (!row) this.requireDraft(fresh);
    try {
      await this.dispatcher.schedule(id, sendAt);
    } catch (error) {
      // Put it back as it was, so the state never says "scheduled" without a job behind it.
      await this.em.query(
        `UPDATE newsletters SET status = $2, send_mode = $3, days_before = $4, send_at = $5
          WHERE id = $1 AND status = 'scheduled'`,
        [id, n.status, n.sendMode, n.daysBefore, n.sendAt],
      );
      throw error;
    }
    return this.toDto(fresh, actor);
  }

  async unschedule(actor: AuthUser, id: string): Promise<NewsletterDto> {
    const n = await this.loadForWriter(actor, id);
    const rows = await updateReturning<{ id: string }[]>(
      this.em,
      `UPDATE newsletters
          SET status = 'draft', send_mode = NULL, days_before = NULL, send_at = NULL,
              scheduled_by_id = NULL, updated_at = now()
        WHERE id = $1 AND status = 'scheduled'
        RETURNING id`,
      [id],
    );
    if (!rows.length) {
      const fresh = await this.dataSource.getRepository(Newsletter).findOneByOrFail({ id: n.id });
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.NewsletterNotScheduled,
        `Only a scheduled newsletter can be taken off the schedule; this one is ${fresh.status.replace('_', ' ')}.`,
        { params: { status: fresh.status } },
      );
    }
    await this.dispatcher.unschedule(id);
    return this.toDto(
      await this.dataSource.getRepository(Newsletter).findOneByOrFail({ id }),
      actor,
    );
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
    const rows = await this.dataSource
      .getRepository(Newsletter)
      .createQueryBuilder('n')
      .where(`n.status = 'scheduled'`)
      .andWhere(
        `(n.session_id = ANY(:ids) OR n.plan_id IN (SELECT s.plan_id FROM circle_sessions s WHERE s.id = ANY(:ids)))`,
        { ids: sessionIds },
      )
      .getMany();
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
      const updated = await updateReturning<{ id: string }[]>(
        this.em,
        `UPDATE newsletters SET send_at = $2, updated_at = now()
          WHERE id = $1 AND status = 'scheduled' RETURNING id`,
        [n.id, sendAt],
      );
      if (!updated.length) continue;
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

  /** `scheduled → draft` (send time cleared) and its start job removed; false if it had moved on. */
  private async unscheduleForCancelledSessions(id: string): Promise<boolean> {
    const rows = await updateReturning<{ id: string }[]>(
      this.em,
      `UPDATE newsletters
          SET status = 'draft', send_mode = NULL, days_before = NULL, send_at = NULL,
              scheduled_by_id = NULL, updated_at = now()
        WHERE id = $1 AND status = 'scheduled'
        RETURNING id`,
      [id],
    );
    if (!rows.length) return false;
    await this.dispatcher.unschedule(id);
    return true;
  }

  // ---- Progress ------------------------------------------------------------------------------

  async progress(actor: Actor, id: string): Promise<NewsletterProgressDto> {
    const n = await this.loadForWriter(actor, id);
    const [counts] = await this.em.query<
      { total: number; sent: number; failed: number; bounced: number; pending: number }[]
    >(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'sent')::int AS sent,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'bounced')::int AS bounced,
              count(*) FILTER (WHERE status IN ('pending', 'sending'))::int AS pending
         FROM newsletter_deliveries WHERE newsletter_id = $1`,
      [id],
    );
    const failures = await this.em.query<
      { email: string; status: 'failed' | 'bounced'; last_error: string | null }[]
    >(
      `SELECT email, status, last_error FROM newsletter_deliveries
        WHERE newsletter_id = $1 AND status IN ('failed', 'bounced')
        ORDER BY updated_at, email LIMIT $2`,
      [id, NEWSLETTER_LIMITS.progressFailures],
    );
    return {
      status: n.status,
      total: counts?.total ?? 0,
      sent: counts?.sent ?? 0,
      failed: counts?.failed ?? 0,
      bounced: counts?.bounced ?? 0,
      pending: counts?.pending ?? 0,
      failures: failures.map((f): NewsletterFailure => ({
        email: f.email,
        status: f.status,
        error: f.last_error,
      })),
    };
  }

  // ---- Archive and web version ---------------------------------------------------------------

  async archive(actor: AuthUser, query: ArchiveQueryDto): Promise<Page<NewsletterArchiveItemDto>> {
    const { skip, take } = pageWindow(query);
    const params: unknown[] = [actor.id, actor.villageId, actor.municipalityId];
    const readable = readableNewsletterSql(actor.role, {
      user: '$1',
      village: '$2',
      municipality: '$3',
    });
    let villageFilter = '';
    if (query.villageId) {
      // Its links open that village's copy, so only for those who may read it.
      const [village] = await this.em.query<{ id: string; municipalityId: string }[]>(
        `SELECT id, municipality_id AS "municipalityId" FROM villages WHERE id = $1`,
        [query.villageId],
      );
      if (!village || !canReadVillageCopy(actor, village)) {
        throw notFound('No such village, or not one whose newsletters you may read.');
      }
      params.push(query.villageId);
      villageFilter = `AND EXISTS (SELECT 1 FROM newsletters_scope_for_archive sc
                                    WHERE sc.newsletter_id = n.id AND sc.village_id = $${params.length}::uuid)`;
    }
    const scopeCte = `WITH newsletters_scope_for_archive AS (
        SELECT n2.id AS newsletter_id, c.village_id FROM newsletters n2
          JOIN circle_sessions s ON s.plan_id = n2.plan_id OR s.id = n2.session_id
          JOIN circles c ON c.id = s.circle_id
        UNION ALL
        SELECT n2.id, v.id FROM newsletters n2 JOIN villages v ON v.cohort_id = n2.cohort_id OR v.id = n2.village_id)`;
    // Every placeholder gets a type, whichever branch the role picked.
    const where = `${readable} AND n.status IN ('sent', 'partly_failed') ${villageFilter}
       AND ($2::uuid IS NULL OR TRUE) AND ($3::uuid IS NULL OR TRUE)`;
    const [{ total }] = await this.em.query<{ total: number }[]>(
      `${scopeCte} SELECT count(*)::int AS total FROM newsletters n WHERE ${where}`,
      params,
    );
    params.push(take, skip);
    const rows = await this.em.query<
      {
        id: string;
        subject: string;
        preheader: string;
        web_token: string;
        sent_at: Date | null;
        own_village: boolean;
      }[]
    >(
      `${scopeCte}
       SELECT n.id, n.subject, n.preheader, n.web_token, COALESCE(n.sending_started_at, n.send_at, n.finished_at) AS sent_at,
              EXISTS (SELECT 1 FROM newsletters_scope_for_archive sc
                       WHERE sc.newsletter_id = n.id AND sc.village_id = $2::uuid) AS own_village
         FROM newsletters n
        WHERE ${where}
        ORDER BY COALESCE(n.sending_started_at, n.send_at, n.finished_at) DESC NULLS LAST, n.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const targets = await loadTargetDtos(
      this.em,
      rows.map((r) => r.id),
    );
    const items = rows.map((r): NewsletterArchiveItemDto => {
      const villageId = query.villageId ?? (r.own_village ? actor.villageId : null);
      return {
        id: r.id,
        subject: r.subject,
        preheader: r.preheader,
        target: targets.get(r.id) ?? this.unknownTarget(),
        sentAt: r.sent_at ? r.sent_at.toISOString() : null,
        villageId,
        webUrl: webVersionUrl(this.config, r.web_token, villageId),
      };
    });
    return toPage(items, total, query);
  }

  /** A sent newsletter in the archive, as the reader's (or the asked) village's copy. */
  async read(actor: AuthUser, id: string, villageId?: string): Promise<NewsletterWebVersionDto> {
    const { n, ref } = await this.loadReadable(actor, id);
    const source = await loadRenderSource(this.em, this.config, n);
    const asked = villageId ? ref.villages.find((v) => v.id === villageId) : undefined;
    // Another village's copy (its meeting room, its calendar) is not for everyone who reads the
    // newsletter: only for those who may read that village's copy.
    if (asked && !canReadVillageCopy(actor, asked)) throw notFound(NO_SUCH_COPY);
    const chosen =
      asked && source.villages.has(asked.id)
        ? asked.id
        : actor.villageId && source.villages.has(actor.villageId)
          ? actor.villageId
          : null;
    return this.webCopy(n, source, chosen, actor.locale);
  }

  /**
   * The public web version: anyone with the link, village-neutral or (with the signed `v` of the
   * link the village got) that village's copy.
   */
  async webVersion(token: string, v?: string): Promise<NewsletterWebVersionDto> {
    const n = await this.byWebToken(token);
    const villageId = this.linkVillage(n, v);
    const source = await loadRenderSource(this.em, this.config, n);
    return this.webCopy(
      n,
      source,
      villageId && source.villages.has(villageId) ? villageId : null,
      'da',
    );
  }

  /** The add-to-calendar file of the session a web version's copy leads into. */
  async webCalendar(token: string, v?: string): Promise<NewsletterIcsFile> {
    const n = await this.byWebToken(token);
    const villageId = this.linkVillage(n, v);
    if (!isSessionTarget(n)) throw notFound('This newsletter does not lead into a session.');
    const scope = await loadScope(this.em, n);
    const session = sessionFor(scope.sessions, villageId ?? null);
    const [calendarSession] = session ? await loadCalendarSessions(this.em, [session.id]) : [];
    if (!calendarSession) throw notFound('The session is no longer there.');
    const body = writeCalendar({
      name: words('da').calendarName,
      now: new Date(),
      events: [toCalendarEvent(calendarSession, 'da', this.config.publicUrl)],
    });
    return { body, fileName: icsFileName(calendarSession) };
  }

  /** The village a public link's `v` was signed for; 404 for one not signed for this newsletter. */
  private linkVillage(n: Newsletter, v: string | undefined): string | null {
    if (v === undefined || v === '') return null;
    const villageId = verifiedVillage(this.config.signingSecret, n.webToken, v);
    if (!villageId) throw notFound(NO_SUCH_COPY);
    return villageId;
  }

  private async byWebToken(token: string): Promise<Newsletter> {
    const n = /^[A-Za-z0-9_-]{20,64}$/.test(token)
      ? await this.dataSource.getRepository(Newsletter).findOneBy({ webToken: token })
      : null;
    if (!n) throw notFound('No newsletter at this address. Check that the whole link was copied.');
    return n;
  }

  private webCopy(
    n: Newsletter,
    source: Awaited<ReturnType<typeof loadRenderSource>>,
    villageId: string | null,
    locale: 'da' | 'en',
  ): NewsletterWebVersionDto {
    const copy = renderCopy(source, { person: null, villageId, locale });
    return {
      subject: copy.subject,
      html: copy.html,
      sentAt: (n.sendingStartedAt ?? null)?.toISOString() ?? null,
      villageId,
      villageName: villageId ? (source.villages.get(villageId)?.name ?? null) : null,
    };
  }

  // ---- Editor helpers ------------------------------------------------------------------------

  /** Upcoming planned sessions and single circle sessions (not from a plan) to write for. */
  async targets(actor: Actor, query: TargetsQueryDto): Promise<Page<NewsletterTargetOption>> {
    this.requireWriter(actor);
    const { skip, take } = pageWindow(query);
    const params: unknown[] = [
      query.cohortId ?? null,
      query.q?.trim() ? likePattern(query.q.trim()) : null,
    ];
    const base = `
      SELECT 'plan' AS kind, p.id, p.title, p.cohort_id, p.circle_kind,
             COALESCE((SELECT min(s.starts_at) FROM circle_sessions s
                        WHERE s.plan_id = p.id AND s.status <> 'cancelled'), p.starts_at) AS starts_at
        FROM session_plans p
      UNION ALL
      SELECT 'session', s.id, s.title, c.cohort_id, c.kind, s.starts_at
        FROM circle_sessions s JOIN circles c ON c.id = s.circle_id
       WHERE s.plan_id IS NULL AND s.status <> 'cancelled'`;
    const where = `t.starts_at > now()
       AND ($1::uuid IS NULL OR t.cohort_id = $1::uuid)
       AND ($2::text IS NULL OR t.title ILIKE $2 ESCAPE '\\')`;
    const [{ total }] = await this.em.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM (${base}) t WHERE ${where}`,
      params,
    );
    const rows = await this.em.query<{ kind: 'plan' | 'session'; id: string }[]>(
      `SELECT t.kind, t.id FROM (${base}) t WHERE ${where}
        ORDER BY t.starts_at, t.id LIMIT $3 OFFSET $4`,
      [...params, take, skip],
    );
    const items = await Promise.all(rows.map((r) => this.targetOption(r.kind, r.id)));
    return toPage(
      items.filter((i): i is NewsletterTargetOption => i !== null),
      total,
      query,
    );
  }

  /** One planned session (plan id) or circle session (session id) as a newsletter target. */
  async forSession(actor: Actor, id: string): Promise<NewsletterTargetOption> {
    this.requireWriter(actor);
    const [plan] = await this.em.query<{ id: string }[]>(
      `SELECT id FROM session_plans WHERE id = $1`,
      [id],
    );
    const option = await this.targetOption(plan ? 'plan' : 'session', id);
    if (!option) throw notFound('No such planned session or circle session.');
    return option;
  }

  private async targetOption(
    kind: 'plan' | 'session',
    id: string,
  ): Promise<NewsletterTargetOption | null> {
    const [row] = await this.em.query<
      {
        title: string;
        cohort_id: string;
        cohort_name: string;
        circle_kind: 'village' | 'coordinator';
      }[]
    >(
      kind === 'plan'
        ? `SELECT p.title, p.cohort_id, co.name AS cohort_name, p.circle_kind
             FROM session_plans p JOIN cohorts co ON co.id = p.cohort_id WHERE p.id = $1`
        : `SELECT s.title, c.cohort_id, co.name AS cohort_name, c.kind AS circle_kind
             FROM circle_sessions s JOIN circles c ON c.id = s.circle_id
             JOIN cohorts co ON co.id = c.cohort_id WHERE s.id = $1`,
      [id],
    );
    if (!row) return null;
    const scope = await loadScope(
      this.em,
      kind === 'plan'
        ? { planId: id, sessionId: null, cohortId: null, villageId: null }
        : { planId: null, sessionId: id, cohortId: null, villageId: null },
    );
    const written = await this.em.query<{ id: string }[]>(
      `SELECT id FROM newsletters WHERE ${kind === 'plan' ? 'plan_id' : 'session_id'} = $1 ORDER BY created_at`,
      [id],
    );
    const live = scope.sessions.filter((s) => !s.cancelled);
    return {
      kind: kind === 'plan' ? NewsletterTargetKind.Plan : NewsletterTargetKind.Session,
      id,
      title: row.title,
      cohortId: row.cohort_id,
      cohortName: row.cohort_name,
      circleKind: row.circle_kind,
      startsAt: live.length
        ? new Date(Math.min(...live.map((s) => s.startsAt.getTime()))).toISOString()
        : null,
      villages: live
        .filter((s) => s.villageId && s.villageName)
        .map((s) => ({
          villageId: s.villageId as string,
          villageName: s.villageName as string,
          sessionId: s.id,
          startsAt: s.startsAt.toISOString(),
        })),
      newsletterIds: written.map((w) => w.id),
    };
  }

  /** Published lessons for lesson and video cards. */
  async cardOptions(actor: Actor, query: CardOptionsQueryDto): Promise<Page<NewsletterCardOption>> {
    this.requireWriter(actor);
    const { skip, take } = pageWindow(query);
    const params: unknown[] = [
      query.q?.trim() ? likePattern(query.q.trim()) : null,
      query.inspiration === true,
    ];
    const where = `l.published_at IS NOT NULL AND m.published_at IS NOT NULL AND c.published_at IS NOT NULL
       AND ($1::text IS NULL OR l.title ILIKE $1 ESCAPE '\\' OR m.title ILIKE $1 ESCAPE '\\' OR c.title ILIKE $1 ESCAPE '\\')
       AND (NOT $2::boolean OR l.inspiration)`;
    const from = `FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN courses c ON c.id = m.course_id`;
    const [{ total }] = await this.em.query<{ total: number }[]>(
      `SELECT count(*)::int AS total ${from} WHERE ${where}`,
      params,
    );
    const rows = await this.em.query<
      {
        id: string;
        title: string;
        module_title: string;
        course_id: string;
        course_title: string;
        inspiration: boolean;
      }[]
    >(
      `SELECT l.id, l.title, m.title AS module_title, c.id AS course_id, c.title AS course_title, l.inspiration
         ${from} WHERE ${where}
        ORDER BY l.inspiration DESC, c.position, c.title, m.position, l.position, l.id
        LIMIT $3 OFFSET $4`,
      [...params, take, skip],
    );
    return toPage(
      rows.map((r) => ({
        lessonId: r.id,
        title: r.title,
        moduleTitle: r.module_title,
        courseId: r.course_id,
        courseTitle: r.course_title,
        inspiration: r.inspiration,
        thumbnailUrl: null,
      })),
      total,
      query,
    );
  }

  // ---- Checks and mapping --------------------------------------------------------------------

  private async checkTarget(target: NewsletterTargetRef): Promise<void> {
    const table: Record<NewsletterTargetKind, string> = {
      [NewsletterTargetKind.Plan]: 'session_plans',
      [NewsletterTargetKind.Session]: 'circle_sessions',
      [NewsletterTargetKind.Cohort]: 'cohorts',
      [NewsletterTargetKind.Village]: 'villages',
      [NewsletterTargetKind.Course]: 'courses',
    };
    const [row] = await this.em.query<{ id: string }[]>(
      `SELECT id FROM ${table[target.kind]} WHERE id = $1`,
      [target.id],
    );
    if (!row) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'target.id',
        `There is no ${target.kind} with that id: pick one from the list.`,
      );
    }
  }

  private async checkBlocks(raw: unknown, kind: NewsletterTargetKind): Promise<NewsletterBlock[]> {
    let blocks: NewsletterBlock[];
    try {
      blocks = parseBlocks(raw);
    } catch (error) {
      if (error instanceof BlockError)
        throw fieldError(ErrorCode.ValidationFailed, error.field, error.message);
      throw error;
    }
    const sessionBlock = blocks.findIndex(
      (b) => b.type === 'session' || (b.type === 'next_steps' && b.fromLastSession),
    );
    if (sessionBlock >= 0 && !SESSION_KINDS.has(kind)) {
      throw fieldError(
        ErrorCode.NewsletterNeedsSession,
        `blocks[${sessionBlock}]`,
        'The session box and the next steps from the last session only fit a newsletter that leads into a session: remove it.',
      );
    }
    const ids = cardLessonIds(blocks);
    if (ids.length) {
      const rows = await this.em.query<{ id: string }[]>(
        `SELECT l.id FROM lessons l JOIN course_modules m ON m.id = l.module_id JOIN courses c ON c.id = m.course_id
          WHERE l.id = ANY($1::uuid[]) AND l.published_at IS NOT NULL AND m.published_at IS NOT NULL AND c.published_at IS NOT NULL`,
        [ids],
      );
      const found = new Set(rows.map((r) => r.id));
      const missing = blocks.findIndex(
        (b) => (b.type === 'lesson' || b.type === 'video') && !found.has(b.lessonId),
      );
      if (missing >= 0) {
        const lessonId = (blocks[missing] as { lessonId: string }).lessonId;
        throw fieldError(
          ErrorCode.NewsletterLessonUnknown,
          `blocks[${missing}].lessonId`,
          'That lesson is not published (or no longer exists): pick another one.',
          { lessonId },
        );
      }
    }
    return blocks;
  }

  private unknownTarget(): NewsletterTargetDto {
    return {
      kind: NewsletterTargetKind.Cohort,
      id: '',
      title: '',
      cohortId: null,
      cohortName: null,
      circleKind: null,
      startsAt: null,
    };
  }

  private toSummary(n: Newsletter, target: NewsletterTargetDto | undefined): NewsletterSummaryDto {
    return {
      id: n.id,
      status: n.status,
      subject: n.subject,
      target: target ?? { ...this.unknownTarget(), ...targetOf(n) },
      includePanel: n.includePanel,
      sendMode: n.sendMode,
      daysBefore: n.daysBefore,
      sendAt: n.sendAt ? n.sendAt.toISOString() : null,
      sendingStartedAt: n.sendingStartedAt ? n.sendingStartedAt.toISOString() : null,
      finishedAt: n.finishedAt ? n.finishedAt.toISOString() : null,
      createdAt: n.createdAt.toISOString(),
      updatedAt: n.updatedAt.toISOString(),
    };
  }

  private async toDto(n: Newsletter, actor: Actor): Promise<NewsletterDto> {
    const [targets, scope] = await Promise.all([
      loadTargetDtos(this.em, [n.id]),
      loadScope(this.em, n),
    ]);
    return {
      ...this.toSummary(n, targets.get(n.id)),
      preheader: n.preheader,
      blocks: n.blocks,
      webUrl: webVersionUrl(this.config, n.webToken, null),
      webToken: n.webToken,
      villages: scope.villages.map((v) => ({ id: v.id, name: v.name })),
      canEdit: canWriteNewsletters(actor) && n.status === NewsletterStatus.Draft,
    };
  }
}

/**
 * Refuses a `{{…}}` that is no merge field (say `{{name}}` for `{{navn}}`): it would go out to
 * every recipient as typed. Names the field where it is and the merge fields there are.
 */
function checkMergeFields(n: {
  subject: string;
  preheader: string;
  blocks: readonly NewsletterBlock[];
}): void {
  const places: [string, string][] = [
    ['subject', n.subject],
    ['preheader', n.preheader],
  ];
  n.blocks.forEach((block, i) => {
    if (block.type === 'text') places.push([`blocks[${i}].html`, block.html]);
    if (block.type === 'next_steps') {
      if (block.heading) places.push([`blocks[${i}].heading`, block.heading]);
      block.items.forEach((item, j) => places.push([`blocks[${i}].items[${j}]`, item]));
    }
  });
  for (const [field, text] of places) {
    const unknown = unknownMergeField(text);
    if (unknown) {
      const known = NEWSLETTER_MERGE_FIELDS.join(', ');
      throw fieldError(
        ErrorCode.NewsletterMergeFieldUnknown,
        field,
        `There is no merge field ${unknown}, so it would be sent as typed. Use one of these: ${known}.`,
        { field: unknown, known },
      );
    }
  }
}

import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import {
  ErrorCode,
  HOTLINE_LIMITS,
  HotlineState,
  type AskHotlineRequest,
  type HotlineFaqDto,
  type HotlineStateCounts,
  type HotlineStatsDto,
  type HotlineThreadDto,
  type HotlineRequestDto,
  type Page,
} from '@blup/contracts';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import {
  canAskHotline,
  canReadHotlineFaq,
  canWorkHotline,
  canWriteHotlineFaq,
  hotlineRequestAccess,
  type HotlineRequestAccess,
} from '../access/hotline-access-policy';
import { TooManyAttemptsException, waitPhrase } from '../auth/sign-in-rate-limiter';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { inBatches } from '../common/batches';
import { pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { HotlineFaq, HotlineRequest } from '../database/entities/hotline';
import { MailProducer } from '../mail/mail.producer';
import { RedisService } from '../queue/redis.module';
import type {
  HotlineFaqFromRequestBody,
  HotlineQueueQueryDto,
  SaveHotlineFaqBody,
  UpdateHotlineFaqBody,
} from './hotline.dto';
import {
  anonymiseClosedRequests,
  countHotlineStates,
  findHotlineFaq,
  findHotlineFaqEntry,
  findHotlineMessage,
  findHotlineMessages,
  findHotlineRequest,
  findHotlineRequests,
  hotlineStats,
  insertHotlineMessage,
  markHotlineMessage,
  setHotlineState,
  type HotlineFaqRow,
  type HotlineMessageRow,
  type HotlineRequestRow,
} from './hotline.queries';
import { answerMessageId, replyAddress, threadMessageId } from './reply-address';

const HIDDEN = 'No such question, or not one you may see.';
const HIDDEN_FAQ = 'No such FAQ entry, or not one you may see.';
const CLOSED =
  'This question is closed. Ask a new question, or ask the secretariat to open it again.';

/** What came of a reply by mail. */
export type MailReplyOutcome = 'attached' | 'duplicate' | 'unknown_sender' | 'not_found';

/**
 * The hotline: questions, the secretariat's queue, answers in the app and by mail (each answer
 * mail carries a signed Reply-To, so a reply lands on the same request), the FAQ and the yearly
 * counts per municipality. Every read and write asks `access/hotline-access-policy.ts`.
 *
 * A message on a closed request: in the app it is refused (400 `hotline_request_closed`: the
 * secretariat reopens it, or the asker asks anew); by mail the asker cannot be told, so the reply
 * is kept and the request opens again.
 */
@Injectable()
export class HotlineService {
  private readonly logger = new Logger(HotlineService.name);
  private readonly askLimit: RateLimiterRedis;

  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    redis: RedisService,
  ) {
    this.askLimit = new RateLimiterRedis({
      storeClient: redis.client,
      keyPrefix: redis.key('rl', 'hotline-ask'),
      points: HOTLINE_LIMITS.asksPerHour,
      duration: 3600,
    });
  }

  async ask(actor: Actor, body: AskHotlineRequest): Promise<HotlineThreadDto> {
    if (!canAskHotline(actor)) {
      throw secretariatOnly('The secretariat answers questions; it does not ask them here.');
    }
    try {
      await this.askLimit.consume(actor.id);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const wait = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new TooManyAttemptsException(
        wait,
        ErrorCode.HotlineRateLimited,
        `You have asked many questions in a short time. Try again ${waitPhrase(wait)}.`,
      );
    }
    const id = await this.dataSource.transaction(async (em) => {
      const saved = await em.getRepository(HotlineRequest).save({
        askerId: actor.id,
        villageId: actor.villageId,
        municipalityId: actor.municipalityId,
        pagePath: body.pagePath,
        subject: body.subject,
        state: HotlineState.New,
      });
      await insertHotlineMessage(em, {
        requestId: saved.id,
        authorId: actor.id,
        fromSecretariat: false,
        body: body.body,
        via: 'app',
      });
      return saved.id;
    });
    return this.thread(actor, id);
  }

  async mine(actor: Actor, query: PageQueryDto): Promise<Page<HotlineRequestDto>> {
    const { rows, total } = await findHotlineRequests(this.dataSource.manager, {
      ...pageWindow(query),
      askerId: actor.id,
      q: query.q,
    });
    return toPage(rows.map(toRequestDto), total, query);
  }

  async queue(actor: Actor, query: HotlineQueueQueryDto): Promise<Page<HotlineRequestDto>> {
    this.assertSecretariat(actor);
    const { rows, total } = await findHotlineRequests(this.dataSource.manager, {
      ...pageWindow(query),
      state: query.state,
      q: query.q,
    });
    return toPage(rows.map(toRequestDto), total, query);
  }

  async counts(actor: Actor): Promise<HotlineStateCounts> {
    this.assertSecretariat(actor);
    return countHotlineStates(this.dataSource.manager);
  }

  async thread(actor: Actor, id: string): Promise<HotlineThreadDto> {
    const em = this.dataSource.manager;
    const row = await findHotlineRequest(em, id);
    this.readable(actor, row);
    return toThreadDto(row as HotlineRequestRow, await findHotlineMessages(em, id));
  }

  /**
   * A message in the app: from the secretariat an answer (first response time on the first,
   * state → waiting, a mail to the asker), from the asker a reply (state → open; still new while
   * nobody has answered).
   */
  async addMessage(actor: Actor, id: string, body: string): Promise<HotlineThreadDto> {
    const answered = await this.dataSource.transaction(async (em) => {
      const row = await findHotlineRequest(em, id, true);
      const access = this.readable(actor, row);
      const request = row as HotlineRequestRow;
      if (request.state === HotlineState.Closed) {
        throw new AppException(HttpStatus.BAD_REQUEST, ErrorCode.HotlineRequestClosed, CLOSED);
      }
      const fromSecretariat = access === 'answer';
      const messageId = await insertHotlineMessage(em, {
        requestId: id,
        authorId: actor.id,
        fromSecretariat,
        body,
        via: 'app',
      });
      const state = fromSecretariat
        ? HotlineState.Waiting
        : request.state === HotlineState.New
          ? HotlineState.New
          : HotlineState.Open;
      await markHotlineMessage(em, id, state, fromSecretariat);
      return fromSecretariat ? { request, messageId: messageId as string } : null;
    });
    if (answered) await this.mailAnswer(answered.request, answered.messageId, body);
    return this.thread(actor, id);
  }

  /** The secretariat sets any state; the asker may close their own request. */
  async setState(actor: Actor, id: string, state: HotlineState): Promise<HotlineThreadDto> {
    await this.dataSource.transaction(async (em) => {
      const row = await findHotlineRequest(em, id, true);
      const access = this.readable(actor, row);
      if (access === 'own' && state !== HotlineState.Closed) {
        throw new AppException(
          HttpStatus.FORBIDDEN,
          ErrorCode.Forbidden,
          'You may close your own question; the secretariat changes the other states.',
        );
      }
      if (row?.state !== state) await setHotlineState(em, id, state);
    });
    return this.thread(actor, id);
  }

  /**
   * A reply by mail to a signed reply address (the SMTP listener checked the signature): kept
   * only when it comes from the asker's address; the request opens (again). The same mail
   * delivered twice is kept once.
   */
  async replyByMail(
    requestId: string,
    fromAddress: string,
    body: string,
    mailMessageId: string | null,
  ): Promise<MailReplyOutcome> {
    return this.dataSource.transaction(async (em) => {
      const request = await findHotlineRequest(em, requestId, true);
      if (!request) return 'not_found';
      if (request.asker_email.toLowerCase() !== fromAddress.trim().toLowerCase()) {
        return 'unknown_sender';
      }
      const id = await insertHotlineMessage(em, {
        requestId,
        authorId: null,
        fromSecretariat: false,
        body,
        via: 'mail',
        mailMessageId: mailMessageId?.slice(0, 250) ?? null,
      });
      if (!id) return 'duplicate';
      await markHotlineMessage(em, requestId, HotlineState.Open, false);
      return 'attached';
    });
  }

  // -------------------------------------------------------------------------------------------
  // FAQ
  // -------------------------------------------------------------------------------------------

  async faqList(actor: Actor, query: PageQueryDto): Promise<Page<HotlineFaqDto>> {
    const { rows, total } = await findHotlineFaq(this.dataSource.manager, {
      ...pageWindow(query),
      q: query.q,
      publishedOnly: !canReadHotlineFaq(actor, { published: false }),
    });
    return toPage(rows.map(toFaqDto), total, query);
  }

  async faq(actor: Actor, id: string): Promise<HotlineFaqDto> {
    const row = await findHotlineFaqEntry(this.dataSource.manager, id);
    if (!row || !canReadHotlineFaq(actor, row)) throw notFound(HIDDEN_FAQ);
    return toFaqDto(row);
  }

  async createFaq(
    actor: Actor,
    body: SaveHotlineFaqBody,
    sourceRequestId: string | null = null,
  ): Promise<HotlineFaqDto> {
    this.assertFaqWriter(actor);
    const saved = await this.dataSource.getRepository(HotlineFaq).save({
      question: body.question,
      answer: body.answer,
      published: body.published ?? false,
      sourceRequestId,
    });
    return this.faq(actor, saved.id);
  }

  async updateFaq(actor: Actor, id: string, body: UpdateHotlineFaqBody): Promise<HotlineFaqDto> {
    await this.faqToChange(actor, id);
    await this.dataSource.getRepository(HotlineFaq).update(id, {
      ...(body.question !== undefined ? { question: body.question } : {}),
      ...(body.answer !== undefined ? { answer: body.answer } : {}),
      ...(body.published !== undefined ? { published: body.published } : {}),
      updatedAt: new Date(),
    });
    return this.faq(actor, id);
  }

  async removeFaq(actor: Actor, id: string): Promise<void> {
    await this.faqToChange(actor, id);
    await this.dataSource.getRepository(HotlineFaq).delete(id);
  }

  /** Saves one of the secretariat's answers on a request as a FAQ entry. */
  async faqFromRequest(
    actor: Actor,
    requestId: string,
    body: HotlineFaqFromRequestBody,
  ): Promise<HotlineFaqDto> {
    const em = this.dataSource.manager;
    this.readable(actor, await findHotlineRequest(em, requestId));
    this.assertFaqWriter(actor);
    const message = await findHotlineMessage(em, requestId, body.messageId);
    if (!message?.from_secretariat) {
      throw fieldError(
        ErrorCode.ValidationFailed,
        'messageId',
        'messageId must be one of the secretariat’s answers on this question',
      );
    }
    return this.createFaq(
      actor,
      { question: body.question, answer: message.body, published: body.published },
      requestId,
    );
  }

  async stats(actor: Actor, year: number): Promise<HotlineStatsDto> {
    this.assertSecretariat(actor);
    const rows = await hotlineStats(this.dataSource.manager, year);
    return {
      year,
      municipalities: rows.map((r) => ({
        municipalityId: r.municipality_id,
        municipalityName: r.municipality_name,
        count: r.count,
        answered: r.answered,
        medianFirstResponseMinutes: r.median_minutes,
      })),
    };
  }

  // -------------------------------------------------------------------------------------------

  /**
   * Retention (issue 17): anonymises the questions closed more than `days` before `now`
   * (RETAIN_HOTLINE_DAYS) and their messages, in batches; the counts and response times stay.
   * Returns how many questions it anonymised.
   */
  anonymiseClosed(now: Date, days: number): Promise<number> {
    return inBatches((limit) => anonymiseClosedRequests(this.dataSource.manager, now, days, limit));
  }

  private readable(actor: Actor, row: HotlineRequestRow | null): HotlineRequestAccess {
    const access = row ? hotlineRequestAccess(actor, { askerId: row.asker_id }) : 'hidden';
    if (access === 'hidden') throw notFound(HIDDEN);
    return access;
  }

  private assertSecretariat(actor: Actor): void {
    if (!canWorkHotline(actor)) throw secretariatOnly('Only the secretariat works the hotline.');
  }

  private assertFaqWriter(actor: Actor): void {
    if (!canWriteHotlineFaq(actor)) throw secretariatOnly('Only the secretariat writes the FAQ.');
  }

  private async faqToChange(actor: Actor, id: string): Promise<HotlineFaqRow> {
    const row = await findHotlineFaqEntry(this.dataSource.manager, id);
    if (!row || !canReadHotlineFaq(actor, row)) throw notFound(HIDDEN_FAQ);
    this.assertFaqWriter(actor);
    return row;
  }

  /** The answer to the asker, with a signed Reply-To and the thread's Message-IDs. */
  private async mailAnswer(
    request: HotlineRequestRow,
    messageId: string,
    answer: string,
  ): Promise<void> {
    const { mailDomain } = this.config.hotline;
    const thread = threadMessageId(request.id, mailDomain);
    try {
      await this.mail.send({
        to: request.asker_email,
        template: 'hotline_answer',
        locale: request.asker_locale,
        data: {
          name: request.asker_name,
          subject: request.subject,
          answer,
          url: `${this.config.publicUrl}/hjaelp/${request.id}`,
        },
        headers: {
          replyTo: replyAddress(this.config.signingSecret, request.id, mailDomain),
          messageId: answerMessageId(request.id, messageId, mailDomain),
          inReplyTo: thread,
          references: thread,
        },
      });
    } catch (error) {
      // The answer is saved and shown in the app; a queue hiccup must not turn it into an error.
      this.logger.error({ msg: 'hotline answer mail not queued', requestId: request.id, error });
    }
  }
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

function toRequestDto(r: HotlineRequestRow): HotlineRequestDto {
  const first = r.first_response_at ? new Date(r.first_response_at) : null;
  return {
    id: r.id,
    askerId: r.asker_id,
    askerName: r.asker_name,
    askerEmail: r.asker_email,
    villageId: r.village_id,
    villageName: r.village_name,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    pagePath: r.page_path,
    subject: r.subject,
    state: r.state,
    createdAt: new Date(r.created_at).toISOString(),
    firstResponseAt: iso(first),
    firstResponseMinutes: first
      ? Math.max(0, Math.round((first.getTime() - new Date(r.created_at).getTime()) / 60_000))
      : null,
    closedAt: iso(r.closed_at),
    lastMessageAt: new Date(r.last_message_at).toISOString(),
    messageCount: r.message_count,
    version: r.version,
  };
}

function toThreadDto(r: HotlineRequestRow, messages: HotlineMessageRow[]): HotlineThreadDto {
  return {
    ...toRequestDto(r),
    messages: messages.map((m) => ({
      id: m.id,
      authorId: m.author_id,
      authorName: m.author_name ?? (m.from_secretariat ? null : r.asker_name),
      fromSecretariat: m.from_secretariat,
      body: m.body,
      via: m.via,
      createdAt: new Date(m.created_at).toISOString(),
    })),
  };
}

function toFaqDto(r: HotlineFaqRow): HotlineFaqDto {
  return {
    id: r.id,
    question: r.question,
    answer: r.answer,
    published: r.published,
    sourceRequestId: r.source_request_id,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

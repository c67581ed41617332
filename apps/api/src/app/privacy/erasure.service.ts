import { InjectQueue } from '@nestjs/bull';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErasureState,
  ErrorCode,
  type ErasureAuditEntryDto,
  type ErasureRequestDto,
  type Locale,
  type MyErasureDto,
  type Page,
  type PanelEraseResponse,
} from '@blup/contracts';
import type { Queue } from 'bull';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canManagePersonalData, isLastSecretariat } from '../access/privacy-access-policy';
import { CitizenPanelService } from '../citizen-panel/citizen-panel.service';
import { AppException, notFound, secretariatOnly } from '../common/app-exception';
import { likePattern, pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { isUniqueViolation } from '../common/unique-violation';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { copenhagenDate } from '../common/copenhagen-time';
import { MailProducer } from '../mail/mail.producer';
import { ErasureRunner } from './erasure-runner.service';
import { findPerson } from './person.queries';
import {
  countActiveSecretariat,
  findErasureRequest,
  findRequestOfUser,
  hasOpenRequest,
  insertAudit,
  insertErasureRequest,
  listAudit,
  listErasureRequests,
  transitionRequest,
  type ErasureAuditRow,
  type ErasureRequestRow,
} from './erasure.queries';
import { ERASURE_JOB, ERASURE_JOB_OPTIONS, PRIVACY_QUEUE } from './privacy.constants';

const HIDDEN = 'No such erasure request.';
/** Undoing is possible until the erasure starts. */
const CANCELLABLE: readonly ErasureState[] = [ErasureState.CoolingOff, ErasureState.Approved];

const pending = (): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.ErasurePending,
    'An erasure request for this person is already open.',
  );

const notOpen = (state: ErasureState | 'account', message: string): AppException =>
  new AppException(HttpStatus.CONFLICT, ErrorCode.ErasureNotOpen, message, {
    params: { state },
  });

/**
 * Erasure requests (issue 17): a person asks (and may undo during the cool-off), the secretariat
 * opens requests for others, approves them sooner, cancels and re-runs them; a panel member erases
 * themselves from the preferences link at once. The worker runs them (ErasureRunner).
 */
@Injectable()
export class ErasureService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    @InjectQueue(PRIVACY_QUEUE) private readonly queue: Queue,
    private readonly runner: ErasureRunner,
    private readonly panel: CitizenPanelService,
    private readonly mail: MailProducer,
  ) {}

  // ---- the person themselves ----------------------------------------------------------------

  async mine(actor: Actor): Promise<MyErasureDto> {
    const row = await findRequestOfUser(this.dataSource.manager, actor.id);
    return {
      request: row ? toDto(row) : null,
      coolOffDays: this.config.privacy.erasureCoolOffDays,
    };
  }

  async ask(actor: Actor, reason: string | undefined): Promise<ErasureRequestDto> {
    return this.openForUser(actor, actor.id, reason, actor.id);
  }

  async undoMine(actor: Actor): Promise<ErasureRequestDto> {
    const row = await findRequestOfUser(this.dataSource.manager, actor.id);
    if (!row) throw notFound('You have not asked to be erased.');
    return this.cancelRow(actor, row);
  }

  // ---- the secretariat ----------------------------------------------------------------------

  async list(
    actor: Actor,
    query: PageQueryDto & { state?: ErasureState },
  ): Promise<Page<ErasureRequestDto>> {
    this.mustManage(actor);
    const { skip, take } = pageWindow(query);
    const { rows, total } = await listErasureRequests(
      this.dataSource.manager,
      query.state ?? null,
      skip,
      take,
      query.q?.trim() ? likePattern(query.q.trim()) : null,
    );
    return toPage(rows.map(toDto), total, query);
  }

  async create(
    actor: Actor,
    body: { userId?: string; email?: string; reason?: string },
  ): Promise<ErasureRequestDto> {
    this.mustManage(actor);
    if ((body.userId === undefined) === (body.email === undefined)) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ValidationFailed,
        'Give either userId (a person with an account) or email (somebody without one), not both.',
        { details: { userId: ['Give userId or email, not both.'] } },
      );
    }
    // An address that belongs to an account is that account's erasure.
    const userId =
      body.userId ??
      (await findPerson(this.dataSource.manager, { email: body.email as string }))?.id;
    if (userId) return this.openForUser(actor, userId, body.reason, actor.id);
    const email = (body.email as string).toLowerCase();
    const request = await this.insert(actor.id, {
      subjectKind: 'email',
      userId: null,
      email,
      name: null,
      reason: body.reason ?? null,
      requestedById: actor.id,
      eraseAfter: this.coolOffEnd(),
      state: ErasureState.CoolingOff,
      approvedById: null,
    });
    await this.tell(email, null, 'da', request, null);
    return request;
  }

  /**
   * Retention (issue 17): erases accounts disabled longer than RETAIN_DISABLED_ACCOUNT_DAYS. Each
   * gets a request approved at once (nobody is there to undo it: the account is closed) with no
   * actor, and is queued. An account with an open request is skipped. Returns how many started.
   */
  async eraseDisabledAccounts(userIds: readonly string[], days: number): Promise<number> {
    let started = 0;
    for (const userId of userIds) {
      // The accounts come without a request (disabledAccountsDue); a race ends in `pending`.
      const user = await findPerson(this.dataSource.manager, { id: userId });
      if (!user) continue;
      try {
        const request = await this.insert(null, {
          subjectKind: 'user',
          userId: user.id,
          email: user.email,
          name: user.name,
          reason: `Kontoen har været lukket i mere end ${days} dage (opbevaringsregel).`,
          requestedById: null,
          eraseAfter: new Date(),
          state: ErasureState.Approved,
          approvedById: null,
        });
        await this.enqueue(request.id);
        started += 1;
      } catch (error) {
        // Someone opened a request for this account meanwhile: theirs stands.
        if (!(error instanceof AppException)) throw error;
      }
    }
    return started;
  }

  async approve(actor: Actor, id: string): Promise<ErasureRequestDto> {
    this.mustManage(actor);
    const row = await this.find(id);
    if (row.user_id) await this.refuseLastSecretariat(row.user_id);
    const moved = await this.move(
      actor,
      row,
      [ErasureState.CoolingOff],
      ErasureState.Approved,
      'approved',
    );
    await this.enqueue(moved.id);
    return toDto(moved);
  }

  async cancel(actor: Actor, id: string): Promise<ErasureRequestDto> {
    this.mustManage(actor);
    return this.cancelRow(actor, await this.find(id));
  }

  async retry(actor: Actor, id: string): Promise<ErasureRequestDto> {
    this.mustManage(actor);
    const row = await this.find(id);
    const moved = await this.move(
      actor,
      row,
      [ErasureState.Failed],
      ErasureState.Approved,
      'retried',
    );
    await this.enqueue(moved.id);
    return toDto(moved);
  }

  async audit(actor: Actor, id: string, query: PageQueryDto): Promise<Page<ErasureAuditEntryDto>> {
    this.mustManage(actor);
    await this.find(id);
    const { skip, take } = pageWindow(query);
    const { rows, total } = await listAudit(this.dataSource.manager, id, skip, take);
    return toPage(rows.map(auditDto), total, query);
  }

  // ---- a panel member, from the preferences link --------------------------------------------

  /**
   * Erases the subscriber the link names, at once: they have no account to undo from, and the
   * link (which only reaches their mailbox) is the proof. An account's link, or a subscriber
   * whose address is an account's, is refused: the person signs in and asks there, with the
   * cool-off.
   */
  async panelErase(token: string): Promise<PanelEraseResponse> {
    const found = await this.panel.preferences(token);
    if (found.kind !== 'subscriber') {
      throw notOpen(
        'account',
        'This link belongs to an account: sign in and ask to be erased under your profile.',
      );
    }
    const email = found.email.toLowerCase();
    // The address is an account's too: erased by address at once, the account's own rows (its
    // registrations, its name in free text) would go without the cool-off, and the account stay.
    if (await findPerson(this.dataSource.manager, { email })) {
      throw notOpen(
        'account',
        'This address belongs to an account: sign in and ask to be erased under your profile.',
      );
    }
    if (await hasOpenRequest(this.dataSource.manager, null, email)) throw pending();
    const row = await this.insert(null, {
      subjectKind: 'email',
      userId: null,
      email,
      name: found.name,
      reason: null,
      requestedById: null,
      eraseAfter: new Date(),
      state: ErasureState.Approved,
      approvedById: null,
    });
    await this.runner.run(row.id);
    const after = await this.runner.find(row.id);
    if (after?.state !== ErasureState.Done) {
      throw new AppException(
        HttpStatus.SERVICE_UNAVAILABLE,
        ErrorCode.ErasureNotOpen,
        'The erasure stopped part-way; the secretariat finishes it.',
        { params: { state: after?.state ?? ErasureState.Failed } },
      );
    }
    return { erased: true };
  }

  // ---- helpers ------------------------------------------------------------------------------

  private async openForUser(
    actor: Actor,
    userId: string,
    reason: string | undefined,
    requestedById: string,
  ): Promise<ErasureRequestDto> {
    const user = await findPerson(this.dataSource.manager, { id: userId });
    if (!user) throw notFound('There is no such person.');
    if (await hasOpenRequest(this.dataSource.manager, user.id, user.email)) throw pending();
    await this.refuseLastSecretariat(user.id);
    const request = await this.insert(actor.id, {
      subjectKind: 'user',
      userId: user.id,
      email: user.email,
      name: user.name,
      reason: reason ?? null,
      requestedById,
      eraseAfter: this.coolOffEnd(),
      state: ErasureState.CoolingOff,
      approvedById: null,
    });
    await this.tell(
      user.email,
      user.name,
      user.locale,
      request,
      `${this.config.publicUrl}/profile`,
    );
    return request;
  }

  /**
   * Mails the person that their erasure was asked for, whoever asked: so one nobody meant (a
   * borrowed phone, a mistake at the secretariat) is seen during the cool-off.
   */
  private async tell(
    to: string,
    name: string | null,
    locale: Locale,
    request: ErasureRequestDto,
    url: string | null,
  ): Promise<void> {
    const day = copenhagenDate(new Date(request.eraseAfter), locale);
    await this.mail.send({ to, template: 'erasure_asked', locale, data: { name, day, url } });
  }

  private async insert(
    actorId: string | null,
    values: Parameters<typeof insertErasureRequest>[1],
  ): Promise<ErasureRequestDto> {
    try {
      const row = await this.dataSource.transaction(async (m) => {
        const inserted = await insertErasureRequest(m, values);
        await insertAudit(m, { requestId: inserted.id, event: 'requested', actorId });
        if (values.state === ErasureState.Approved) {
          await insertAudit(m, { requestId: inserted.id, event: 'approved', actorId });
        }
        return inserted;
      });
      return toDto(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw pending();
      throw error;
    }
  }

  private async refuseLastSecretariat(userId: string): Promise<void> {
    const user = await findPerson(this.dataSource.manager, { id: userId });
    if (!user) return;
    const count = await countActiveSecretariat(this.dataSource.manager);
    if (isLastSecretariat({ role: user.role, disabledAt: user.disabled_at }, count)) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.ErasureLastSecretariat,
        'The last active secretariat member cannot be erased: invite another one first.',
      );
    }
  }

  private async cancelRow(actor: Actor, row: ErasureRequestRow): Promise<ErasureRequestDto> {
    return toDto(await this.move(actor, row, CANCELLABLE, ErasureState.Cancelled, 'cancelled'));
  }

  private async move(
    actor: Actor,
    row: ErasureRequestRow,
    from: readonly ErasureState[],
    to: ErasureState,
    event: string,
  ): Promise<ErasureRequestRow> {
    const moved = await this.dataSource.transaction(async (m) => {
      const updated = await transitionRequest(m, row.id, from, to, actor.id);
      if (updated) await insertAudit(m, { requestId: row.id, event, actorId: actor.id });
      return updated;
    });
    if (!moved) {
      const now = (await findErasureRequest(this.dataSource.manager, row.id)) ?? row;
      throw notOpen(now.state, `The erasure request is ${now.state}; it cannot be ${event} now.`);
    }
    return moved;
  }

  private async find(id: string): Promise<ErasureRequestRow> {
    const row = await findErasureRequest(this.dataSource.manager, id);
    if (!row) throw notFound(HIDDEN);
    return row;
  }

  private async enqueue(requestId: string): Promise<void> {
    await this.queue.add(ERASURE_JOB, { requestId }, ERASURE_JOB_OPTIONS);
  }

  private mustManage(actor: Actor): void {
    if (!canManagePersonalData(actor)) {
      throw secretariatOnly('Only the secretariat handles other people’s erasure requests.');
    }
  }

  private coolOffEnd(): Date {
    return new Date(Date.now() + this.config.privacy.erasureCoolOffDays * 24 * 3600 * 1000);
  }
}

function iso(date: Date | null): string | null {
  return date ? new Date(date).toISOString() : null;
}

export function toDto(row: ErasureRequestRow): ErasureRequestDto {
  return {
    id: row.id,
    subjectKind: row.subject_kind,
    userId: row.state === ErasureState.Done ? null : row.user_id,
    subjectLabel: row.subject_name ?? row.subject_email ?? null,
    state: row.state,
    reason: row.reason,
    requestedById: row.requested_by_id,
    requestedAt: new Date(row.requested_at).toISOString(),
    eraseAfter: new Date(row.erase_after).toISOString(),
    approvedById: row.approved_by_id,
    approvedAt: iso(row.approved_at),
    finishedAt: iso(row.finished_at),
    stepsDone: row.steps_done.length,
    stepsTotal: row.steps_total,
    lastError: row.last_error,
  };
}

function auditDto(row: ErasureAuditRow): ErasureAuditEntryDto {
  return {
    id: row.id,
    requestId: row.request_id,
    event: row.event,
    rows: row.rows,
    actorId: row.actor_id,
    at: new Date(row.at).toISOString(),
    error: row.error,
  };
}

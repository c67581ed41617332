import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isLastSecretariat } from '../access/privacy-access-policy';
import { SessionService } from '../auth/session.service';
import { FileStore, isFileKey } from '../files/file-store';
import { ERASURE_STALE_MINUTES } from './privacy.constants';
import {
  escapeRegex,
  registryEntry,
  scrubPattern,
  scrubbed,
  sessionTables,
  stepNames,
  tableSteps,
} from './erasure-plan';
import {
  approveDue,
  baseTables,
  claimRequest,
  countOtherStayingSecretariat,
  exportFileKeys,
  failRequest,
  findErasureRequest,
  finishRequest,
  insertAudit,
  lockSecretariatErasures,
  markStepDone,
  runStatements,
  runnableIds,
  scrubColumn,
  setStepsTotal,
  tableStatements,
  textColumns,
  type ErasureRequestRow,
} from './erasure.queries';
import { findPerson } from './person.queries';
import type { PrivacySubject } from './subject-sql';

/** What one run did. */
export interface ErasureRunResult {
  state: 'done' | 'failed' | 'skipped';
  /** Steps this run did (a re-run skips those done before). */
  ran: string[];
}

interface RunContext {
  request: ErasureRequestRow;
  subject: PrivacySubject;
  /** Every name and address to scrub from free text (the current ones and those asked with). */
  names: string[];
  emails: string[];
  /** The database's base tables. */
  tables: ReadonlySet<string>;
}

/**
 * Runs erasure requests (the worker's `erasure` job, and the panel's self-erasure at once).
 * Each step runs in its own transaction together with its name appended to steps_done and its
 * audit line, so a crash between steps loses nothing and a re-run does only what is left.
 */
@Injectable()
export class ErasureRunner {
  private readonly logger = new Logger(ErasureRunner.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly files: FileStore,
  ) {}

  /**
   * Approves the requests whose cool-off ended by `now` and answers every request that is ready
   * to run (approved, or abandoned while running), for the caller to queue.
   */
  async due(now: Date = new Date()): Promise<string[]> {
    await this.dataSource.transaction(async (m) => {
      for (const id of await approveDue(m, now)) {
        await insertAudit(m, { requestId: id, event: 'cool-off-ended' });
      }
    });
    return runnableIds(this.dataSource.manager, ERASURE_STALE_MINUTES);
  }

  /** Runs one request, if it is ready and no other worker has it. */
  async run(requestId: string): Promise<ErasureRunResult> {
    const request = await claimRequest(this.dataSource.manager, requestId, ERASURE_STALE_MINUTES);
    if (!request) return { state: 'skipped', ran: [] };
    if (await this.refuseLastSecretariat(request)) return { state: 'failed', ran: [] };
    const ctx = await this.context(request);
    const ran: string[] = [];
    let current = '';
    try {
      const steps = stepNames(ctx.subject, ctx.tables);
      await setStepsTotal(this.dataSource.manager, request.id, steps.length);
      for (const step of steps) {
        if (request.steps_done.includes(step)) continue;
        current = step;
        await this.dataSource.transaction(async (m) => {
          const rows = await this.step(m, step, ctx);
          if (!(await markStepDone(m, request.id, request.version, step))) {
            throw new Error('The request was taken over by another run.');
          }
          await insertAudit(m, { requestId: request.id, event: `step:${step}`, rows });
          if (step === 'finish') {
            await finishRequest(m, request.id);
            await insertAudit(m, { requestId: request.id, event: 'done' });
          }
        });
        ran.push(step);
        // The session cache forgets at once (the database announces it to other processes).
        if (step === 'sessions' && ctx.subject.kind === 'user') {
          this.sessions.forgetUser(ctx.subject.userId);
        }
      }
      return { state: 'done', ran };
    } catch (error) {
      const message = this.safeMessage(error, current, ctx);
      this.logger.warn({ msg: 'erasure failed', requestId: request.id, step: current });
      await this.dataSource.transaction(async (m) => {
        if (await failRequest(m, request.id, request.version, message)) {
          await insertAudit(m, { requestId: request.id, event: 'failed', error: message });
        }
      });
      return { state: 'failed', ran };
    }
  }

  /**
   * The last active secretariat member is not erased: asking and approving check it, but the
   * other member may have left since, or both may have asked at once and their cool-offs ended.
   * Checked again as the run starts, one run at a time; a refused request fails, saying why.
   */
  private async refuseLastSecretariat(request: ErasureRequestRow): Promise<boolean> {
    const userId = request.user_id;
    if (request.subject_kind !== 'user' || !userId || request.steps_done.includes('finish')) {
      return false;
    }
    return this.dataSource.transaction(async (m) => {
      await lockSecretariatErasures(m);
      const user = await findPerson(m, { id: userId });
      if (!user) return false;
      const others = await countOtherStayingSecretariat(m, user.id);
      const subject = { role: user.role, disabledAt: user.disabled_at };
      if (!isLastSecretariat(subject, others + 1)) return false;
      const message =
        'start: the last active secretariat member cannot be erased: invite another one first, then re-run.';
      if (await failRequest(m, request.id, request.version, message)) {
        await insertAudit(m, { requestId: request.id, event: 'failed', error: message });
      }
      return true;
    });
  }

  private async context(request: ErasureRequestRow): Promise<RunContext> {
    const tables = await baseTables(this.dataSource.manager);
    const names = request.subject_name ? [request.subject_name] : [];
    const emails = request.subject_email ? [request.subject_email] : [];
    if (request.subject_kind === 'user' && request.user_id) {
      const user = await findPerson(this.dataSource.manager, { id: request.user_id });
      if (user && !request.steps_done.includes('finish')) {
        names.push(user.name);
        emails.push(user.email.toLowerCase());
      }
      return {
        request,
        subject: { kind: 'user', userId: request.user_id, email: emails.at(-1) ?? '' },
        names: [...new Set(names)],
        emails: [...new Set(emails)],
        tables,
      };
    }
    return {
      request,
      subject: { kind: 'email', email: emails[0] ?? '' },
      names,
      emails,
      tables,
    };
  }

  private async step(m: EntityManager, step: string, ctx: RunContext): Promise<number> {
    if (step === 'sessions') {
      let rows = 0;
      for (const entry of sessionTables()) {
        rows += await runStatements(m, tableStatements(entry, ctx.subject));
      }
      return rows;
    }
    if (step === 'files') return this.removeFiles(m, ctx.subject);
    if (step.startsWith('table:')) {
      const entry = tableSteps(ctx.subject, ctx.tables).find((e) => `table:${e.table}` === step);
      if (!entry) return 0;
      return runStatements(m, tableStatements(entry, ctx.subject));
    }
    if (step === 'scrub') return this.scrub(m, ctx);
    if (step === 'finish') {
      if (ctx.subject.kind !== 'user') return 0;
      return runStatements(m, tableStatements(registryEntry('users'), ctx.subject));
    }
    throw new Error(`Unknown erasure step ${step}`);
  }

  /** The person's export zips; village work files (photos, plans, library) stay the village's. */
  private async removeFiles(m: EntityManager, subject: PrivacySubject): Promise<number> {
    const keys = (await exportFileKeys(m, subject)).filter(isFileKey);
    await this.files.delete(keys);
    return keys.length;
  }

  /**
   * The name and address in free text anywhere (a hotline answer "Hej Anne Jensen", minutes,
   * newsletter blocks, survey answers, import reports): every text column of every table.
   */
  private async scrub(m: EntityManager, ctx: RunContext): Promise<number> {
    const terms = { names: ctx.names, emails: ctx.emails };
    const pattern = scrubPattern(terms, false);
    const jsonPattern = scrubPattern(terms, true);
    if (!pattern || !jsonPattern) return 0;
    let rows = 0;
    for (const column of (await textColumns(m)).filter((c) => scrubbed(c.table, c.column))) {
      // The request needs its subject until `finish`; the account row is `finish`'s.
      const skip =
        column.table === 'erasure_requests'
          ? { column: 'id', value: ctx.request.id }
          : column.table === 'users' && ctx.subject.kind === 'user'
            ? { column: 'id', value: ctx.subject.userId }
            : null;
      rows += await scrubColumn(m, column, pattern, jsonPattern, skip);
    }
    return rows;
  }

  /** The error for the request and the audit log, without the person's name or address. */
  private safeMessage(error: unknown, step: string, ctx: RunContext): string {
    let text = error instanceof Error ? error.message : String(error);
    for (const term of [...ctx.names, ...ctx.emails].filter((t) => t.length > 0)) {
      text = text.replace(new RegExp(escapeRegex(term), 'gi'), '[slettet]');
    }
    return `${step || 'start'}: ${text}`.slice(0, 500);
  }

  /** For the panel's self-erasure: the request as it ended. */
  find(id: string): Promise<ErasureRequestRow | null> {
    return findErasureRequest(this.dataSource.manager, id);
  }
}

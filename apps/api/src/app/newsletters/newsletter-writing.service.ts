import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ErrorCode,
  NewsletterStatus,
  type NewsletterDto,
  type NewsletterSummaryDto,
  type NewsletterTargetRef,
  type Page,
} from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import type { AuthUser } from '../auth/auth-user';
import { fieldError } from '../common/app-exception';
import { likePattern, pageWindow, toPage } from '../common/pagination';
import { Newsletter } from '../database/entities/newsletters';
import { checkBlocks, checkMergeFields, requireDraft } from './newsletter-checks';
import {
  deleteDraft,
  newsletterPage,
  targetExists,
  updateDraft,
} from './newsletter-editor.queries';
import { NewsletterLookup } from './newsletter-lookup.service';
import { loadTargetDtos, targetColumns, targetOf } from './newsletters.queries';
import type {
  CreateNewsletterBody,
  NewslettersQueryDto,
  UpdateNewsletterBody,
} from './newsletters.dto';

export function newWebToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The secretariat writes newsletters: the list, and creating, changing and deleting drafts. */
@Injectable()
export class NewsletterWritingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: NewsletterLookup,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  async list(actor: Actor, query: NewslettersQueryDto): Promise<Page<NewsletterSummaryDto>> {
    this.lookup.requireWriter(actor);
    const { skip, take } = pageWindow(query);
    const [rows, total] = await newsletterPage(this.em, {
      status: query.status,
      q: query.q?.trim() ? likePattern(query.q.trim()) : null,
      take,
      skip,
    });
    const targets = await loadTargetDtos(
      this.em,
      rows.map((r) => r.id),
    );
    return toPage(
      rows.map((r) => this.lookup.toSummary(r, targets.get(r.id))),
      total,
      query,
    );
  }

  async create(actor: AuthUser, body: CreateNewsletterBody): Promise<NewsletterDto> {
    this.lookup.requireWriter(actor);
    await this.checkTarget(body.target);
    const blocks = await checkBlocks(this.em, actor, body.blocks ?? [], body.target.kind);
    checkMergeFields({ subject: body.subject, preheader: body.preheader ?? '', blocks });
    const repo = this.dataSource.getRepository(Newsletter);
    const saved = await repo.save(
      repo.create({
        ...targetColumns(body.target),
        subject: body.subject,
        preheader: body.preheader ?? '',
        blocks,
        includePanel: body.includePanel ?? false,
        // Every newsletter starts as a draft; NewsletterStatusService moves it on from there.
        status: NewsletterStatus.Draft,
        webToken: newWebToken(),
        createdById: actor.id,
        updatedById: actor.id,
      }),
    );
    return this.lookup.toDto(saved, actor);
  }

  async update(actor: AuthUser, id: string, body: UpdateNewsletterBody): Promise<NewsletterDto> {
    const n = await this.lookup.forWriter(actor, id);
    requireDraft(n);
    const changes: Partial<Newsletter> = { updatedById: actor.id };
    if (body.subject !== undefined) changes.subject = body.subject;
    if (body.preheader !== undefined) changes.preheader = body.preheader;
    if (body.includePanel !== undefined) changes.includePanel = body.includePanel;
    if (body.blocks !== undefined)
      changes.blocks = await checkBlocks(this.em, actor, body.blocks, targetOf(n).kind);
    checkMergeFields({
      subject: changes.subject ?? n.subject,
      preheader: changes.preheader ?? n.preheader,
      blocks: changes.blocks ?? n.blocks,
    });
    // Only while still a draft: a schedule that raced this edit wins, and the edit is refused.
    const changed = await updateDraft(this.em, id, changes);
    const fresh = await this.lookup.byId(id);
    if (!changed) requireDraft(fresh);
    return this.lookup.toDto(fresh, actor);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const n = await this.lookup.forWriter(actor, id);
    requireDraft(n);
    if (!(await deleteDraft(this.em, id))) requireDraft(await this.lookup.byId(id));
  }

  private async checkTarget(target: NewsletterTargetRef): Promise<void> {
    if (!(await targetExists(this.em, target))) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'target.id',
        `There is no ${target.kind} with that id: pick one from the list.`,
      );
    }
  }
}

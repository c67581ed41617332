import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NewsletterStatus,
  NewsletterTargetKind,
  type NewsletterDto,
  type NewsletterSummaryDto,
  type NewsletterTargetDto,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import {
  canReadNewsletter,
  canWriteNewsletters,
  type NewsletterReadRef,
} from '../access/newsletter-access-policy';
import { notFound, secretariatOnly } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Newsletter } from '../database/entities/newsletters';
import { loadReadRef, loadScope, loadTargetDtos, targetOf } from './newsletters.queries';
import { webVersionUrl } from './newsletter-render';

/**
 * Loading one newsletter for whoever asks (with the access check) and showing it as the API
 * does: what writing, previewing, scheduling and reading newsletters share.
 */
@Injectable()
export class NewsletterLookup {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  requireWriter(actor: Actor): void {
    if (!canWriteNewsletters(actor))
      throw secretariatOnly('Only the secretariat writes and sends newsletters.');
  }

  byId(id: string): Promise<Newsletter> {
    return this.dataSource.getRepository(Newsletter).findOneByOrFail({ id });
  }

  /** A newsletter the secretariat works on; 404 for anyone else (they do not see drafts). */
  async forWriter(actor: Actor, id: string): Promise<Newsletter> {
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

  /** A newsletter the actor may read, with the facts that decided it. */
  async readable(actor: Actor, id: string): Promise<{ n: Newsletter; ref: NewsletterReadRef }> {
    const n = await this.dataSource.getRepository(Newsletter).findOneBy({ id });
    const ref = n ? await loadReadRef(this.em, n, actor) : null;
    if (!n || !ref || !canReadNewsletter(actor, ref)) {
      throw notFound('No such newsletter, or not one you may see.');
    }
    return { n, ref };
  }

  /** A target that is gone (the newsletter stays listed). */
  unknownTarget(): NewsletterTargetDto {
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

  toSummary(n: Newsletter, target: NewsletterTargetDto | undefined): NewsletterSummaryDto {
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

  async toDto(n: Newsletter, actor: Actor): Promise<NewsletterDto> {
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

import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type NewsletterPreviewDto, type NewsletterTestResult } from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import { AppException, fieldError } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { checkMergeFields } from './newsletter-checks';
import { NewsletterLookup } from './newsletter-lookup.service';
import { NewsletterDispatcher, type NewsletterRecipient } from './newsletter-ports';
import { loadScope } from './newsletters.queries';
import { renderCopy, sessionFor } from './newsletter-render';
import { loadRenderSource } from './newsletter-renderer.service';

/** The secretariat sees a newsletter as a village would get it, and sends itself a test copy. */
@Injectable()
export class NewsletterPreviewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dispatcher: NewsletterDispatcher,
    private readonly lookup: NewsletterLookup,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  async preview(actor: AuthUser, id: string, villageId?: string): Promise<NewsletterPreviewDto> {
    const n = await this.lookup.forWriter(actor, id);
    const source = await loadRenderSource(this.em, this.config, n);
    const recipient = this.sampleRecipient(actor, source.villages, source.sessions, villageId);
    const copy = renderCopy(source, { person: recipient, villageId: recipient.villageId });
    return { subject: copy.subject, html: copy.html, text: copy.text };
  }

  async test(actor: AuthUser, id: string, villageId?: string): Promise<NewsletterTestResult> {
    const n = await this.lookup.forWriter(actor, id);
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
}

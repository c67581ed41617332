import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NEWSLETTER_LIMITS,
  type NewsletterArchiveItemDto,
  type NewsletterDto,
  type NewsletterFailure,
  type NewsletterProgressDto,
  type NewsletterWebVersionDto,
  type Page,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canReadVillageCopy } from '../access/newsletter-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { writeCalendar } from '../calendar/ical-writer';
import { icsFileName, toCalendarEvent, words } from '../calendar/calendar-sessions';
import { loadCalendarSessions } from '../calendar/calendar.queries';
import { notFound } from '../common/app-exception';
import { pageWindow, toPage } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Newsletter } from '../database/entities/newsletters';
import { isSessionTarget } from './newsletter-checks';
import { verifiedVillage } from './newsletter-link';
import { NewsletterLookup } from './newsletter-lookup.service';
import { loadScope, loadTargetDtos } from './newsletters.queries';
import {
  archivePage,
  deliveryCounts,
  deliveryFailures,
  villageRef,
} from './newsletter-reading.queries';
import { renderCopy, sessionFor, webVersionUrl } from './newsletter-render';
import { loadRenderSource } from './newsletter-renderer.service';
import type { ArchiveQueryDto } from './newsletters.dto';

const NO_SUCH_COPY =
  'No such copy of this newsletter, or not one you may see. Open the link from your own newsletter mail.';

/** The ICS file for a newsletter's session, as the public calendar link serves it. */
export interface NewsletterIcsFile {
  body: string;
  fileName: string;
}

/**
 * Reading newsletters: one newsletter, the progress of sending, the members' archive, a sent
 * newsletter as a village's copy, and the public web version with its calendar file.
 */
@Injectable()
export class NewsletterReadingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lookup: NewsletterLookup,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  async get(actor: Actor, id: string): Promise<NewsletterDto> {
    const { n } = await this.lookup.readable(actor, id);
    return this.lookup.toDto(n, actor);
  }

  async progress(actor: Actor, id: string): Promise<NewsletterProgressDto> {
    const n = await this.lookup.forWriter(actor, id);
    const counts = await deliveryCounts(this.em, id);
    const failures = await deliveryFailures(this.em, id, NEWSLETTER_LIMITS.progressFailures);
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

  async archive(actor: AuthUser, query: ArchiveQueryDto): Promise<Page<NewsletterArchiveItemDto>> {
    const { skip, take } = pageWindow(query);
    if (query.villageId) {
      // Its links open that village's copy, so only for those who may read it.
      const village = await villageRef(this.em, query.villageId);
      if (!village || !canReadVillageCopy(actor, village)) {
        throw notFound('No such village, or not one whose newsletters you may read.');
      }
    }
    const { total, rows } = await archivePage(this.em, actor, {
      villageId: query.villageId ?? null,
      take,
      skip,
    });
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
        target: targets.get(r.id) ?? this.lookup.unknownTarget(),
        sentAt: r.sent_at ? r.sent_at.toISOString() : null,
        villageId,
        webUrl: webVersionUrl(this.config, r.web_token, villageId),
      };
    });
    return toPage(items, total, query);
  }

  /** A sent newsletter in the archive, as the reader's (or the asked) village's copy. */
  async read(actor: AuthUser, id: string, villageId?: string): Promise<NewsletterWebVersionDto> {
    const { n, ref } = await this.lookup.readable(actor, id);
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
}

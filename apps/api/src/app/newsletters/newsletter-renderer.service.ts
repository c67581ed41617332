import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NextStep } from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Newsletter } from '../database/entities/newsletters';
import { cardLessonIds } from './newsletter-blocks';
import { NewsletterRenderer, type PreparedNewsletter } from './newsletter-ports';
import { loadScope, loadTargetDtos, targetOf } from './newsletter-queries';
import {
  renderCopy,
  type LastSessionSteps,
  type LessonCard,
  type RenderSource,
  type SessionFacts,
} from './newsletter-render';

/** The published lessons cards name, with their module and course (others are left out). */
export async function loadLessonCards(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, LessonCard>> {
  if (!ids.length) return new Map();
  const rows = await em.query<
    {
      id: string;
      title: string;
      module_title: string;
      course_title: string;
      body: string;
      inspiration: boolean;
    }[]
  >(
    `SELECT l.id, l.title, m.title AS module_title, c.title AS course_title, l.body, l.inspiration
       FROM lessons l
       JOIN course_modules m ON m.id = l.module_id
       JOIN courses c ON c.id = m.course_id
      WHERE l.id = ANY($1::uuid[])
        -- Taken back since the newsletter was written: no card (the web version is public).
        AND l.published_at IS NOT NULL AND m.published_at IS NOT NULL AND c.published_at IS NOT NULL`,
    [ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        title: r.title,
        moduleTitle: r.module_title,
        courseTitle: r.course_title,
        summary: summaryOf(r.body),
        inspiration: r.inspiration,
      },
    ]),
  );
}

/** The first words of a lesson's text, as a card's teaser (at most about 200 characters). */
export function summaryOf(html: string): string {
  const text = html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= 200) return text;
  const cut = text.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 150)).trim()} …`;
}

/**
 * Per village: the next steps its village circle recorded at its last held session before the
 * village's session in scope (a session without recorded steps counts; an empty list shows the
 * typed steps instead).
 */
export async function loadLastSessionSteps(
  em: EntityManager,
  sessions: readonly SessionFacts[],
): Promise<Map<string, LastSessionSteps>> {
  const own = sessions.filter((s) => s.villageId);
  if (!own.length) return new Map();
  const rows = await em.query<
    { village_id: string; title: string; starts_at: Date; next_steps: NextStep[] }[]
  >(
    `SELECT DISTINCT ON (x.village_id) x.village_id, p.title, p.starts_at, p.next_steps
       FROM unnest($1::uuid[], $2::timestamptz[]) AS x(village_id, before)
       JOIN circles c ON c.village_id = x.village_id AND c.kind = 'village'
       JOIN circle_sessions p ON p.circle_id = c.id AND p.status = 'held' AND p.starts_at < x.before
      ORDER BY x.village_id, p.starts_at DESC, p.id`,
    [own.map((s) => s.villageId), own.map((s) => s.startsAt.toISOString())],
  );
  return new Map(
    rows.map((r) => [
      r.village_id,
      {
        title: r.title,
        startsAt: r.starts_at,
        steps: Array.isArray(r.next_steps) ? r.next_steps : [],
      },
    ]),
  );
}

/** Everything rendering a newsletter needs, in three or four queries. */
export async function loadRenderSource(
  em: EntityManager,
  config: Pick<AppConfig, 'publicUrl' | 'signingSecret'>,
  newsletter: Newsletter,
): Promise<RenderSource> {
  const [scope, targets, lessons] = await Promise.all([
    loadScope(em, newsletter),
    loadTargetDtos(em, [newsletter.id]),
    loadLessonCards(em, cardLessonIds(newsletter.blocks)),
  ]);
  const lastSteps = newsletter.blocks.some((b) => b.type === 'next_steps' && b.fromLastSession)
    ? await loadLastSessionSteps(em, scope.sessions)
    : undefined;
  return {
    lastSteps,
    publicUrl: config.publicUrl,
    signingSecret: config.signingSecret,
    newsletter: {
      id: newsletter.id,
      subject: newsletter.subject,
      preheader: newsletter.preheader,
      blocks: newsletter.blocks,
      webToken: newsletter.webToken,
      targetKind: targetOf(newsletter).kind,
      targetTitle: targets.get(newsletter.id)?.title ?? '',
    },
    lessons,
    villages: new Map(scope.villages.map((v) => [v.id, { id: v.id, name: v.name }])),
    sessions: scope.sessions,
  };
}

@Injectable()
export class NewsletterRendererService extends NewsletterRenderer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async prepare(newsletterId: string): Promise<PreparedNewsletter> {
    const newsletter = await this.dataSource
      .getRepository(Newsletter)
      .findOneBy({ id: newsletterId });
    if (!newsletter) throw notFound('No such newsletter.');
    const source = await loadRenderSource(this.dataSource.manager, this.config, newsletter);
    return {
      newsletterId,
      render: (recipient) =>
        renderCopy(source, { person: recipient, villageId: recipient.villageId }),
    };
  }
}

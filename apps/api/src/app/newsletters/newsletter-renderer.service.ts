import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Newsletter } from '../database/entities/newsletters';
import { cardLessonIds, surveyPurposes, villageCardIds } from './newsletter-blocks';
import { openSurveys } from './newsletter-surveys.queries';
import { villageCardRows } from './newsletter-cards.queries';
import { NewsletterRenderer, type PreparedNewsletter } from './newsletter-ports';
import {
  lessonCardRows,
  loadLastSessionSteps,
  loadScope,
  loadTargetDtos,
  targetOf,
} from './newsletters.queries';
import {
  renderCopy,
  type LessonCard,
  type RenderSource,
  type VillageCard,
} from './newsletter-render';

/** The published lessons cards name, with their module and course (others are left out). */
export async function loadLessonCards(
  em: EntityManager,
  ids: readonly string[],
): Promise<Map<string, LessonCard>> {
  if (!ids.length) return new Map();
  const rows = await lessonCardRows(em, ids);
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

/**
 * The goals and initiatives the village cards name, as they stand now: only of villages whose
 * plan is published (one taken down since leaves its card out, as a taken-back lesson does).
 */
export async function loadVillageCards(
  em: EntityManager,
  publicUrl: string,
  ids: { goalIds: string[]; initiativeIds: string[] },
): Promise<Map<string, VillageCard>> {
  const rows = await villageCardRows(em, ids.goalIds, ids.initiativeIds);
  return new Map(
    rows
      .filter((r) => r.plan_published && r.slug)
      .map((r): [string, VillageCard] => [
        `${r.kind}:${r.id}`,
        {
          kind: r.kind,
          id: r.id,
          title: r.title,
          status: r.status,
          villageName: r.village_name,
          pageUrl: `${publicUrl}/landsby/${r.slug}`,
          sdgs: (r.sdgs ?? []).map((sdg) => ({ number: Number(sdg.number), colour: sdg.colour })),
          indicator: r.indicator ?? '',
          baseline: r.baseline,
          targetValue: r.target_value,
          currentValue: r.current_value,
          progress: r.progress,
          milestoneWhat: r.milestone_what,
          milestoneDate: r.milestone_date,
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

/** Everything rendering a newsletter needs, in three to six queries. */
export async function loadRenderSource(
  em: EntityManager,
  config: Pick<AppConfig, 'publicUrl' | 'signingSecret'>,
  newsletter: Newsletter,
): Promise<RenderSource> {
  const [scope, targets, lessons, villageCards] = await Promise.all([
    loadScope(em, newsletter),
    loadTargetDtos(em, [newsletter.id]),
    loadLessonCards(em, cardLessonIds(newsletter.blocks)),
    loadVillageCards(em, config.publicUrl, villageCardIds(newsletter.blocks)),
  ]);
  const lastSteps = newsletter.blocks.some((b) => b.type === 'next_steps' && b.fromLastSession)
    ? await loadLastSessionSteps(em, scope.sessions)
    : undefined;
  const purposes = surveyPurposes(newsletter.blocks);
  const surveys = purposes.length
    ? await openSurveys(
        em,
        scope.villages.map((v) => v.id),
        purposes,
      )
    : [];
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
    villageCards,
    surveys: new Map(
      surveys.map((row) => [
        `${row.village_id}:${row.purpose}`,
        { id: row.id, title: row.title, publicToken: row.public_token },
      ]),
    ),
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

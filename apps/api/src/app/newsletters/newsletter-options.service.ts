import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NewsletterTargetKind,
  type NewsletterCardOption,
  type NewsletterTargetOption,
  type NewsletterVillageCardOption,
  type Page,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canAddVillageCard } from '../access/newsletter-card-access-policy';
import { notFound } from '../common/app-exception';
import { likePattern, pageWindow, toPage } from '../common/pagination';
import {
  isPlan,
  newsletterIdsFor,
  targetOptionPage,
  targetOptionRow,
} from './newsletter-editor.queries';
import { villageCardOptionPage } from './newsletter-cards.queries';
import { NewsletterLookup } from './newsletter-lookup.service';
import { cardOptionPage, loadScope } from './newsletters.queries';
import type {
  CardOptionsQueryDto,
  TargetsQueryDto,
  VillageCardOptionsQueryDto,
} from './newsletters.dto';

/** What the newsletter editor offers to pick: sessions to write for, and lessons for cards. */
@Injectable()
export class NewsletterOptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookup: NewsletterLookup,
  ) {}

  private get em(): EntityManager {
    return this.dataSource.manager;
  }

  /** Upcoming planned sessions and single circle sessions (not from a plan) to write for. */
  async targets(actor: Actor, query: TargetsQueryDto): Promise<Page<NewsletterTargetOption>> {
    this.lookup.requireWriter(actor);
    const { skip, take } = pageWindow(query);
    const { total, rows } = await targetOptionPage(this.em, {
      cohortId: query.cohortId ?? null,
      q: query.q?.trim() ? likePattern(query.q.trim()) : null,
      take,
      skip,
    });
    const items = await Promise.all(rows.map((r) => this.targetOption(r.kind, r.id)));
    return toPage(
      items.filter((i): i is NewsletterTargetOption => i !== null),
      total,
      query,
    );
  }

  /** One planned session (plan id) or circle session (session id) as a newsletter target. */
  async forSession(actor: Actor, id: string): Promise<NewsletterTargetOption> {
    this.lookup.requireWriter(actor);
    const option = await this.targetOption((await isPlan(this.em, id)) ? 'plan' : 'session', id);
    if (!option) throw notFound('No such planned session or circle session.');
    return option;
  }

  private async targetOption(
    kind: 'plan' | 'session',
    id: string,
  ): Promise<NewsletterTargetOption | null> {
    const row = await targetOptionRow(this.em, kind, id);
    if (!row) return null;
    const scope = await loadScope(
      this.em,
      kind === 'plan'
        ? { planId: id, sessionId: null, cohortId: null, villageId: null }
        : { planId: null, sessionId: id, cohortId: null, villageId: null },
    );
    const written = await newsletterIdsFor(this.em, kind, id);
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
      newsletterIds: written,
    };
  }

  /** Published lessons for lesson and video cards. */
  async cardOptions(actor: Actor, query: CardOptionsQueryDto): Promise<Page<NewsletterCardOption>> {
    this.lookup.requireWriter(actor);
    const { skip, take } = pageWindow(query);
    const { total, rows } = await cardOptionPage(this.em, {
      q: query.q?.trim() ? likePattern(query.q.trim()) : null,
      inspiration: query.inspiration === true,
      take,
      skip,
    });
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

  /**
   * Goals and initiatives of villages whose plan is published, for village cards. Newsletter
   * writers (the secretariat) read every village's goals; `canAddVillageCard` still guards each.
   */
  async villageCardOptions(
    actor: Actor,
    query: VillageCardOptionsQueryDto,
  ): Promise<Page<NewsletterVillageCardOption>> {
    this.lookup.requireWriter(actor);
    const { skip, take } = pageWindow(query);
    const { total, rows } = await villageCardOptionPage(this.em, {
      q: query.q?.trim() ? likePattern(query.q.trim()) : null,
      take,
      skip,
    });
    return toPage(
      rows
        .filter((r) =>
          canAddVillageCard(actor, r.kind, { id: r.village_id, municipalityId: r.municipality_id }),
        )
        .map((r) => ({
          kind: r.kind,
          id: r.id,
          title: r.title,
          villageId: r.village_id,
          villageName: r.village_name,
        })),
      total,
      query,
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  PUBLIC_FOCUS_AREAS_SHOWN,
  PUBLIC_GOALS_SHOWN,
  PUBLIC_INITIATIVES_SHOWN,
  type PlanContent,
  type PublicVillagePageDto,
  type StoryContent,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { notFound } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { planKind } from './kinds/plan.kind';
import { storyKind } from './kinds/story.kind';
import { planLiveParts } from './plan-live-parts';
import { writePlanPdf } from './plan-pdf';
import {
  findPublicPage,
  findPublishedImages,
  findSdgNames,
  type PublishedDocument,
} from './plans.queries';

const NOT_PUBLISHED =
  'This village has not published its plan, or there is no village at this address.';

export const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const DATE_DA = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
});

/**
 * A village's public page at `/landsby/<slug>`, for everyone, signed in or not: the published
 * plan with the village's goals (always current), and the published story. Never a draft; a
 * village that has published nothing (or took it down) has no page (a 404).
 */
@Injectable()
export class PublicPlansService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async page(slug: string): Promise<PublicVillagePageDto> {
    return (await this.read(slug)).page;
  }

  private async read(slug: string): Promise<{ page: PublicVillagePageDto; villageId: string }> {
    // What the slug column can hold (lower-case letters, digits, single hyphens), else nothing.
    if (slug.length > 80 || !SLUG.test(slug)) throw notFound(NOT_PUBLISHED);
    const row = await findPublicPage(this.dataSource.manager, slug, {
      goals: PUBLIC_GOALS_SHOWN,
      focusAreas: PUBLIC_FOCUS_AREAS_SHOWN,
      initiatives: PUBLIC_INITIATIVES_SHOWN,
    });
    if (!row || (!row.plan && !row.story)) throw notFound(NOT_PUBLISHED);
    const live = planLiveParts(row.goals, row.goal_count, row.focus_areas);
    const page: PublicVillagePageDto = {
      slug: row.slug,
      villageName: row.village_name,
      municipalityName: row.municipality_name,
      plan: row.plan ? publicVersion<PlanContent>(row.plan) : null,
      goals: live.goals,
      goalCount: live.goalCount,
      focusAreas: live.focusAreas,
      story: row.story ? publicVersion<StoryContent>(row.story) : null,
      pdfUrl: row.plan ? `/api/public/villages/${row.slug}/plan.pdf` : null,
    };
    return { page, villageId: row.village_id };
  }

  /** The published plan (with goals and story) as an A4 PDF. */
  async pdf(slug: string): Promise<{ pdf: Buffer; fileName: string }> {
    const { page, villageId } = await this.read(slug);
    if (!page.plan) throw notFound(NOT_PUBLISHED);
    const em = this.dataSource.manager;
    const sdgNames = await findSdgNames(em);
    const story = page.story ? storyKind.render(page.story.content) : null;
    const images = await findPublishedImages(
      em,
      villageId,
      (story ?? []).flatMap((block) => (block.type === 'image' ? [block.imageId] : [])),
    );
    const pdf = await writePlanPdf({
      villageName: page.villageName,
      municipalityName: page.municipalityName,
      versionLine: `Version ${page.plan.version}, offentliggjort ${DATE_DA.format(new Date(page.plan.publishedAt))}`,
      plan: planKind.render(page.plan.content),
      goals: page.goals,
      goalCount: page.goalCount,
      focusAreas: page.focusAreas,
      sdgNames,
      story,
      images,
      pageUrl: `${this.config.publicUrl}/landsby/${page.slug}`,
    });
    return { pdf, fileName: `udviklingsplan-${page.slug}.pdf` };
  }
}

function publicVersion<C>(doc: PublishedDocument) {
  return {
    version: doc.version,
    revision: doc.revision,
    content: doc.content as C,
    publishedAt: doc.publishedAt,
    publishedBy: null,
  };
}

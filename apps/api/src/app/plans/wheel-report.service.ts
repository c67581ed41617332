import { Injectable } from '@nestjs/common';
import {
  DocumentKind,
  type GenerateReportResultDto,
  type PublicWheelDto,
  type ReportContent,
  type VillageDocumentDto,
  type WheelContent,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { notFound } from '../common/app-exception';
import { PlansService } from './plans.service';
import { SLUG } from './public-plans.service';
import { generateReport, mergeReport, toReportSurvey } from './report-draft';
import { writeWheelCalendar } from './wheel-calendar';
import {
  findPublicWheel,
  findReportFocusAreas,
  findReportGoals,
  findReportIdeaLists,
  findReportGatherings,
  findReportSessions,
  findReportSurveys,
} from './wheel-report.queries';

const NO_WHEEL = 'This village has not published an annual wheel, or there is no village here.';

/**
 * What the annual wheel and the annual report add to the living-documents core: the report's
 * "Lav udkast" from the village's data, and the published wheel at the village's public address,
 * as JSON and as an iCal feed.
 */
@Injectable()
export class WheelReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: PlansService,
  ) {}

  /**
   * Makes the year's report draft from the village's data. Sections rewritten by hand are kept
   * (and named in `keptEdited`) unless `replaceEdited`; sections the village added stay.
   */
  async generateReport(
    actor: Actor,
    villageId: string,
    year: number | undefined,
    body: { revision: number; replaceEdited?: boolean },
  ): Promise<GenerateReportResultDto> {
    const { document, result } = await this.plans.rewriteDraft<ReportContent, string[]>(
      actor,
      { villageId, kind: DocumentKind.Report, year },
      body.revision,
      async (em, current, village) => {
        const y = year as number;
        const fresh = generateReport({
          villageName: village.name,
          year: y,
          goals: await findReportGoals(em, village.id, y),
          focusAreas: await findReportFocusAreas(em, village.id, y),
          sessions: await findReportSessions(em, village.id, y),
          surveys: (await findReportSurveys(em, village.id, y)).map(toReportSurvey),
          ideaLists: await findReportIdeaLists(em, village.id, y),
          gatherings: await findReportGatherings(em, village.id, y),
        });
        const merged = mergeReport(current, fresh, !!body.replaceEdited);
        const kept = merged.keptEdited;
        const summary = kept.length
          ? `Udkast lavet igen ud fra landsbyens data for ${y}; rettede afsnit bevaret: ${kept.map((t) => `»${t}«`).join(', ')}`
          : `Udkast lavet ud fra landsbyens data for ${y}`;
        return { content: merged.content, summary, result: kept };
      },
    );
    return { document: document as VillageDocumentDto<ReportContent>, keptEdited: result };
  }

  async publicWheel(slug: string): Promise<PublicWheelDto> {
    const row = await this.findWheel(slug);
    return {
      slug: row.slug,
      villageName: row.village_name,
      version: row.version,
      publishedAt: row.published_at.toISOString(),
      content: row.content as WheelContent,
      icsUrl: `/api/public/villages/${row.slug}/wheel.ics`,
    };
  }

  /** The published wheel as iCal, its events starting in the current year. */
  async wheelCalendar(slug: string, now = new Date()): Promise<string> {
    const row = await this.findWheel(slug);
    return writeWheelCalendar({
      villageName: row.village_name,
      villageId: row.village_id,
      content: row.content as WheelContent,
      version: row.version,
      publishedAt: row.published_at,
      year: Number(now.toLocaleString('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' })),
      now,
    });
  }

  private async findWheel(slug: string) {
    if (slug.length > 80 || !SLUG.test(slug)) throw notFound(NO_WHEEL);
    const row = await findPublicWheel(this.dataSource.manager, slug);
    if (!row) throw notFound(NO_WHEEL);
    return row;
  }
}

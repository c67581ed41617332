import { Injectable } from '@nestjs/common';
import type {
  AttendanceHistoryEntry,
  Page,
  SessionSummaryDto,
  VillageAttendanceRow,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { canReadPerson, type Actor } from '../access/access-policy';
import { canReadCircle, takesPartInCircles } from '../access/circle-access-policy';
import { loadCircleRefs } from '../circles/circles.queries';
import { notFound } from '../common/app-exception';
import { likePattern, pageWindow, PageQueryDto, toPage } from '../common/pagination';
import type { MySessionsQueryDto } from './participation.dto';
import {
  attendanceHistoryRows,
  mySessionRows,
  nextSessionRow,
  type MySessionRow,
  personFacts,
  villageAttendanceRows,
  villageCircleIds,
} from './participation.queries';
import { summaryOf } from './session-rows';

/**
 * The number of rows in all from a page's first row (`count(*) OVER ()`); past the last page,
 * where there is no row to say it, from a second look at the first row.
 */
async function totalOf(
  rows: readonly { total: number }[],
  skip: number,
  firstRow: () => Promise<readonly { total: number }[]>,
): Promise<number> {
  if (rows.length) return rows[0].total;
  return skip > 0 ? ((await firstRow())[0]?.total ?? 0) : 0;
}

/** A session of the person's own list (or the home page's next one); members and guests answer. */
export function mySessionSummary(row: MySessionRow): SessionSummaryDto {
  return summaryOf(row, row.part === 'member' || row.part === 'guest');
}

/**
 * Sessions seen from a person: their own upcoming and past sessions, the next one for the home
 * page, and attendance history per person and per village.
 */
@Injectable()
export class MySessionsService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The sessions of the circles the actor takes part in (for the secretariat: the circles they
   * lead). Upcoming: not yet ended, soonest first, cancelled ones included so the cancellation
   * is seen. Past: newest first.
   */
  async mySessions(actor: Actor, query: MySessionsQueryDto): Promise<Page<SessionSummaryDto>> {
    const em = this.dataSource.manager;
    const { skip, take } = pageWindow(query);
    const filter = { upcoming: (query.when ?? 'upcoming') === 'upcoming', byTitle: !!query.q };
    const rows = await mySessionRows(em, actor, filter, {
      q: query.q ? likePattern(query.q) : null,
      take,
      skip,
    });
    const total = await totalOf(rows, skip, () =>
      mySessionRows(em, actor, filter, { q: null, take: 1, skip: 0 }),
    );
    return toPage(rows.map(mySessionSummary), total, query);
  }

  /** The actor's next session that is neither over nor cancelled (the home page), in one query. */
  async nextSession(actor: Actor): Promise<SessionSummaryDto | null> {
    if (!takesPartInCircles(actor)) return null;
    const row = await nextSessionRow(this.dataSource.manager, actor);
    return row ? mySessionSummary(row) : null;
  }

  /**
   * A person's attendance over the sessions that have started (cancelled ones left out) in the
   * circles they take part in or were recorded at, limited to circles the actor may read.
   * Newest first. 404 when the actor may not read the person.
   */
  async personHistory(
    actor: Actor,
    personId: string,
    query: PageQueryDto,
  ): Promise<Page<AttendanceHistoryEntry>> {
    const em = this.dataSource.manager;
    const person = await personFacts(em, personId);
    if (
      !person ||
      !canReadPerson(actor, {
        id: person.id,
        role: person.role,
        municipalityId: person.municipality_id,
        villageId: person.village_id,
      })
    ) {
      throw notFound('No such person, or not one you may see.');
    }
    const { skip, take } = pageWindow(query);
    const rows = await attendanceHistoryRows(em, actor, personId, take, skip);
    const total = await totalOf(rows, skip, () => attendanceHistoryRows(em, actor, personId, 1, 0));
    return toPage(
      rows.map((r) => ({
        sessionId: r.id,
        title: r.title,
        startsAt: r.starts_at.toISOString(),
        circleKind: r.kind,
        villageName: r.village_name,
        sessionStatus: r.session_status,
        status: r.status,
      })),
      total,
      query,
    );
  }

  /**
   * Per member and guest of the village's circle(s): how often present, absent and excused
   * across the held sessions, sorted by name. 404 unless the actor may read a village circle.
   */
  async villageAttendance(
    actor: Actor,
    villageId: string,
    query: PageQueryDto,
  ): Promise<Page<VillageAttendanceRow>> {
    const em = this.dataSource.manager;
    const refs = await loadCircleRefs(em, await villageCircleIds(em, villageId));
    const readable = [...refs].filter(([, ref]) => canReadCircle(actor, ref)).map(([id]) => id);
    if (!readable.length) throw notFound('No such village circle, or not one you may see.');
    const { skip, take } = pageWindow(query);
    const rows = await villageAttendanceRows(em, readable, take, skip);
    const total = await totalOf(rows, skip, () => villageAttendanceRows(em, readable, 1, 0));
    return toPage(
      rows.map((r) => ({
        person: { id: r.id, name: r.name, email: r.email },
        part: r.part,
        present: r.present,
        absent: r.absent,
        excused: r.excused,
        held: r.held,
      })),
      total,
      query,
    );
  }
}

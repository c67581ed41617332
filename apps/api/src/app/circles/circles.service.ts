import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type CircleDto,
  type CircleGridResponse,
  type CircleSummaryDto,
  type GridCell,
  type Page,
  type PlanSessionDto,
  type SessionSummaryDto,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { canManageCircle, canRsvp, circlePartOf } from '../access/circle-access-policy';
import { fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { pageWindow, PageQueryDto, toPage } from '../common/pagination';
import { Circle, CircleSession } from '../database/entities';
import { circleRefOf, type CircleRefColumns } from './circle-ref.queries';
import { CircleSync, noChanges } from './circle-sync.service';
import type { CirclesQueryDto, UpdateCircleBody } from './circles.dto';
import {
  findReadableCircleRow,
  findReadableCohort,
  isActiveSecretariat,
  listCircles,
  loadGrid,
  planPage,
  rsvpAnswers,
  touchSessionsInRoom,
  type CircleRow,
} from './circles.queries';
import { toSessionSummary } from './session-summary';

function toSummary(r: CircleRow): CircleSummaryDto {
  return {
    id: r.id,
    kind: r.kind,
    cohortId: r.cohort_id,
    cohortName: r.cohort_name,
    villageId: r.village_id,
    villageName: r.village_name,
    municipalityName: r.municipality_name,
    facilitator:
      r.facilitator_id && r.facilitator_name !== null
        ? { id: r.facilitator_id, name: r.facilitator_name, email: r.facilitator_email ?? '' }
        : null,
    roomUrl: r.room_url,
    memberCount: r.member_count,
    archived: r.archived,
    nextSession:
      r.next_id && r.next_title !== null && r.next_starts_at && r.next_ends_at && r.next_status
        ? {
            id: r.next_id,
            title: r.next_title,
            startsAt: r.next_starts_at.toISOString(),
            endsAt: r.next_ends_at.toISOString(),
            status: r.next_status,
          }
        : null,
    attendance: {
      held: r.held,
      presentRate: r.recorded > 0 ? r.present / r.recorded : null,
    },
  };
}

/** Reading circles, their sessions, a cohort's plan and grid; changing a circle's room or facilitator. */
@Injectable()
export class CirclesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly circleSync: CircleSync,
  ) {}

  async list(actor: Actor, query: CirclesQueryDto): Promise<Page<CircleSummaryDto>> {
    const { skip, take } = pageWindow(query);
    const { rows, total } = await listCircles(this.dataSource.manager, actor, query, skip, take);
    return toPage(rows.map(toSummary), total, query);
  }

  async get(actor: Actor, id: string): Promise<CircleDto> {
    const row = await this.readableRow(actor, id);
    const part = circlePartOf(actor, circleRefOf(row.kind, row));
    if (!part) throw notFound('Circle not found.');
    return { ...toSummary(row), myPart: part, canEdit: canManageCircle(actor) };
  }

  async update(actor: Actor, id: string, body: UpdateCircleBody): Promise<CircleDto> {
    const row = await this.readableRow(actor, id);
    if (!canManageCircle(actor)) throw secretariatOnly('Only the secretariat changes circles.');
    if (body.facilitatorId) {
      if (!(await isActiveSecretariat(this.dataSource.manager, body.facilitatorId))) {
        throw fieldError(
          ErrorCode.UnknownReference,
          'facilitatorId',
          'The facilitator must be an active member of the secretariat.',
        );
      }
    }
    const roomChanged = body.roomUrl !== undefined && body.roomUrl !== row.room_url;
    const changed = await this.dataSource.transaction(async (em) => {
      const set: Partial<Pick<Circle, 'roomUrl' | 'facilitatorId'>> = {};
      if (body.roomUrl !== undefined) set.roomUrl = body.roomUrl;
      if (body.facilitatorId !== undefined) set.facilitatorId = body.facilitatorId;
      if (Object.keys(set).length) await em.getRepository(Circle).update(id, set);
      if (!roomChanged) return [];
      return touchSessionsInRoom(em, id);
    });
    await this.circleSync.announce({ ...noChanges(), changed });
    return this.get(actor, id);
  }

  /** A circle's sessions, soonest first, with the asker's answers. */
  async sessions(
    actor: Actor,
    circleId: string,
    query: PageQueryDto,
  ): Promise<Page<SessionSummaryDto>> {
    const row = await this.readableRow(actor, circleId);
    const takesPart = canRsvp(actor, circleRefOf(row.kind, row));
    const { skip, take } = pageWindow(query);
    const [sessions, total] = await this.dataSource.getRepository(CircleSession).findAndCount({
      where: { circleId },
      order: { startsAt: 'ASC', id: 'ASC' },
      skip,
      take,
    });
    const answers = takesPart
      ? await rsvpAnswers(
          this.dataSource.manager,
          actor.id,
          sessions.map((s) => s.id),
        )
      : new Map();
    const now = new Date();
    const info = {
      kind: row.kind,
      cohortName: row.cohort_name,
      villageName: row.village_name,
      roomUrl: row.room_url,
      askerTakesPart: takesPart,
    };
    return toPage(
      sessions.map((s) => toSessionSummary(s, info, answers.get(s.id) ?? null, now)),
      total,
      query,
    );
  }

  /** A cohort's plan slots in time order. */
  async plan(actor: Actor, cohortId: string, query: PageQueryDto): Promise<Page<PlanSessionDto>> {
    await this.readableCohort(actor, cohortId);
    const { skip, take } = pageWindow(query);
    const { items, total } = await planPage(this.dataSource.manager, cohortId, skip, take);
    return toPage(items, total, query);
  }

  /**
   * Villages × sessions: every plan slot of the cohort as a column, the circles the asker may read
   * as rows (paginated), with status and attendance per cell. Five queries whatever the size.
   */
  async grid(actor: Actor, cohortId: string, query: PageQueryDto): Promise<CircleGridResponse> {
    const cohort = await this.readableCohort(actor, cohortId);
    const { page, pageSize, skip, take } = pageWindow(query);
    const { columns, rows, total, cells, members } = await loadGrid(
      this.dataSource.manager,
      actor,
      cohortId,
      skip,
      take,
    );
    const memberCount = new Map(members.map((m) => [m.circle_id, m.n]));
    const cellAt = new Map(cells.map((c) => [`${c.circle_id}:${c.plan_id}`, c]));
    return {
      cohort,
      columns: columns.map((c) => ({
        planId: c.id,
        title: c.title,
        startsAt: c.starts_at.toISOString(),
        circleKind: c.circle_kind,
      })),
      rows: {
        items: rows.map((r) => ({
          circleId: r.id,
          kind: r.kind,
          villageId: r.village_id,
          villageName: r.village_name,
          municipalityName: r.municipality_name,
          cells: columns.map((col): GridCell | null => {
            const c = cellAt.get(`${r.id}:${col.id}`);
            return c
              ? {
                  sessionId: c.id,
                  planId: c.plan_id,
                  startsAt: c.starts_at.toISOString(),
                  status: c.status,
                  present: c.present,
                  recorded: c.recorded,
                  memberCount: memberCount.get(r.id) ?? 0,
                }
              : null;
          }),
        })),
        total,
        page,
        pageSize,
      },
    };
  }

  /** The circle with its facts for the access policy, or a 404 when the actor may not read it. */
  private async readableRow(actor: Actor, id: string): Promise<CircleRow & CircleRefColumns> {
    const row = await findReadableCircleRow(this.dataSource.manager, actor, id);
    if (!row) throw notFound('Circle not found.');
    return row;
  }

  private async readableCohort(
    actor: Actor,
    cohortId: string,
  ): Promise<{ id: string; name: string }> {
    const cohort = await findReadableCohort(this.dataSource.manager, actor, cohortId);
    if (!cohort) throw notFound('Cohort not found.');
    return cohort;
  }
}

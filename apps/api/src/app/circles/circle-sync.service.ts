import { Inject, Injectable } from '@nestjs/common';
import { CircleKind } from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import { facilitatesEveryCircle } from '../access/circle-access-policy';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { SessionEvents } from './session-events';
import { roomUrl } from './session-rules';

/** Sessions a write touched, announced on the SessionEvents bus once it is committed. */
export interface SessionChanges {
  scheduled: string[];
  cancelled: string[];
  changed: string[];
}

/**
 * Rows an `UPDATE … RETURNING` gave back. (TypeORM's query() answers an UPDATE with
 * `[rows, affected]` rather than the rows.)
 */
export async function updateReturning<T extends object[]>(
  em: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T> {
  const result: unknown = await em.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T;
  }
  return result as T;
}

export const noChanges = (): SessionChanges => ({ scheduled: [], cancelled: [], changed: [] });

export function mergeChanges(...all: SessionChanges[]): SessionChanges {
  return {
    scheduled: all.flatMap((c) => c.scheduled),
    cancelled: all.flatMap((c) => c.cancelled),
    changed: all.flatMap((c) => c.changed),
  };
}

/**
 * Keeps a cohort's circles in step with its villages: one village circle per village and one
 * coordinator circle, created on demand. A village that leaves keeps its circle (archived, with
 * its history) and loses its future sessions; one that comes back gets them again; a new one gets
 * sessions for the plan slots still ahead. Runs inside the caller's transaction.
 */
@Injectable()
export class CircleSync {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: SessionEvents,
  ) {}

  async syncCohort(
    em: EntityManager,
    cohortId: string,
    actor: Actor | null,
  ): Promise<SessionChanges> {
    // One sync or plan write per cohort at a time.
    await em.query(`SELECT id FROM cohorts WHERE id = $1 FOR UPDATE`, [cohortId]);
    const villages = await em.query<{ id: string; name: string }[]>(
      `SELECT id, name FROM villages WHERE cohort_id = $1`,
      [cohortId],
    );
    const circles = await em.query<
      { id: string; kind: CircleKind; village_id: string | null; archived: boolean }[]
    >(
      `SELECT id, kind, village_id, archived_at IS NOT NULL AS archived
         FROM circles WHERE cohort_id = $1`,
      [cohortId],
    );
    const inCohort = new Set(villages.map((v) => v.id));
    const facilitatorId = actor && facilitatesEveryCircle(actor) ? actor.id : null;

    const toCreate = villages
      .filter((v) => !circles.some((c) => c.village_id === v.id))
      .map((v) => ({ kind: CircleKind.Village, villageId: v.id as string | null, name: v.name }));
    if (!circles.some((c) => c.kind === CircleKind.Coordinator)) {
      toCreate.push({ kind: CircleKind.Coordinator, villageId: null, name: 'koordinatorer' });
    }
    let created: string[] = [];
    if (toCreate.length) {
      const rows = await em.query<{ id: string }[]>(
        `INSERT INTO circles (cohort_id, kind, village_id, facilitator_id, room_url)
         SELECT $1, k, v, $2, r FROM unnest($3::varchar[], $4::uuid[], $5::varchar[]) AS t(k, v, r)
         RETURNING id`,
        [
          cohortId,
          facilitatorId,
          toCreate.map((c) => c.kind),
          toCreate.map((c) => c.villageId),
          toCreate.map((c) =>
            roomUrl(this.config.circles.meetingRoomBaseUrl, c.name, randomBytes(4).toString('hex')),
          ),
        ],
      );
      created = rows.map((r) => r.id);
    }

    const rejoined = circles
      .filter((c) => c.archived && c.village_id !== null && inCohort.has(c.village_id))
      .map((c) => c.id);
    let restored: string[] = [];
    if (rejoined.length) {
      // Sessions ahead that were cancelled because the village left come back.
      const rows = await updateReturning<{ id: string }[]>(
        em,
        `UPDATE circle_sessions s
            SET status = 'planned', cancelled_at = NULL, sequence = s.sequence + 1, updated_at = now()
           FROM circles c
          WHERE c.id = s.circle_id AND s.circle_id = ANY($1::uuid[]) AND s.status = 'cancelled'
            AND s.cancelled_at >= c.archived_at AND s.starts_at > now()
          RETURNING s.id`,
        [rejoined],
      );
      restored = rows.map((r) => r.id);
      await em.query(
        `UPDATE circles SET archived_at = NULL, updated_at = now() WHERE id = ANY($1::uuid[])`,
        [rejoined],
      );
    }

    // Village circles whose village is no longer in their cohort (left it, or moved to another).
    const archivedRows = await updateReturning<{ id: string }[]>(
      em,
      `UPDATE circles c SET archived_at = now(), updated_at = now()
         FROM villages v
        WHERE v.id = c.village_id AND c.kind = 'village' AND c.archived_at IS NULL
          AND v.cohort_id IS DISTINCT FROM c.cohort_id
        RETURNING c.id`,
    );
    let cancelled: string[] = [];
    if (archivedRows.length) {
      const rows = await updateReturning<{ id: string }[]>(
        em,
        `UPDATE circle_sessions
            SET status = 'cancelled', cancelled_at = now(), sequence = sequence + 1, updated_at = now()
          WHERE circle_id = ANY($1::uuid[]) AND status = 'planned' AND starts_at > now()
          RETURNING id`,
        [archivedRows.map((r) => r.id)],
      );
      cancelled = rows.map((r) => r.id);
    }

    let scheduled: string[] = [];
    const joining = [...created, ...rejoined];
    if (joining.length) {
      // Plan slots still ahead and not cancelled as a whole reach the circles that joined.
      const rows = await em.query<{ id: string }[]>(
        `INSERT INTO circle_sessions
           (circle_id, plan_id, title, phase, topic, starts_at, ends_at, agenda, materials)
         SELECT c.id, p.id, p.title, p.phase, p.topic, p.starts_at, p.ends_at, p.agenda, p.materials
           FROM circles c
           JOIN session_plans p ON p.cohort_id = c.cohort_id AND p.circle_kind = c.kind
          WHERE c.id = ANY($1::uuid[]) AND p.starts_at > now()
            AND NOT (EXISTS (SELECT 1 FROM circle_sessions o WHERE o.plan_id = p.id)
                     AND NOT EXISTS (SELECT 1 FROM circle_sessions o
                                      WHERE o.plan_id = p.id AND o.status <> 'cancelled'))
         ON CONFLICT (plan_id, circle_id) DO NOTHING
         RETURNING id`,
        [joining],
      );
      scheduled = rows.map((r) => r.id);
    }
    return { scheduled: [...scheduled, ...restored], cancelled, changed: [] };
  }

  /** Tells the followers of sessions (reminders) what changed; call after the commit. */
  async announce(changes: SessionChanges): Promise<void> {
    await this.events.emit({ kind: 'cancelled', sessionIds: changes.cancelled });
    await this.events.emit({ kind: 'scheduled', sessionIds: changes.scheduled });
    await this.events.emit({ kind: 'changed', sessionIds: changes.changed });
  }
}

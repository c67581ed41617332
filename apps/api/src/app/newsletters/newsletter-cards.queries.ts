import type { GoalStatus, InitiativeStatus } from '@blup/contracts';
import type { EntityManager } from 'typeorm';

/**
 * A village goal or initiative as a newsletter card shows it, with what the rules need: the
 * village (for the access check) and whether its development plan is published (only then is
 * the card allowed, and drawn). Read from the goals' and initiatives' tables in SQL; the
 * newsletters module imports neither module.
 */
export interface VillageCardRow {
  kind: 'goal' | 'initiative';
  id: string;
  title: string;
  status: GoalStatus | InitiativeStatus;
  village_id: string;
  village_name: string;
  municipality_id: string;
  slug: string | null;
  plan_published: boolean;
  /** Goals: the SDGs with their UN colours, by number. */
  sdgs: { number: number; colour: string }[] | null;
  indicator: string | null;
  baseline: number | null;
  target_value: number | null;
  current_value: number | null;
  /** Initiatives: 0–100 and the next milestone. */
  progress: number | null;
  milestone_what: string | null;
  milestone_date: string | null;
}

/** The goals and initiatives the cards name, in one statement (unknown ids are left out). */
export async function villageCardRows(
  em: EntityManager,
  goalIds: readonly string[],
  initiativeIds: readonly string[],
): Promise<VillageCardRow[]> {
  if (!goalIds.length && !initiativeIds.length) return [];
  return em.query<VillageCardRow[]>(
    `WITH c AS (
       SELECT 'goal' AS kind, g.id, g.title, g.status, g.village_id,
              (SELECT json_agg(json_build_object('number', s.number, 'colour', s.colour)
                               ORDER BY s.number)
                 FROM sdgs s WHERE s.number = ANY (g.sdgs)) AS sdgs,
              g.indicator, g.baseline::float8 AS baseline, g.target_value::float8 AS target_value,
              g.current_value::float8 AS current_value, NULL::int AS progress,
              NULL::text AS milestone_what, NULL::text AS milestone_date
         FROM village_goals g WHERE g.id = ANY ($1::uuid[])
       UNION ALL
       SELECT 'initiative', i.id, i.title, i.status, i.village_id, NULL::json, NULL, NULL, NULL,
              NULL, i.progress::int, i.milestone_what, to_char(i.milestone_date, 'YYYY-MM-DD')
         FROM initiatives i WHERE i.id = ANY ($2::uuid[]))
     SELECT c.*, v.name AS village_name, v.municipality_id, p.slug,
            EXISTS (SELECT 1 FROM village_documents d
                     WHERE d.village_id = c.village_id AND d.kind = 'plan' AND d.year = 0
                       AND d.published_version IS NOT NULL) AS plan_published
       FROM c JOIN villages v ON v.id = c.village_id
       LEFT JOIN village_public_pages p ON p.village_id = c.village_id`,
    [goalIds, initiativeIds],
  );
}

export interface VillageCardOptionRow {
  kind: 'goal' | 'initiative';
  id: string;
  title: string;
  village_id: string;
  village_name: string;
  municipality_id: string;
}

/**
 * One page of the goals and initiatives of villages whose plan is published, for the editor's
 * picker (by village, goals before initiatives, as written), matching `q` in the title or the
 * village's name; and the total.
 */
export async function villageCardOptionPage(
  em: EntityManager,
  filter: { q: string | null; take: number; skip: number },
): Promise<{ total: number; rows: VillageCardOptionRow[] }> {
  const items = `WITH items AS (
       SELECT 'goal' AS kind, g.id, g.title, g.village_id, g.created_at FROM village_goals g
       UNION ALL
       SELECT 'initiative', i.id, i.title, i.village_id, i.created_at FROM initiatives i)
     SELECT %COLUMNS% FROM items x JOIN villages v ON v.id = x.village_id
      WHERE EXISTS (SELECT 1 FROM village_documents d
                     WHERE d.village_id = v.id AND d.kind = 'plan' AND d.year = 0
                       AND d.published_version IS NOT NULL)
        AND ($1::text IS NULL OR x.title ILIKE $1 ESCAPE '\\' OR v.name ILIKE $1 ESCAPE '\\')`;
  const [{ total }] = await em.query<{ total: number }[]>(
    items.replace('%COLUMNS%', 'count(*)::int AS total'),
    [filter.q],
  );
  const rows = await em.query<VillageCardOptionRow[]>(
    `${items.replace('%COLUMNS%', 'x.kind, x.id, x.title, v.id AS village_id, v.name AS village_name, v.municipality_id')}
      ORDER BY v.name, v.id, x.kind DESC, x.created_at, x.id LIMIT $2 OFFSET $3`,
    [filter.q, filter.take, filter.skip],
  );
  return { total, rows };
}

/**
 * The goal summary's one statement (run by `goalSummary` in `goals.queries.ts`) for the villages
 * whose `column` is $1: a municipality's or a cohort's. No runtime imports, so
 * `tools/lib/bare-sql-server.mjs` (the bench's bare twin) imports it directly under Node's type
 * stripping instead of holding a copy.
 */
export function goalSummaryStatement(column: 'municipality_id' | 'cohort_id'): string {
  return `WITH v AS (SELECT id FROM villages WHERE ${column} = $1),
          g AS (SELECT g.id, g.village_id, g.sdgs, g.status
                  FROM village_goals g JOIN v ON v.id = g.village_id),
          per_sdg AS (
            SELECT s.number::int AS number, count(DISTINCT x.id)::int AS goals,
                   count(DISTINCT x.village_id)::int AS villages
              FROM sdgs s
              LEFT JOIN (SELECT g.id, g.village_id, unnest(g.sdgs) AS sdg FROM g) x
                ON x.sdg = s.number
             GROUP BY s.number),
          per_status AS (SELECT status, count(*)::int AS goals FROM g GROUP BY status),
          i AS (SELECT i.status FROM initiatives i JOIN v ON v.id = i.village_id),
          per_initiative_status AS (SELECT status, count(*)::int AS initiatives FROM i GROUP BY status)
     SELECT (SELECT count(*)::int FROM v) AS villages,
            (SELECT count(DISTINCT village_id)::int FROM g) AS villages_with_goals,
            (SELECT count(*)::int FROM g) AS goals,
            (SELECT json_agg(per_sdg ORDER BY number) FROM per_sdg) AS by_sdg,
            (SELECT coalesce(json_agg(per_status), '[]'::json) FROM per_status) AS by_status,
            (SELECT count(*)::int FROM i) AS initiatives,
            (SELECT coalesce(json_agg(per_initiative_status), '[]'::json)
               FROM per_initiative_status) AS initiatives_by_status`;
}

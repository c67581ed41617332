/**
 * The public page's one statement (run by `findPublicPage` in `plans.queries.ts`): $1 the slug,
 * $2 at most this many goals, $3 focus areas, $4 initiatives per focus area. `rollUp` is the
 * initiatives module's `ROLL_UP` (a focus area `f`'s weighted progress), passed in so this file
 * has no runtime imports: `tools/lib/bare-sql-server.mjs` (the bench's bare twin) imports it
 * directly under Node's type stripping instead of holding a copy.
 */
export function publicPageStatement(rollUp: string): string {
  return `WITH page AS (
       SELECT p.village_id, p.slug, v.name AS village_name, m.name AS municipality_name
         FROM village_public_pages p
         JOIN villages v ON v.id = p.village_id
         JOIN municipalities m ON m.id = v.municipality_id
        WHERE p.slug = $1),
     published AS (
       SELECT d.kind, json_build_object('version', x.version, 'revision', x.revision,
                'content', x.content,
                'publishedAt', to_char(x.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) AS doc
         FROM page
         JOIN village_documents d ON d.village_id = page.village_id AND d.year = 0
              AND d.kind IN ('plan', 'story') AND d.published_version IS NOT NULL
         JOIN village_document_versions x ON x.document_id = d.id AND x.version = d.published_version)
     SELECT page.*,
            (SELECT doc FROM published WHERE kind = 'plan') AS plan,
            (SELECT doc FROM published WHERE kind = 'story') AS story,
            CASE WHEN EXISTS (SELECT 1 FROM published WHERE kind = 'plan')
              THEN (SELECT count(*)::int FROM village_goals WHERE village_id = page.village_id)
              ELSE 0 END AS goal_count,
            CASE WHEN EXISTS (SELECT 1 FROM published WHERE kind = 'plan') THEN coalesce((
              SELECT json_agg(json_build_object('id', g.id, 'title', g.title, 'why', g.why,
                       'sdgs', g.sdgs,
                       -- A working group is named; a person with an account is not (no people in public).
                       'owner', coalesce((SELECT title FROM initiatives WHERE id = g.owner_initiative_id),
                                         g.owner),
                       'horizon', to_char(g.horizon, 'YYYY-MM-DD'), 'indicator', g.indicator,
                       'baseline', g.baseline::float8, 'targetValue', g.target_value::float8,
                       'currentValue', g.current_value::float8, 'status', g.status)
                     ORDER BY g.created_at, g.id)
                FROM (SELECT * FROM village_goals WHERE village_id = page.village_id
                       ORDER BY created_at, id LIMIT $2) g), '[]'::json)
              ELSE '[]'::json END AS goals,
            CASE WHEN EXISTS (SELECT 1 FROM published WHERE kind = 'plan') THEN coalesce((
              SELECT json_agg(json_build_object('id', f.id, 'name', f.name,
                       'description', f.description, 'progress', ${rollUp},
                       'initiativeCount', (SELECT count(*)::int FROM initiatives n
                                            WHERE n.focus_area_id = f.id),
                       'initiatives', (
                         SELECT coalesce(json_agg(json_build_object('id', n.id, 'title', n.title,
                                  'status', n.status, 'progress', n.progress::int,
                                  'milestoneWhat', n.milestone_what,
                                  'milestoneDate', to_char(n.milestone_date, 'YYYY-MM-DD'),
                                  'goals', (
                                    SELECT coalesce(json_agg(json_build_object('id', g.id, 'title', g.title)
                                             ORDER BY g.created_at, g.id), '[]'::json)
                                      FROM initiative_goals ig JOIN village_goals g ON g.id = ig.goal_id
                                     WHERE ig.initiative_id = n.id))
                                ORDER BY n.created_at, n.id), '[]'::json)
                           FROM (SELECT * FROM initiatives WHERE focus_area_id = f.id
                                  ORDER BY created_at, id LIMIT $4) n))
                     ORDER BY f.position, f.created_at, f.id)
                FROM (SELECT * FROM focus_areas WHERE village_id = page.village_id
                       ORDER BY position, created_at, id LIMIT $3) f), '[]'::json)
              ELSE '[]'::json END AS focus_areas
       FROM page`;
}

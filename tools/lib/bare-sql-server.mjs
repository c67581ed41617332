// The honest limit for bench.mjs's read endpoints: a bare Node http server that runs the same
// SQL as the API through `pg` (a pool as large as the API's) and answers the same JSON, with
// nothing else: no framework, no session, no access check. The bench checks that its answers
// equal the API's before it measures either.
//
//   node tools/lib/bare-sql-server.mjs <port> <database url>
//
//   GET /public/<slug>                  the public village page (plans.queries.ts findPublicPage)
//   GET /goal-summary/<municipality id> the municipality goal summary (goals.queries.ts goalSummary)
import http from 'node:http';
import pg from 'pg';

const [port, databaseUrl] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
const PUBLIC_GOALS_SHOWN = 200;
const PUBLIC_FOCUS_AREAS_SHOWN = 50;
const PUBLIC_INITIATIVES_SHOWN = 100;
const GOAL_STATUSES = ['idea', 'in_progress', 'on_track', 'reached', 'paused'];
const INITIATIVE_STATUSES = ['idea', 'planned', 'in_progress', 'done', 'paused'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

// A copy of findPublicPage's statement (apps/api/src/app/plans/plans.queries.ts).
const PUBLIC_PAGE = `WITH page AS (
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
                       'description', f.description,
                       'progress', (SELECT round(sum(i.weight * i.progress)::numeric / nullif(sum(i.weight), 0), 1)::float8
                                      FROM initiatives i WHERE i.focus_area_id = f.id),
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

// A copy of goalSummary's statement for a municipality (apps/api/src/app/goals/goals.queries.ts).
const GOAL_SUMMARY = `WITH v AS (SELECT id FROM villages WHERE municipality_id = $1),
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

const version = (doc) => ({ ...doc, publishedBy: null });

async function publicPage(slug) {
  if (slug.length > 80 || !SLUG.test(slug)) return null;
  const {
    rows: [row],
  } = await pool.query(PUBLIC_PAGE, [
    slug,
    PUBLIC_GOALS_SHOWN,
    PUBLIC_FOCUS_AREAS_SHOWN,
    PUBLIC_INITIATIVES_SHOWN,
  ]);
  if (!row || (!row.plan && !row.story)) return null;
  return {
    slug: row.slug,
    villageName: row.village_name,
    municipalityName: row.municipality_name,
    plan: row.plan ? version(row.plan) : null,
    goals: row.goals,
    goalCount: row.goal_count,
    focusAreas: row.focus_areas,
    story: row.story ? version(row.story) : null,
    pdfUrl: row.plan ? `/api/public/villages/${row.slug}/plan.pdf` : null,
  };
}

async function goalSummary(municipalityId) {
  const {
    rows: [row],
  } = await pool.query(GOAL_SUMMARY, [municipalityId]);
  const perStatus = new Map(row.by_status.map((s) => [s.status, s.goals]));
  return {
    villages: row.villages,
    villagesWithGoals: row.villages_with_goals,
    goals: row.goals,
    bySdg: row.by_sdg,
    byStatus: GOAL_STATUSES.map((status) => ({ status, goals: perStatus.get(status) ?? 0 })),
    initiatives: row.initiatives,
    initiativesByStatus: INITIATIVE_STATUSES.map((status) => ({
      status,
      initiatives: row.initiatives_by_status.find((s) => s.status === status)?.initiatives ?? 0,
    })),
  };
}

function send(response, status, value) {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': body.length,
  });
  response.end(body);
}

http
  .createServer(async (request, response) => {
    try {
      const [, route, param = ''] = (request.url ?? '').split('/');
      if (request.url === '/') return send(response, 200, { ok: true });
      const value =
        route === 'public'
          ? await publicPage(decodeURIComponent(param))
          : route === 'goal-summary'
            ? await goalSummary(param)
            : null;
      if (value === null) return send(response, 404, { message: 'Not found' });
      send(response, 200, value);
    } catch (error) {
      send(response, 500, { message: String(error) });
    }
  })
  .listen(Number(port), '127.0.0.1');

process.on('SIGTERM', () => pool.end().finally(() => process.exit(0)));

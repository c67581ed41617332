// The honest limit for bench.mjs's read endpoints: a bare Node http server that runs the same
// SQL as the API through `pg` (a pool as large as the API's, named prepared statements as the
// API sends them) and answers the same JSON, with nothing else: no framework, no session, no access check. The bench checks that its answers
// equal the API's before it measures either.
//
//   node tools/lib/bare-sql-server.mjs <port> <database url>
//
//   GET /public/<slug>                  the public village page (plans/public-page.statement.ts,
//                                       run by plans.queries.ts findPublicPage)
//   GET /goal-summary/<municipality id> the municipality goal summary (goals/goal-summary.statement.ts,
//                                       run by goals.queries.ts goalSummary)
import http from 'node:http';
import pg from 'pg';
import { defaultPoolSize } from '../../apps/api/src/app/database/pool-size.ts';
// The statements themselves, not copies: import-free .ts files beside the API's queries, which
// Node 24 loads by stripping their types.
import { statementName } from '../../apps/api/src/app/database/statement-names.ts';
import { goalSummaryStatement } from '../../apps/api/src/app/goals/goal-summary.statement.ts';
import { ROLL_UP } from '../../apps/api/src/app/initiatives/roll-up.statement.ts';
import { publicPageStatement } from '../../apps/api/src/app/plans/public-page.statement.ts';

const [port, databaseUrl] = process.argv.slice(2);
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: Number(process.env.DATABASE_POOL_SIZE) || defaultPoolSize(),
});
const PUBLIC_GOALS_SHOWN = 200;
const PUBLIC_FOCUS_AREAS_SHOWN = 50;
const PUBLIC_INITIATIVES_SHOWN = 100;
const GOAL_STATUSES = ['idea', 'in_progress', 'on_track', 'reached', 'paused'];
const INITIATIVE_STATUSES = ['idea', 'planned', 'in_progress', 'done', 'paused'];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PUBLIC_PAGE = publicPageStatement(ROLL_UP);
const GOAL_SUMMARY = goalSummaryStatement('municipality_id');

const version = (doc) => ({ ...doc, publishedBy: null });

async function publicPage(slug) {
  if (slug.length > 80 || !SLUG.test(slug)) return null;
  const {
    rows: [row],
  } = await pool.query({
    name: statementName(PUBLIC_PAGE),
    text: PUBLIC_PAGE,
    values: [slug, PUBLIC_GOALS_SHOWN, PUBLIC_FOCUS_AREAS_SHOWN, PUBLIC_INITIATIVES_SHOWN],
  });
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
  } = await pool.query({
    name: statementName(GOAL_SUMMARY),
    text: GOAL_SUMMARY,
    values: [municipalityId],
  });
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

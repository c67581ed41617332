// The signed-in reads scenario of `npm run bench`: what a steering member opens every week (the
// home page, a course page, their next study-circle session, the village plan when it exists),
// each at 100 keep-alive connections, beside a bare twin that runs exactly the SQL the API ran
// for that request (tools/lib/bare-replay-server.mjs, from the API's own record of its
// statements) and answers the same JSON. Prints requests/s, p95, SQL statements per request,
// and the ratio API ÷ twin.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { measure } from './lib/load.mjs';
import { log } from './lib/log.mjs';
import { freePort, waitForHttp } from './lib/net.mjs';
import { ROOT } from './lib/paths.mjs';
import { Child } from './lib/proc.mjs';
import { signIn } from './lib/session.mjs';

export const READS_CONNECTIONS = 100;
/** The targets: at least this share of the bare twin's rate, and this p95. */
export const READS_MIN_RATIO = 0.3;
export const READS_MAX_P95_MS = 50;
const MEMBER_EMAIL = /^styregruppe\./;
const RECORD = { 'x-bench-record': '1' };

async function getJson(url, headers) {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(15_000) });
  const text = await response.text();
  return {
    status: response.status,
    queries: Number(response.headers.get('x-query-count')),
    body: response.ok ? JSON.parse(text) : text,
  };
}

/** The pages a steering member reads, with their paths in this database. */
async function memberPages(baseUrl, cookie) {
  const home = await getJson(`${baseUrl}/api/home`, { cookie });
  if (home.status !== 200) throw new Error(`GET /api/home as a member: HTTP ${home.status}`);
  const pages = [{ name: 'home', path: '/api/home' }];
  const courses = await getJson(`${baseUrl}/api/courses`, { cookie });
  const course = courses.body?.items?.[0];
  if (course) pages.push({ name: 'course page', path: `/api/courses/${course.id}` });
  const sessionId = home.body.nextSession?.id;
  if (sessionId) pages.push({ name: 'session page', path: `/api/sessions/${sessionId}` });
  const villageId = home.body.user?.villageId;
  if (villageId) {
    const path = `/api/villages/${villageId}/documents/plan`;
    const plan = await getJson(`${baseUrl}${path}`, { cookie });
    if (plan.status === 200) pages.push({ name: 'village plan', path });
  }
  return pages;
}

/** The statements of the last recorded request for `path`, grouped into waves run side by side. */
function recordedWaves(queryLog, path) {
  const lines = readFileSync(queryLog, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const last = lines.findLast((line) => line.path === path);
  if (!last) throw new Error(`The API recorded no statements for ${path}.`);
  const waves = [];
  let waveEnd = -Infinity;
  for (const q of [...last.queries].sort((a, b) => a.start - b.start)) {
    const statement = { sql: q.sql, params: q.params };
    const end = q.end ?? q.start;
    if (waves.length && q.start < waveEnd) {
      waves.at(-1).push(statement);
      waveEnd = Math.max(waveEnd, end);
    } else {
      waves.push([statement]);
      waveEnd = end;
    }
  }
  return waves;
}

async function startTwin(dbUrl, script, cleanup) {
  const dir = mkdtempSync(join(tmpdir(), 'blup-bench-reads-'));
  cleanup.add('bench reads files', () => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'script.json');
  writeFileSync(file, JSON.stringify(script));
  const port = await freePort();
  const child = new Child('bare', process.execPath, [
    '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
    join(ROOT, 'tools/lib/bare-replay-server.mjs'),
    String(port),
    dbUrl,
    file,
  ]);
  cleanup.add('bare replay server', () => child.stop());
  await waitForHttp(`http://127.0.0.1:${port}/`, { child, timeoutMs: 10_000 });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Runs the scenario; resolves with one row per page. */
export async function benchReads({ baseUrl, dbUrl, queryLog, signIns, load, cleanup }) {
  const member = signIns.find((entry) => MEMBER_EMAIL.test(entry.email));
  if (!member) throw new Error('The demo sign-ins have no steering member (styregruppe.*).');
  const cookie = await signIn(baseUrl, member);
  const pages = await memberPages(baseUrl, cookie);
  const script = {};
  for (const page of pages) {
    // Twice: the second, warm request is the one replayed.
    await getJson(`${baseUrl}${page.path}`, { cookie, ...RECORD });
    const warm = await getJson(`${baseUrl}${page.path}`, { cookie, ...RECORD });
    if (warm.status !== 200) throw new Error(`GET ${page.path}: HTTP ${warm.status}`);
    page.queries = warm.queries;
    page.body = warm.body;
    script[page.path] = { waves: recordedWaves(queryLog, page.path), body: warm.body };
  }
  const twin = await startTwin(dbUrl, script, cleanup);
  const rows = [];
  for (const page of pages) {
    const same = await getJson(`${twin.url}${page.path}`, {});
    if (same.status !== 200 || !isDeepStrictEqual(same.body, page.body)) {
      throw new Error(`The bare twin's answer for ${page.path} differs from the API's.`);
    }
    log.info(`Reads: ${page.name} (${page.queries} SQL statements), API …`);
    const api = await measure({
      url: `${baseUrl}${page.path}`,
      headers: { cookie },
      ...load,
      connections: READS_CONNECTIONS,
    });
    log.info(`Reads: ${page.name}, bare twin …`);
    const bare = await measure({
      url: `${twin.url}${page.path}`,
      ...load,
      connections: READS_CONNECTIONS,
    });
    // The count again on a warm server (twice: the first may find the kept session expired).
    await getJson(`${baseUrl}${page.path}`, { cookie });
    const after = await getJson(`${baseUrl}${page.path}`, { cookie });
    rows.push({ ...page, queriesAfter: after.queries, api, bare });
  }
  await twin.child.stop();
  return rows;
}

/** Prints the table; true when every page meets its targets and kept its statement count. */
export function printReads(rows) {
  const n = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '-');
  log.heading(
    `\nSigned-in reads (a steering member, ${READS_CONNECTIONS} connections; twin = the same SQL through bare pg)`,
  );
  let ok = true;
  for (const { name, queries, queriesAfter, api, bare } of rows) {
    const ratio = api.rps / bare.rps;
    const meets = ratio >= READS_MIN_RATIO && api.p95 < READS_MAX_P95_MS && !api.errors;
    const constant = queries === queriesAfter;
    ok &&= meets && constant;
    const line =
      `  ${name.padEnd(13)} ${n(api.rps).padStart(7)} req/s  p95 ${n(api.p95, 2).padStart(6)} ms  ` +
      `errors ${api.errors}  SQL ${queries}${constant ? '' : `→${queriesAfter}`}  ` +
      `twin ${n(bare.rps).padStart(7)} req/s  p95 ${n(bare.p95, 2).padStart(6)} ms  ` +
      `ratio ${n(ratio, 3)}`;
    if (meets && constant) log.info(line);
    else log.error(line);
  }
  log.note(
    `  Targets: ratio ≥ ${READS_MIN_RATIO}, p95 < ${READS_MAX_P95_MS} ms, no errors, the same SQL ` +
      'statement count before and after the load (X-Query-Count, counted by the API).',
  );
  return ok;
}

// The honest limit for the bench's signed-in reads: a bare Node http server that runs, per
// request, exactly the SQL statements the API ran for the same request (recorded by the API
// itself: BENCH_QUERY_LOG), with the same parameters, through `pg` with a pool as large as the
// API's, and answers with the same JSON (serialised per request). Statements the API ran side by
// side run side by side here too, and statements with parameters are named prepared statements
// as the API sends them (apps/api/src/app/database/statement-names.ts). Nothing else: no
// framework, no cookie, no access check.
//
//   node tools/lib/bare-replay-server.mjs <port> <database url> <script.json>
//
// script.json: { "<path>": { "waves": [[{ "sql", "params" }, …], …], "body": <JSON> }, … }
import http from 'node:http';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { defaultPoolSize } from '../../apps/api/src/app/database/pool-size.ts';
import { statementName } from '../../apps/api/src/app/database/statement-names.ts';

const [port, databaseUrl, scriptFile] = process.argv.slice(2);
const pool = new pg.Pool({
  connectionString: databaseUrl,
  max: Number(process.env.DATABASE_POOL_SIZE) || defaultPoolSize(),
});
const script = new Map(Object.entries(JSON.parse(readFileSync(scriptFile, 'utf8'))));

function prepared(text, values) {
  const name = values.length ? statementName(text) : null;
  return name ? { name, text, values } : { text, values };
}

/** Runs the route's statements wave by wave; the answer is serialised afresh each time. */
async function answer(route) {
  for (const wave of route.waves) {
    await Promise.all(wave.map((q) => pool.query(prepared(q.sql, q.params))));
  }
  return JSON.stringify(route.body);
}

http
  .createServer(async (request, response) => {
    const route = script.get(request.url ?? '');
    if (request.url === '/') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"ok":true}');
      return;
    }
    if (!route) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"message":"Not found"}');
      return;
    }
    try {
      const body = Buffer.from(await answer(route));
      response.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': body.length,
      });
      response.end(body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(error));
    }
  })
  .listen(Number(port), '127.0.0.1');

process.on('SIGTERM', () => pool.end().finally(() => process.exit(0)));

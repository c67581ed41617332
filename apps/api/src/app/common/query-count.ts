import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { appendFileSync } from 'node:fs';
import { DataSource, type EntitySubscriberInterface } from 'typeorm';

/** The response header that carries how many SQL statements the request ran. */
export const QUERY_COUNT_HEADER = 'X-Query-Count';

/** The request header that asks for the request's statements in the query log. */
export const RECORD_QUERIES_HEADER = 'x-bench-record';

/** One statement a request sent: its text, parameters, and when it started and ended (ms). */
export interface RecordedQuery {
  sql: string;
  params: unknown[];
  start: number;
  end: number | null;
}

interface Counter {
  queries: number;
  recorded: RecordedQuery[] | null;
}

const counters = new AsyncLocalStorage<Counter>();

/**
 * For the bench and tests only (BENCH_COUNT_QUERIES=1, refused in production): counts the SQL
 * statements each request sends through TypeORM, including the sign-in lookup and any
 * BEGIN/COMMIT, and reports the number in an `X-Query-Count` response header. With a query log
 * (BENCH_QUERY_LOG), a request marked `X-Bench-Record: 1` also appends one JSON line with its
 * path, its statements (text, parameters, start and end) and its status: what the bench's bare
 * twin replays to run exactly the SQL the API ran.
 */
export function countQueriesPerRequest(app: INestApplication, queryLog: string | null): void {
  const subscriber: EntitySubscriberInterface = {
    beforeQuery: (event) => {
      const counter = counters.getStore();
      if (!counter) return;
      counter.queries += 1;
      counter.recorded?.push({
        sql: event.query,
        params: Array.isArray(event.parameters) ? event.parameters : [],
        start: performance.now(),
        end: null,
      });
    },
    afterQuery: (event) => {
      const open = counters
        .getStore()
        ?.recorded?.findLast((q) => q.end === null && q.sql === event.query);
      if (open) open.end = performance.now();
    },
  };
  app.get(DataSource).subscribers.push(subscriber);
  app.use((req: Request, res: Response, next: NextFunction) => {
    const record = queryLog !== null && req.header(RECORD_QUERIES_HEADER) === '1';
    const counter: Counter = { queries: 0, recorded: record ? [] : null };
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader(QUERY_COUNT_HEADER, String(counter.queries));
      return writeHead(...args);
    }) as Response['writeHead'];
    if (record && queryLog) {
      res.on('finish', () => {
        const line = { path: req.originalUrl, status: res.statusCode, queries: counter.recorded };
        appendFileSync(queryLog, `${JSON.stringify(line)}\n`);
      });
    }
    counters.run(counter, next);
  });
}

import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntitySubscriberInterface } from 'typeorm';

/** The response header that carries how many SQL statements the request ran. */
export const QUERY_COUNT_HEADER = 'X-Query-Count';

const counters = new AsyncLocalStorage<{ queries: number }>();

/**
 * For the bench and tests only (BENCH_COUNT_QUERIES=1, refused in production): counts the SQL
 * statements each request sends through TypeORM, including the sign-in lookup and any
 * BEGIN/COMMIT, and reports the number in an `X-Query-Count` response header.
 */
export function countQueriesPerRequest(app: INestApplication): void {
  const subscriber: EntitySubscriberInterface = {
    beforeQuery: () => {
      const counter = counters.getStore();
      if (counter) counter.queries += 1;
    },
  };
  app.get(DataSource).subscribers.push(subscriber);
  app.use((_req: Request, res: Response, next: NextFunction) => {
    const counter = { queries: 0 };
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    res.writeHead = ((...args: unknown[]) => {
      if (!res.headersSent) res.setHeader(QUERY_COUNT_HEADER, String(counter.queries));
      return writeHead(...args);
    }) as Response['writeHead'];
    counters.run(counter, next);
  });
}

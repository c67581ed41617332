import { availableParallelism } from 'node:os';

/**
 * How many connections a process keeps to PostgreSQL when DATABASE_POOL_SIZE is not set: twice
 * the machine's cores, at least 4. PostgreSQL does its work in one process per connection, so
 * more connections than it has cores to run them only take turns: on the bench's 2-core machine
 * a pool of 20 made each home-page statement cost PostgreSQL about 0.75 ms of CPU, a pool of 4
 * about 0.4 ms (issue 14). Requests past the pool wait their turn in it, in order.
 *
 * The bench's bare servers import this file too, so they run with the same pool as the API (it
 * has no imports of the app's own, so Node can load it by stripping its types).
 */
export function defaultPoolSize(cores: number = availableParallelism()): number {
  return Math.max(4, 2 * cores);
}

import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { defaultPoolSize } from './pool-size';
import { PreparingClient } from './preparing-client';

/**
 * `prepared`: send queries with parameters as named prepared statements (preparing-client.ts).
 * The serving processes do; migrations and the seed, which run once, need not.
 * `poolSize`: connections kept open (DATABASE_POOL_SIZE; database/pool-size.ts).
 */
export function dataSourceOptions(
  databaseUrl: string,
  {
    prepared = false,
    poolSize = defaultPoolSize(),
  }: { prepared?: boolean; poolSize?: number } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: prepared ? { max: poolSize, Client: PreparingClient } : { max: poolSize },
  };
}

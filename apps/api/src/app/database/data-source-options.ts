import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { PreparingClient } from './preparing-client';

/**
 * `prepared`: send queries with parameters as named prepared statements (preparing-client.ts).
 * The serving processes do; migrations and the seed, which run once, need not.
 */
export function dataSourceOptions(
  databaseUrl: string,
  { prepared = false }: { prepared?: boolean } = {},
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
    extra: prepared ? { max: 20, Client: PreparingClient } : { max: 20 },
  };
}

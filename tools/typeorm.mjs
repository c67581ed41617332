// `npm run migration:run|migration:revert|migration:generate`: TypeORM's CLI
// (typeorm-ts-node-commonjs) on the API's data source, straight from TypeScript.
//
//   node tools/typeorm.mjs migration:generate apps/api/src/app/database/migrations/AddCircles
//
// Uses DATABASE_URL, or the embedded PostgreSQL of `npm start` (started for the duration,
// or the running one).
import { join } from 'node:path';
import { ROOT } from './lib/paths.mjs';
import { Cleanup, finisher, onStopSignal, run } from './lib/proc.mjs';
import { startDatabase } from './lib/services.mjs';

const DATA_SOURCE = 'apps/api/src/app/database/data-source.ts';

const cleanup = new Cleanup();
const finish = finisher(cleanup);

onStopSignal(() => finish(130));

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new Error('Usage: node tools/typeorm.mjs <typeorm command> [args]');
  const env = {
    ...process.env,
    DATABASE_URL: await startDatabase(cleanup),
    // ts-node compiles with the API's settings (decorators) and resolves the @blup/* paths.
    TS_NODE_PROJECT: 'apps/api/tsconfig.app.json',
    TS_NODE_TRANSPILE_ONLY: 'true',
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require tsconfig-paths/register`.trim(),
  };
  const cli = join(ROOT, 'node_modules/.bin/typeorm-ts-node-commonjs');
  await run(cli, [command, '-d', DATA_SOURCE, ...args], { env });
}

main().then(
  () => finish(0),
  (error) => finish(error.exitCode ?? 1, error.message),
);

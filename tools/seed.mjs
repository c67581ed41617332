// `npm run seed -- [args]`: runs `node dist/apps/api/main.js seed [args]` (building the API
// first if it has not been built) against the same services `npm start` would use, starting
// the embedded PostgreSQL, Redis and mail sink for the duration when the environment does
// not name its own.
import { API_MAIN } from './lib/paths.mjs';
import { apiEnv } from './lib/api.mjs';
import { ensureApiBuilt } from './lib/build.mjs';
import { Cleanup, finisher, onStopSignal, run } from './lib/proc.mjs';
import { startServices } from './lib/services.mjs';

const cleanup = new Cleanup();
const finish = finisher(cleanup);

onStopSignal(() => finish(130));

async function main() {
  await ensureApiBuilt();
  const services = await startServices(cleanup, { mailWeb: false });
  const env = apiEnv({
    port: Number(process.env.PORT ?? 3000),
    services: services.env,
    extra: { MIGRATE_ON_BOOT: 'true' },
  });
  await run(process.execPath, [API_MAIN, 'seed', ...process.argv.slice(2)], { env });
}

main().then(
  () => finish(0),
  (error) => finish(error.exitCode ?? 1, error.message),
);

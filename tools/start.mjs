// `npm start`: builds the API and the web app, brings up PostgreSQL, Redis and a mail catcher
// unless the environment names its own, and serves the product on one origin.
//
//   npm start                   build, then run
//   npm start -- --no-build     run the last build
//
// Environment: PORT (3000), DATABASE_URL, REDIS_URL, SMTP_URL, HOTLINE_SMTP_PORT (2525).
// See tools/README.md.
import { parseArgs } from 'node:util';
import { fetchDemoSignIns, apiEnv, startApi } from './lib/api.mjs';
import { assertBuilt, build } from './lib/build.mjs';
import { log } from './lib/log.mjs';
import { isPortFree, waitForHttp } from './lib/net.mjs';
import { Cleanup, describeExit, finisher, onStopSignal, watchChildren } from './lib/proc.mjs';
import { startServices } from './lib/services.mjs';

const { values: options } = parseArgs({
  options: { build: { type: 'boolean', default: true } },
  allowNegative: true,
});
const port = Number(process.env.PORT ?? 3000);
/** The hotline's inbound SMTP listener (replies to answer mails), on the worker. */
const hotlinePort = 2525;
const cleanup = new Cleanup();
const finish = finisher(cleanup, { onStopped: (code) => code === 0 && log.info('Stopped.') });

onStopSignal((signal) => {
  log.info(`\n${signal}: stopping …`);
  finish(0);
});

async function main() {
  if (options.build) await build(['api', 'web']);
  else assertBuilt(['dist/apps/api/main.js', 'dist/apps/web/browser/index.html']);
  if (!(await isPortFree(port))) {
    throw new Error(`Port ${port} is in use. Stop what uses it, or run with PORT=<another port>.`);
  }

  const services = await startServices(cleanup);
  const env = apiEnv({
    port,
    services: services.env,
    extra: {
      MIGRATE_ON_BOOT: 'true',
      SEED_DEMO_IF_EMPTY: 'true',
      // Replies to the hotline's answer mails: send them here (e.g. with swaks) to try threading.
      HOTLINE_SMTP_PORT: process.env.HOTLINE_SMTP_PORT ?? String(hotlinePort),
      // The demo's secretariat address, shown in the privacy and accessibility statements.
      SECRETARIAT_EMAIL: process.env.SECRETARIAT_EMAIL ?? 'sekretariat@blup.test',
    },
  });
  log.info(`API: node dist/apps/api/main.js all, on port ${port}`);
  const api = startApi('all', env, { echo: true });
  cleanup.add('API', () => api.stop());

  // A child that ends on its own takes everything down. Wait a moment first: on Ctrl-C in
  // a terminal, PostgreSQL gets the signal too, and may end before our handler has run.
  watchChildren([...services.children, api], (child, result) =>
    setTimeout(() => finish(1, describeExit(child, result)), 200),
  );

  await waitForHttp(`http://127.0.0.1:${port}/api/health`, { child: api, timeoutMs: 180_000 });
  printBanner(
    `http://localhost:${port}`,
    services.mailWebUrl,
    await fetchDemoSignIns(env.PUBLIC_URL),
  );
}

function printBanner(url, mailWebUrl, signIns) {
  const lines = [`BLUP Akademiet is running at ${url}`];
  if (mailWebUrl) lines.push(`Mail catcher:  ${mailWebUrl}`);
  lines.push(`Hotline replies: SMTP on 127.0.0.1:${process.env.HOTLINE_SMTP_PORT ?? hotlinePort}`);
  if (signIns) {
    const width = (key) => Math.max(...signIns.map((signIn) => String(signIn[key]).length));
    lines.push('Demo sign-ins:');
    for (const { role, email, password } of signIns) {
      lines.push(
        `  ${String(role).padEnd(width('role'))}  ${String(email).padEnd(width('email'))}  ${password}`,
      );
    }
  }
  lines.push('Stop with Ctrl-C.');
  const rule = '─'.repeat(Math.max(...lines.map((line) => line.length)));
  log.heading(['', rule, ...lines, rule, ''].join('\n'));
}

main().catch((error) => finish(1, error.message));

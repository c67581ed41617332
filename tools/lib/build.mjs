// Production builds through Nx.
import { existsSync } from 'node:fs';
import { API_MAIN, ROOT, WEB_DIST } from './paths.mjs';
import { log } from './log.mjs';
import { run } from './proc.mjs';

const nxEnv = () => ({ ...process.env, NX_TUI: 'false', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' });

/** Builds the given projects (production configuration, their default). */
export async function build(projects) {
  log.heading(`Building ${projects.join(' and ')} …`);
  await run('npx', ['nx', 'run-many', '-t', 'build', '-p', ...projects], { env: nxEnv() });
}

/**
 * Builds the API before a bench measures it: always through Nx, whose cache makes an unchanged
 * build take a second, so a dist/ left from older code is never measured.
 */
export async function ensureApiBuilt() {
  await build(['api']);
  assertBuilt([API_MAIN.slice(ROOT.length + 1)]);
}

/**
 * Builds the web client (production, with its .br/.gz siblings) the same way: Nx rebuilds it
 * only when its sources changed.
 */
export async function ensureWebBuilt() {
  await build(['web']);
  assertBuilt([`${WEB_DIST}/index.html`]);
}

export function assertBuilt(paths) {
  const missing = paths.filter((path) => !existsSync(`${ROOT}/${path}`));
  if (missing.length > 0) {
    throw new Error(`Not built yet: ${missing.join(', ')}. Run without --no-build.`);
  }
}

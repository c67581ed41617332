// Running the built API (dist/apps/api/main.js) and reading what it offers to tools.
import { API_MAIN, WEB_DIST } from './paths.mjs';
import { Child } from './proc.mjs';

/**
 * The API's environment. `services` holds DATABASE_URL, REDIS_URL and SMTP_URL;
 * `extra` adds or overrides (e.g. MIGRATE_ON_BOOT).
 */
export function apiEnv({ port, services, redisPrefix = 'blup', extra = {} }) {
  return {
    ...process.env,
    ...services,
    REDIS_PREFIX: redisPrefix,
    PORT: String(port),
    PUBLIC_URL: `http://localhost:${port}`,
    WEB_DIST,
    NODE_ENV: 'development',
    ...extra,
  };
}

/**
 * V8 settings per process role. A worker holds little for long (a batch of recipients, a
 * rendered copy) but allocates fast; V8 sizes its young generation from the machine's memory
 * (here up to 3 × 32 MiB) and lets the old one grow to about four times what is live, so an
 * idle worker sat at 280 MiB. Capped, its RSS stays flat as audiences grow (issue 14). Run
 * workers anywhere with the same flags: `node <WORKER_NODE_FLAGS> main.js worker`.
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=8', '--max-old-space-size=256'];
const ROLE_NODE_FLAGS = { worker: WORKER_NODE_FLAGS };

/** Starts `node dist/apps/api/main.js <role>` as a Child (see proc.mjs). */
export function startApi(role, env, { echo = false } = {}) {
  const flags = ROLE_NODE_FLAGS[role] ?? [];
  return new Child('api', process.execPath, [...flags, API_MAIN, role], { env, echo });
}

/**
 * The demo sign-ins ([{ role, email, password }]) from GET /api/demo/sign-ins, which the
 * API serves outside production only. Resolves null when they cannot be had.
 */
export async function fetchDemoSignIns(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/api/demo/sign-ins`, {
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) return null;
    const signIns = await response.json();
    const valid =
      Array.isArray(signIns) &&
      signIns.every((entry) => ['role', 'email', 'password'].every((key) => key in entry));
    return valid && signIns.length > 0 ? signIns : null;
  } catch {
    return null;
  }
}

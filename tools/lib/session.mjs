// Signing in to the API the way the web app does: a CSRF cookie from GET /api/auth/csrf,
// echoed in X-XSRF-TOKEN (double submit) on POST /api/auth/login.
import { createHash, randomBytes } from 'node:crypto';

/** The cookies a series of responses set, as one Cookie header. */
class CookieJar {
  #cookies = new Map();

  take(response) {
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = setCookie.split(';');
      const [name, ...value] = pair.trim().split('=');
      const expired = attributes.some((attribute) => /^\s*max-age\s*=\s*0\s*$/i.test(attribute));
      if (expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value.join('='));
    }
  }

  get(name) {
    return this.#cookies.get(name);
  }

  header() {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

async function call(jar, url, init = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { ...init.headers, cookie: jar.header() },
    signal: AbortSignal.timeout(15_000),
  });
  jar.take(response);
  const text = await response.text();
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${response.status} ${text}`);
  return text;
}

/** Signs in; resolves with the Cookie header that carries the session. */
export async function signIn(baseUrl, { email, password }) {
  const jar = new CookieJar();
  await call(jar, `${baseUrl}/api/auth/csrf`);
  const token = jar.get('XSRF-TOKEN');
  if (!token) throw new Error('GET /api/auth/csrf set no XSRF-TOKEN cookie');
  await call(jar, `${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': decodeURIComponent(token) },
    body: JSON.stringify({ email, password }),
  });
  return jar.header();
}

/**
 * A signed-in session for a user, written straight into the bench database (no sign-in round
 * trip): the random token whose SHA-256 the `sessions` row holds, as the API stores it.
 * `client` is a connected `pg` client; resolves with the token for the session cookie.
 */
export async function insertSession(client, userId) {
  const token = randomBytes(32).toString('base64url');
  await client.query(
    `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`,
    [createHash('sha256').update(token).digest('hex'), userId],
  );
  return token;
}

/**
 * Whether an error means that PostgreSQL, Redis or another service the API needs cannot be
 * reached just now (restarting, failing over, the network away), rather than that the request
 * or the code is wrong. Such a request is answered 503 with Retry-After, not 500: the person
 * can simply try again, and a proxy may send a GET to another process.
 */
export function isServiceUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 4; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || PG_AWAY.test(code))) return true;
    if (typeof message === 'string' && AWAY_MESSAGES.some((pattern) => pattern.test(message))) {
      return true;
    }
    e =
      (e as { driverError?: unknown; cause?: unknown }).driverError ??
      (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Seconds a client is asked to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 5;

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/**
 * SQLSTATE 08xxx (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown,
 * 57P03 cannot_connect_now (starting up or shutting down).
 */
const PG_AWAY = /^(08[0-9A-Z]{3}|57P0[123])$/;

/** What node-postgres and ioredis say when their connection is gone (they set no code). */
const AWAY_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error and is not queryable$/,
  /^Connection is closed\.?$/,
  /^Reached the max retries per request limit/,
  /^Stream isn't writeable and enableOfflineQueue options is false$/,
];

import { hashToken, newToken } from '../src/app/auth/tokens';
import { sessionCookieName } from '../src/app/auth/cookies';
import { UserSession } from '../src/app/database/entities';
import type { TestApp } from './harness';
import type { TestClient } from './http-client';

/**
 * A client signed in as `user`, without going through the password login: a session row as
 * SessionService.start writes it, and its cookie on the client. The fast path for access tests;
 * the login itself is tested with the real endpoint.
 */
export async function signInAs(t: TestApp, user: { id: string }): Promise<TestClient> {
  const token = newToken();
  const now = new Date();
  await t.dataSource.getRepository(UserSession).insert({
    tokenHash: hashToken(token),
    userId: user.id,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + t.config.sessionIdleHours * 3600 * 1000),
    ip: null,
    userAgent: 'integration test',
  });
  const client = t.client();
  client.setCookie(sessionCookieName(t.config), token);
  return client;
}

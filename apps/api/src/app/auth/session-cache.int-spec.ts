import { Role } from '@blup/contracts';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Factory } from '../../../test/factory';
import type { AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { findLiveSession } from './auth.queries';
import { SessionCache } from './session-cache';
import { hashToken, newToken } from './tokens';

/**
 * On the real PostgreSQL: what a process keeps is forgotten when another process (here a plain
 * `pg` client) changes the person or ends the session, through the database's announcements.
 */
describe(SessionCache.name, () => {
  const databaseUrl = process.env['DATABASE_URL'] as string;
  const dataSource = new DataSource(dataSourceOptions(databaseUrl));
  const other = new pg.Client({ connectionString: databaseUrl });
  let factory: Factory;
  const caches: SessionCache[] = [];

  const cache = async (seconds = 10): Promise<SessionCache> => {
    const made = new SessionCache({ databaseUrl, sessionCacheSeconds: seconds } as AppConfig);
    caches.push(made);
    if (seconds > 0) await made.ready();
    return made;
  };

  /** A person with a live session: the token hash, and the row a lookup finds. */
  const signedIn = async () => {
    const user = await factory.user({ role: Role.SteeringMember });
    const tokenHash = hashToken(newToken());
    await other.query(
      `INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, now() + interval '1 hour')`,
      [tokenHash, user.id],
    );
    const row = await findLiveSession(dataSource, tokenHash);
    if (!row) throw new Error('no session row');
    return { user, tokenHash, row };
  };

  const kept = async (
    sut: SessionCache,
    tokenHash: string,
    row: Awaited<ReturnType<typeof signedIn>>['row'],
  ) => {
    const miss = sut.lookup(tokenHash);
    expect(miss.row).toBeNull();
    if (miss.row === null) sut.keep(tokenHash, row, row.expires_at, miss.ticket);
    expect(sut.lookup(tokenHash).row).toEqual(row);
  };

  /** Waits until the cache no longer answers for the token (the announcement arrived). */
  const forgotten = async (sut: SessionCache, tokenHash: string): Promise<boolean> => {
    for (let i = 0; i < 200; i++) {
      if (sut.lookup(tokenHash).row === null) return true;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return false;
  };

  beforeAll(async () => {
    await dataSource.initialize();
    await other.connect();
    factory = new Factory(dataSource);
  });
  afterAll(async () => {
    await Promise.all(caches.map((c) => c.onApplicationShutdown()));
    await other.end();
    await dataSource.destroy();
  });

  it('forgets a person another process changed (their language), and keeps everyone else', async () => {
    const sut = await cache();
    const a = await signedIn();
    const b = await signedIn();
    await kept(sut, a.tokenHash, a.row);
    await kept(sut, b.tokenHash, b.row);
    await other.query(`UPDATE users SET locale = 'en' WHERE id = $1`, [a.user.id]);
    expect(await forgotten(sut, a.tokenHash)).toBe(true);
    expect(sut.lookup(b.tokenHash).row).toEqual(b.row);
  });

  it('forgets a session another process ended, and a person disabled', async () => {
    const sut = await cache();
    const a = await signedIn();
    const b = await signedIn();
    await kept(sut, a.tokenHash, a.row);
    await kept(sut, b.tokenHash, b.row);
    await other.query(`DELETE FROM sessions WHERE token_hash = $1`, [a.tokenHash]);
    expect(await forgotten(sut, a.tokenHash)).toBe(true);
    await other.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [b.user.id]);
    expect(await forgotten(sut, b.tokenHash)).toBe(true);
  });

  it('is not told of changes a session does not show (the last sign-in, an opt-out)', async () => {
    const sut = await cache();
    const a = await signedIn();
    await kept(sut, a.tokenHash, a.row);
    await other.query(`UPDATE users SET newsletters_opted_out_at = now() WHERE id = $1`, [
      a.user.id,
    ]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sut.lookup(a.tokenHash).row).toEqual(a.row);
  });

  it('forgets everyone when a village is renamed', async () => {
    const sut = await cache();
    const a = await signedIn();
    await kept(sut, a.tokenHash, a.row);
    const village = await factory.village();
    await other.query(`UPDATE villages SET name = name || ' (ny)' WHERE id = $1`, [village.id]);
    expect(await forgotten(sut, a.tokenHash)).toBe(true);
  });

  it('does not keep a lookup that started before an announcement', async () => {
    const sut = await cache();
    const a = await signedIn();
    const miss = sut.lookup(a.tokenHash);
    sut.forgetUser('someone else');
    if (miss.row === null) sut.keep(a.tokenHash, a.row, a.row.expires_at, miss.ticket);
    expect(sut.lookup(a.tokenHash).row).toBeNull();
  });

  it('keeps nothing when switched off (SESSION_CACHE_SECONDS=0)', async () => {
    const sut = await cache(0);
    const a = await signedIn();
    const miss = sut.lookup(a.tokenHash);
    if (miss.row === null) sut.keep(a.tokenHash, a.row, a.row.expires_at, miss.ticket);
    expect(sut.lookup(a.tokenHash).row).toBeNull();
    expect(sut.size).toBe(0);
  });
});

import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { listenForAuthChanges, type SessionRow } from './auth.queries';
/** Sessions kept at most; the oldest go first. */
export const SESSION_CACHE_MAX = 10_000;
const RECONNECT_MS = 2000;

interface Entry {
  row: SessionRow;
  /** performance.now() after which the entry is not used. */
  until: number;
  /** Date.now() when the session expires in the database. */
  expiresAt: number;
}

/** What a lookup sees: the kept row, or a ticket to keep what the database answers. */
export type CacheLookup = { row: SessionRow } | { row: null; ticket: number };

/**
 * Every signed-in request starts with the session lookup; a person's requests come in bursts
 * (a page is several requests), so each API process keeps the sessions it has just looked up
 * for SESSION_CACHE_SECONDS (default 10) and spares PostgreSQL the repeat.
 *
 * It is stale for no longer than a notification takes (and never longer than the kept time,
 * should the listening connection stall unnoticed): the database announces every
 * change that could make a kept session wrong on channel `blup_auth` (a session ended; a person
 * changed, disabled or deleted; a place renamed), whoever wrote it and from whichever process,
 * and this process forgets what the announcement names. The process's own writes forget at once
 * as well (`forgetUser`), so a person disabled in one request is out in the next. Nothing is kept
 * while the process is not listening (before the first lookup, or after the listening
 * connection broke, until it is back), and a lookup that raced an announcement is not kept.
 */
@Injectable()
export class SessionCache implements OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private listener: pg.Client | null = null;
  private listening = false;
  private connecting = false;
  private closed = false;
  /** Bumped by every announcement: a lookup that started before one is not kept. */
  private generation = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.ttlMs = config.sessionCacheSeconds * 1000;
  }

  /** The kept row for this token hash, or a ticket for `keep` once the database has answered. */
  lookup(tokenHash: string): CacheLookup {
    if (this.ttlMs <= 0) return { row: null, ticket: -1 };
    if (!this.listening) {
      this.listen();
      return { row: null, ticket: -1 };
    }
    const entry = this.entries.get(tokenHash);
    if (entry && entry.until > performance.now() && entry.expiresAt > Date.now()) {
      return { row: entry.row };
    }
    if (entry) this.entries.delete(tokenHash);
    return { row: null, ticket: this.generation };
  }

  /** Keeps the database's answer, unless an announcement came while it was being fetched. */
  keep(tokenHash: string, row: SessionRow, expiresAt: Date, ticket: number): void {
    if (ticket < 0 || ticket !== this.generation || !this.listening) return;
    if (this.entries.size >= SESSION_CACHE_MAX) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tokenHash, {
      row,
      until: performance.now() + this.ttlMs,
      expiresAt: expiresAt.getTime(),
    });
  }

  /** Forgets every kept session of this person. */
  forgetUser(userId: string): void {
    this.forgetWhere((row) => row.id === userId);
  }

  /** Forgets one session. */
  forgetSession(sessionId: string): void {
    this.forgetWhere((row) => row.session_id === sessionId);
  }

  forgetAll(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /**
   * Starts listening for announcements and resolves once it does, or after `timeoutMs` (the
   * cache then stays off until the connection is up). The HTTP app calls it before it takes
   * requests; a lookup starts it too.
   */
  async ready(timeoutMs = 5000): Promise<void> {
    this.listen();
    const deadline = performance.now() + timeoutMs;
    while (!this.listening && !this.closed && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  private listen(): void {
    if (this.connecting || this.listening || this.closed || this.ttlMs <= 0) return;
    this.connecting = true;
    const client = new pg.Client({ connectionString: this.config.databaseUrl, keepAlive: true });
    const broken = (error?: Error): void => {
      if (this.listener !== client) return;
      this.listener = null;
      this.listening = false;
      this.forgetAll();
      client.end().catch(() => undefined);
      if (this.closed) return;
      if (error) this.logger.warn(`Stopped keeping sessions: ${error.message}; retrying.`);
      setTimeout(() => this.listen(), RECONNECT_MS).unref();
    };
    client.on('error', broken);
    client.on('end', () => broken());
    client.on('notification', (message) => this.announced(message.payload ?? 'all'));
    this.listener = client;
    client
      .connect()
      .then(() => listenForAuthChanges(client))
      .then(() => {
        this.connecting = false;
        if (this.listener !== client) return;
        this.forgetAll();
        this.listening = true;
      })
      .catch((error: Error) => {
        this.connecting = false;
        broken(error);
      });
  }

  /** Forgets the kept sessions whose row matches, and makes lookups in flight not keep theirs. */
  private forgetWhere(matches: (row: SessionRow) => boolean): void {
    this.generation += 1;
    for (const [key, entry] of this.entries) {
      if (matches(entry.row)) this.entries.delete(key);
    }
  }

  private announced(payload: string): void {
    if (payload.startsWith('user:')) this.forgetUser(payload.slice('user:'.length));
    else this.forgetAll();
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    this.listening = false;
    const client = this.listener;
    this.listener = null;
    this.entries.clear();
    await client?.end().catch(() => undefined);
  }
}

import { randomBytes } from 'node:crypto';

/**
 * The environment, read and checked once at boot. Anything wrong stops the process with a
 * message naming the variable; nothing else in the code reads process.env.
 */
export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Where people reach the product; links in mails point here. */
  publicUrl: string;
  databaseUrl: string;
  redisUrl: string;
  /** Every Redis key this process writes starts with this, so runs can share a Redis. */
  redisPrefix: string;
  smtpUrl: string;
  mailFrom: string;
  /** Folder of the built web client to serve on the same origin, if any. */
  webDist: string | null;
  /** Session lifetime without activity, in hours. */
  sessionIdleHours: number;
  /** Secure + __Host- cookies (defaults to on in production). */
  secureCookies: boolean;
  migrateOnBoot: boolean;
  seedDemoIfEmpty: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** How long sign-in links and password-reset links live, in minutes. */
  linkTtlMinutes: number;
  /** How long invitations live, in days. */
  invitationTtlDays: number;
  /** Signs short-lived URLs (local video streams, downloads). Random per boot outside production. */
  signingSecret: string;
  video: VideoConfig;
  circles: CirclesConfig;
  newsletters: NewslettersConfig;
  /** BENCH_COUNT_QUERIES=1: an X-Query-Count header on every response (bench, tests; never in production). */
  countQueries: boolean;
  rateLimit: {
    /** Failed sign-ins allowed per account in the window. */
    perAccount: number;
    /** Sign-in attempts allowed per IP address in the window. */
    perIp: number;
    windowSeconds: number;
  };
}

export interface MuxConfig {
  tokenId: string;
  tokenSecret: string;
  webhookSecret: string;
  /** Signing key for playback tokens (JWT, RS256). */
  signingKeyId: string;
  /** Its private key, PEM or base64 of the PEM, as Mux hands it out. */
  signingKeyPrivate: string;
  /** Only for tests: a local fake of the Mux API. */
  baseUrl: string | null;
}

export interface VideoConfig {
  /** Mux when its keys are set; otherwise files on local disk (the embedded default). */
  provider: 'mux' | 'local';
  mux: MuxConfig | null;
  /** Uploaded files (local videos, captions, resources) live under this folder. */
  storageDir: string;
  maxVideoBytes: number;
  maxResourceBytes: number;
  /** How long a playback token or signed stream URL lives. */
  playbackTtlSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}. See .env.example for what it should be.`);
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string, fallback?: string): string {
  const value = env[name]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(name, 'is not set');
}

function secret(env: Env, name: string): string {
  const value = str(env, name);
  if (value.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
  return value;
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function url(env: Env, name: string, protocols: string[], fallback?: string): string {
  const value = str(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

const MUX_VARIABLES = [
  'MUX_TOKEN_ID',
  'MUX_TOKEN_SECRET',
  'MUX_WEBHOOK_SECRET',
  'MUX_SIGNING_KEY_ID',
  'MUX_SIGNING_KEY_PRIVATE',
] as const;

function videoConfig(env: Env): VideoConfig {
  const anyMux = MUX_VARIABLES.some((name) => env[name]?.trim());
  const mux: MuxConfig | null = anyMux
    ? {
        tokenId: str(env, 'MUX_TOKEN_ID'),
        tokenSecret: str(env, 'MUX_TOKEN_SECRET'),
        webhookSecret: str(env, 'MUX_WEBHOOK_SECRET'),
        signingKeyId: str(env, 'MUX_SIGNING_KEY_ID'),
        signingKeyPrivate: str(env, 'MUX_SIGNING_KEY_PRIVATE'),
        baseUrl: env['MUX_BASE_URL']?.trim() ? url(env, 'MUX_BASE_URL', ['http:', 'https:']) : null,
      }
    : null;
  return {
    provider: mux ? 'mux' : 'local',
    mux,
    storageDir: str(env, 'STORAGE_DIR', '.data/storage'),
    maxVideoBytes: int(env, 'MAX_VIDEO_MB', 2048, 1, 100_000) * 1024 * 1024,
    maxResourceBytes: int(env, 'MAX_RESOURCE_MB', 25, 1, 1000) * 1024 * 1024,
    playbackTtlSeconds: int(env, 'PLAYBACK_TTL_SECONDS', 3600, 30, 24 * 3600),
  };
}

export interface CirclesConfig {
  /** New circles get a fixed room under this https address (a Jitsi server by default). */
  meetingRoomBaseUrl: string;
  /** How long before a session its reminder mail goes out (REMINDER_HOURS_BEFORE, default 48). */
  reminderMinutesBefore: number;
}

/** Sending newsletters (issue 5): see newsletter-delivery/. */
export interface NewslettersConfig {
  /** Messages per second over all workers together (NEWSLETTER_RATE_PER_SECOND, default 20). */
  ratePerSecond: number;
  /** Delivery rows a worker claims at a time (NEWSLETTER_BATCH_SIZE, default 50). */
  batchSize: number;
  /** SMTP tries per recipient before it is marked failed (NEWSLETTER_MAX_ATTEMPTS, default 5). */
  maxAttempts: number;
  /** First wait before a retry after a temporary SMTP error; doubles each time (default 60 s). */
  retryDelayMs: number;
  /** How long a claimed row is a worker's before another may take it over (default 300 s). */
  leaseMs: number;
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(
    env,
    'NODE_ENV',
    ['development', 'production', 'test'] as const,
    'development',
  );
  const port = int(env, 'PORT', 3000, 0, 65535);
  const redisPrefix = str(env, 'REDIS_PREFIX', 'blup');
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(redisPrefix)) {
    throw new ConfigError('REDIS_PREFIX', 'may hold only letters, digits, _ . - (at most 64)');
  }
  return {
    env: nodeEnv,
    port,
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'], `http://localhost:${port}`).replace(
      /\/$/,
      '',
    ),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    redisPrefix,
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: str(env, 'MAIL_FROM', 'BLUP Akademiet <no-reply@blup.local>'),
    webDist: env['WEB_DIST']?.trim() || null,
    sessionIdleHours: int(env, 'SESSION_IDLE_HOURS', 24 * 30, 1, 24 * 365),
    secureCookies: bool(env, 'SECURE_COOKIES', nodeEnv === 'production'),
    migrateOnBoot: bool(env, 'MIGRATE_ON_BOOT', false),
    seedDemoIfEmpty: bool(env, 'SEED_DEMO_IF_EMPTY', false),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, 'info'),
    linkTtlMinutes: int(env, 'LINK_TTL_MINUTES', 30, 1, 24 * 60),
    invitationTtlDays: int(env, 'INVITATION_TTL_DAYS', 14, 1, 90),
    signingSecret:
      nodeEnv === 'production'
        ? secret(env, 'SIGNING_SECRET')
        : env['SIGNING_SECRET']?.trim() || randomBytes(32).toString('base64url'),
    video: videoConfig(env),
    circles: {
      meetingRoomBaseUrl: url(env, 'MEETING_ROOM_BASE_URL', ['https:'], 'https://meet.jit.si/'),
      reminderMinutesBefore: int(env, 'REMINDER_HOURS_BEFORE', 48, 1, 24 * 14) * 60,
    },
    newsletters: {
      ratePerSecond: int(env, 'NEWSLETTER_RATE_PER_SECOND', 20, 1, 100_000),
      batchSize: int(env, 'NEWSLETTER_BATCH_SIZE', 50, 1, 1000),
      maxAttempts: int(env, 'NEWSLETTER_MAX_ATTEMPTS', 5, 1, 20),
      retryDelayMs: int(env, 'NEWSLETTER_RETRY_DELAY_SECONDS', 60, 1, 24 * 3600) * 1000,
      leaseMs: int(env, 'NEWSLETTER_LEASE_SECONDS', 300, 2, 24 * 3600) * 1000,
    },
    countQueries: nodeEnv !== 'production' && bool(env, 'BENCH_COUNT_QUERIES', false),
    rateLimit: {
      perAccount: int(env, 'SIGNIN_LIMIT_PER_ACCOUNT', 5, 1, 1000),
      perIp: int(env, 'SIGNIN_LIMIT_PER_IP', 30, 1, 100000),
      windowSeconds: int(env, 'SIGNIN_LIMIT_WINDOW_SECONDS', 15 * 60, 1, 24 * 3600),
    },
  };
}

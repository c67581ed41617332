import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { defaultPoolSize } from '../database/pool-size';

/**
 * The environment, read and checked once at boot by one zod schema whose output type is the
 * config type. Anything wrong stops the process with a message naming the variable; nothing
 * else in the code reads process.env.
 */

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem}. See .env.example for what it should be.`);
  }
}

/** An unset or blank variable is undefined; any other is trimmed. */
function variable<T extends z.ZodType>(schema: T) {
  return z.preprocess((raw) => (typeof raw === 'string' ? raw.trim() || undefined : raw), schema);
}

/** The message for a variable that is missing, else `problem`. */
function unsetOr(problem: (input: unknown) => string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? 'is not set' : problem(issue.input);
}

function text(fallback: string) {
  return variable(z.string().default(fallback));
}

function int(fallback: number, min: number, max: number) {
  return variable(
    z
      .string()
      .refine((raw) => Number.isInteger(Number(raw)) && +raw >= min && +raw <= max, {
        error: (issue) => `must be a whole number from ${min} to ${max} (got "${issue.input}")`,
      })
      .transform(Number)
      .default(fallback),
  );
}

/** A whole number in range, or unset (undefined). */
function optionalInt(min: number, max: number) {
  return variable(
    z
      .string()
      .refine((raw) => Number.isInteger(Number(raw)) && +raw >= min && +raw <= max, {
        error: (issue) => `must be a whole number from ${min} to ${max} (got "${issue.input}")`,
      })
      .transform(Number)
      .optional(),
  );
}

function bool() {
  return z.stringbool({
    truthy: ['1', 'true', 'yes', 'on'],
    falsy: ['0', 'false', 'no', 'off'],
    error: (issue) => `must be true or false (got "${issue.input}")`,
  });
}

function url(protocols: string[]) {
  const names = protocols.map((p) => `${p}://`).join(' or ');
  return z.url({
    protocol: new RegExp(`^(${protocols.join('|')})$`),
    error: unsetOr((input) =>
      URL.canParse(String(input)) ? `must start with ${names}` : 'is not a valid URL',
    ),
  });
}

function oneOf<const T extends readonly [string, ...string[]]>(allowed: T, fallback: T[number]) {
  return variable(
    z
      .enum(allowed, {
        error: (issue) => `must be one of ${allowed.join(', ')} (got "${issue.input}")`,
      })
      .default(fallback),
  );
}

const MUX_VARIABLES = [
  'MUX_TOKEN_ID',
  'MUX_TOKEN_SECRET',
  'MUX_WEBHOOK_SECRET',
  'MUX_SIGNING_KEY_ID',
  'MUX_SIGNING_KEY_PRIVATE',
] as const;

const environment = z.object({
  NODE_ENV: oneOf(['development', 'production', 'test'], 'development'),
  PORT: int(3000, 0, 65535),
  PUBLIC_URL: variable(url(['http', 'https']).optional()),
  DATABASE_URL: variable(url(['postgres', 'postgresql'])),
  REDIS_URL: variable(url(['redis', 'rediss'])),
  REDIS_PREFIX: variable(
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'may hold only letters, digits, _ . - (at most 64)')
      .default('blup'),
  ),
  SMTP_URL: variable(url(['smtp', 'smtps'])),
  MAIL_FROM: text('BLUP Akademiet <no-reply@blup.local>'),
  WEB_DIST: variable(z.string().optional()),
  SESSION_IDLE_HOURS: int(24 * 30, 1, 24 * 365),
  SECURE_COOKIES: variable(bool().optional()),
  MIGRATE_ON_BOOT: variable(bool().default(false)),
  SEED_DEMO_IF_EMPTY: variable(bool().default(false)),
  LOG_LEVEL: oneOf(['debug', 'info', 'warn', 'error'], 'info'),
  LINK_TTL_MINUTES: int(30, 1, 24 * 60),
  INVITATION_TTL_DAYS: int(14, 1, 90),
  SIGNING_SECRET: variable(z.string().optional()),
  MUX_TOKEN_ID: variable(z.string().optional()),
  MUX_TOKEN_SECRET: variable(z.string().optional()),
  MUX_WEBHOOK_SECRET: variable(z.string().optional()),
  MUX_SIGNING_KEY_ID: variable(z.string().optional()),
  MUX_SIGNING_KEY_PRIVATE: variable(z.string().optional()),
  MUX_BASE_URL: variable(url(['http', 'https']).optional()),
  STORAGE_DIR: text('.data/storage'),
  FILE_STORE: oneOf(['postgres', 's3'], 'postgres'),
  S3_BUCKET: variable(
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name, like blup-files')
      .optional(),
  ),
  S3_ENDPOINT: variable(url(['http', 'https']).optional()),
  S3_REGION: text('eu-north-1'),
  S3_ACCESS_KEY_ID: variable(z.string().optional()),
  S3_SECRET_ACCESS_KEY: variable(z.string().optional()),
  S3_FORCE_PATH_STYLE: variable(bool().default(false)),
  SHUTDOWN_GRACE_SECONDS: int(25, 1, 600),
  TRUST_PROXY: variable(
    z
      .string()
      .regex(
        /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*$/,
        'must be loopback, linklocal, uniquelocal or addresses/CIDRs, separated by commas',
      )
      .default('loopback'),
  ),
  MAX_VIDEO_MB: int(2048, 1, 100_000),
  MAX_RESOURCE_MB: int(25, 1, 1000),
  LIBRARY_MAX_MB: int(25, 1, 1000),
  PLAYBACK_TTL_SECONDS: int(3600, 30, 24 * 3600),
  MEETING_ROOM_BASE_URL: variable(url(['https']).default('https://meet.jit.si/')),
  REMINDER_HOURS_BEFORE: int(48, 1, 24 * 14),
  NEWSLETTER_RATE_PER_SECOND: int(20, 1, 100_000),
  NEWSLETTER_BATCH_SIZE: int(50, 1, 1000),
  NEWSLETTER_MAX_ATTEMPTS: int(5, 1, 20),
  NEWSLETTER_RETRY_DELAY_SECONDS: int(60, 1, 24 * 3600),
  NEWSLETTER_LEASE_SECONDS: int(300, 2, 24 * 3600),
  DATABASE_PREPARED_STATEMENTS: variable(bool().default(true)),
  DATABASE_POOL_SIZE: int(defaultPoolSize(), 1, 1000),
  SESSION_CACHE_SECONDS: int(10, 0, 300),
  BENCH_COUNT_QUERIES: variable(bool().default(false)),
  BENCH_QUERY_LOG: variable(z.string().min(1).optional()),
  SIGNIN_LIMIT_PER_ACCOUNT: int(5, 1, 1000),
  SIGNIN_LIMIT_PER_IP: int(30, 1, 100000),
  SIGNIN_LIMIT_WINDOW_SECONDS: int(15 * 60, 1, 24 * 3600),
  SECRETARIAT_EMAIL: variable(z.email({ error: 'must be an email address' }).optional()),
  SECRETARIAT_PHONE: variable(
    z
      .string()
      .regex(/^\+?[0-9 ]{6,20}$/, 'must be a phone number, like +45 55 88 55 88')
      .optional(),
  ),
  ERASURE_COOL_OFF_DAYS: int(14, 0, 90),
  EXPORT_LINK_HOURS: int(72, 1, 24 * 30),
  RETAIN_UNCONFIRMED_PANEL_DAYS: int(30, 1, 3650),
  RETAIN_GATHERING_REGISTRATION_DAYS: int(365, 1, 3650),
  RETAIN_APPLICATION_FILES_DAYS: int(365, 1, 3650),
  RETAIN_DISABLED_ACCOUNT_DAYS: int(730, 1, 3650),
  RETAIN_HOTLINE_DAYS: int(730, 1, 3650),
  RETAIN_NEWSLETTER_RECIPIENT_DAYS: int(730, 1, 3650),
  RETAIN_SURVEY_CONTACT_DAYS: int(30, 1, 3650),
  HOTLINE_SMTP_PORT: optionalInt(0, 65535),
  HOTLINE_SMTP_HOST: text('127.0.0.1'),
  HOTLINE_MAIL_DOMAIN: variable(
    z
      .string()
      .regex(/^[A-Za-z0-9.-]{1,253}$/, 'must be a mail domain, like svar.blup.dk')
      .optional(),
  ),
});

type Environment = z.output<typeof environment>;

/** Rules that tie variables together: Mux keys come all five or none; production signs. */
function checkTogether(env: Environment, ctx: z.RefinementCtx): void {
  const problem = (name: keyof Environment, message: string) =>
    ctx.addIssue({ code: 'custom', path: [name], message, input: env[name] });
  if (MUX_VARIABLES.some((name) => env[name])) {
    for (const name of MUX_VARIABLES) if (!env[name]) problem(name, 'is not set');
  }
  if (env.FILE_STORE === 's3' && !env.S3_BUCKET) problem('S3_BUCKET', 'is not set (FILE_STORE=s3)');
  if (env.NODE_ENV === 'production') {
    if (!env.SIGNING_SECRET) problem('SIGNING_SECRET', 'is not set');
    else if (env.SIGNING_SECRET.length < 32)
      problem('SIGNING_SECRET', 'must be at least 32 characters');
  }
}

function toConfig(env: Environment) {
  const mux =
    env.MUX_TOKEN_ID &&
    env.MUX_TOKEN_SECRET &&
    env.MUX_WEBHOOK_SECRET &&
    env.MUX_SIGNING_KEY_ID &&
    env.MUX_SIGNING_KEY_PRIVATE
      ? {
          tokenId: env.MUX_TOKEN_ID,
          tokenSecret: env.MUX_TOKEN_SECRET,
          webhookSecret: env.MUX_WEBHOOK_SECRET,
          /** Signing key for playback tokens (JWT, RS256). */
          signingKeyId: env.MUX_SIGNING_KEY_ID,
          /** Its private key, PEM or base64 of the PEM, as Mux hands it out. */
          signingKeyPrivate: env.MUX_SIGNING_KEY_PRIVATE,
          /** Only for tests: a local fake of the Mux API. */
          baseUrl: env.MUX_BASE_URL ?? null,
        }
      : null;
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    /** Where people reach the product; links in mails point here. */
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    /** Every Redis key this process writes starts with this, so runs can share a Redis. */
    redisPrefix: env.REDIS_PREFIX,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    /** Folder of the built web client to serve on the same origin, if any. */
    webDist: env.WEB_DIST ?? null,
    /** Session lifetime without activity, in hours. */
    sessionIdleHours: env.SESSION_IDLE_HOURS,
    /** Secure + __Host- cookies (defaults to on in production). */
    secureCookies: env.SECURE_COOKIES ?? env.NODE_ENV === 'production',
    migrateOnBoot: env.MIGRATE_ON_BOOT,
    seedDemoIfEmpty: env.SEED_DEMO_IF_EMPTY,
    logLevel: env.LOG_LEVEL,
    /** How long sign-in links and password-reset links live, in minutes. */
    linkTtlMinutes: env.LINK_TTL_MINUTES,
    /** How long invitations live, in days. */
    invitationTtlDays: env.INVITATION_TTL_DAYS,
    /** Signs short-lived URLs (local video streams, downloads). Random per boot outside production. */
    signingSecret: env.SIGNING_SECRET ?? randomBytes(32).toString('base64url'),
    video: {
      /** Mux when its keys are set; otherwise files on local disk (the embedded default). */
      provider: mux ? ('mux' as const) : ('local' as const),
      mux,
      /** Local video files (the single-machine default; production uses Mux) live under this folder. */
      storageDir: env.STORAGE_DIR,
      maxVideoBytes: env.MAX_VIDEO_MB * 1024 * 1024,
      maxResourceBytes: env.MAX_RESOURCE_MB * 1024 * 1024,
      /** How long a playback token or signed stream URL lives. */
      playbackTtlSeconds: env.PLAYBACK_TTL_SECONDS,
    },
    /**
     * Uploaded files other than local videos (issue 18): FILE_STORE=postgres (default) keeps
     * them in PostgreSQL, which every API and worker process reaches; FILE_STORE=s3 puts them in
     * S3-compatible object storage (S3_BUCKET, and S3_ENDPOINT for anything but AWS). Nothing is
     * kept on a process's disk, so any process serves any file.
     */
    files: {
      store: env.FILE_STORE,
      s3:
        env.FILE_STORE === 's3' && env.S3_BUCKET
          ? {
              bucket: env.S3_BUCKET,
              /** Unset: AWS itself. Set for MinIO, Ceph, Hetzner, UpCloud and the like. */
              endpoint: env.S3_ENDPOINT ?? null,
              region: env.S3_REGION,
              /** Unset: the SDK's own chain (environment, instance role). */
              credentials:
                env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
                  ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
                  : null,
              /** Bucket in the path, not the host name (most self-hosted stores want this). */
              forcePathStyle: env.S3_FORCE_PATH_STYLE,
            }
          : null,
    },
    /**
     * SHUTDOWN_GRACE_SECONDS (default 25): on SIGTERM an API process reports not ready, stops
     * taking connections and finishes the requests it has; a worker finishes its running jobs.
     * Whatever is left after this long is cut (an API request) or left to be taken over (a job).
     * Keep it under the orchestrator's kill timeout (compose: stop_grace_period, 30 s).
     */
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    /**
     * TRUST_PROXY (default loopback): which proxies' X-Forwarded-For and X-Forwarded-Proto are
     * believed, so rate limits and logs see the person's address, not the proxy's. Behind nginx
     * in docker compose: uniquelocal (the private networks containers live on).
     */
    trustProxy: env.TRUST_PROXY.split(',').map((part) => part.trim()),
    /** The phase library (issue 16): LIBRARY_MAX_MB (default 25) per uploaded file. */
    library: {
      maxFileBytes: env.LIBRARY_MAX_MB * 1024 * 1024,
    },
    circles: {
      /** New circles get a fixed room under this https address (a Jitsi server by default). */
      meetingRoomBaseUrl: env.MEETING_ROOM_BASE_URL,
      /** How long before a session its reminder mail goes out (REMINDER_HOURS_BEFORE, default 48). */
      reminderMinutesBefore: env.REMINDER_HOURS_BEFORE * 60,
    },
    /** Sending newsletters (issue 5): see newsletter-delivery/. */
    newsletters: {
      /** Messages per second over all workers together (NEWSLETTER_RATE_PER_SECOND, default 20). */
      ratePerSecond: env.NEWSLETTER_RATE_PER_SECOND,
      /** Delivery rows a worker claims at a time (NEWSLETTER_BATCH_SIZE, default 50). */
      batchSize: env.NEWSLETTER_BATCH_SIZE,
      /** SMTP tries per recipient before it is marked failed (NEWSLETTER_MAX_ATTEMPTS, default 5). */
      maxAttempts: env.NEWSLETTER_MAX_ATTEMPTS,
      /** First wait before a retry after a temporary SMTP error; doubles each time (default 60 s). */
      retryDelayMs: env.NEWSLETTER_RETRY_DELAY_SECONDS * 1000,
      /** How long a claimed row is a worker's before another may take it over (default 300 s). */
      leaseMs: env.NEWSLETTER_LEASE_SECONDS * 1000,
    },
    /**
     * DATABASE_PREPARED_STATEMENTS (default true): queries with parameters run as named prepared
     * statements, planned once per connection. Set false behind a pooler that cannot keep them
     * (PgBouncer before 1.21 in transaction mode).
     */
    preparedStatements: env.DATABASE_PREPARED_STATEMENTS,
    /**
     * DATABASE_POOL_SIZE (default twice the cores, at least 4): connections each process keeps to
     * PostgreSQL (database/pool-size.ts). Raise it when the database runs on a larger machine.
     */
    poolSize: env.DATABASE_POOL_SIZE,
    /**
     * SESSION_CACHE_SECONDS (default 10, 0 = off): how long a process keeps a session it looked
     * up; the database announces every change that ends or alters one (auth/session-cache.ts).
     */
    sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
    /** BENCH_COUNT_QUERIES=1: an X-Query-Count header on every response (bench, tests; never in production). */
    countQueries: env.NODE_ENV !== 'production' && env.BENCH_COUNT_QUERIES,
    /**
     * BENCH_QUERY_LOG (with BENCH_COUNT_QUERIES): a file the API appends the SQL statements of
     * each request marked `X-Bench-Record: 1` to, for the bench's bare twin to replay.
     */
    queryLog:
      env.NODE_ENV !== 'production' && env.BENCH_COUNT_QUERIES
        ? (env.BENCH_QUERY_LOG ?? null)
        : null,
    /** The hotline's mail (issue 16): see hotline/. */
    hotline: {
      /**
       * HOTLINE_SMTP_PORT: the worker listens here for replies to answer mails (0: any free
       * port); unset, it does not listen. Put it behind the domain's mail server (no TLS here).
       */
      smtpPort: env.HOTLINE_SMTP_PORT ?? null,
      /** HOTLINE_SMTP_HOST (default 127.0.0.1): the address the listener binds to. */
      smtpHost: env.HOTLINE_SMTP_HOST,
      /**
       * HOTLINE_MAIL_DOMAIN: the domain of the signed reply addresses (`hotline+…@domain`);
       * defaults to MAIL_FROM's domain.
       */
      mailDomain: env.HOTLINE_MAIL_DOMAIN ?? mailDomainOf(env.MAIL_FROM),
    },
    /**
     * Personal data (issue 17): see privacy/. Every period is in days and has a variable; the
     * registry (privacy/personal-data-registry.ts) and docs/architecture.md name what each covers.
     */
    privacy: {
      /**
       * SECRETARIAT_EMAIL, SECRETARIAT_PHONE: how people without an account reach the
       * secretariat, shown in the privacy notice and the accessibility statement (unset: only
       * the hotline).
       */
      contact: { email: env.SECRETARIAT_EMAIL ?? null, phone: env.SECRETARIAT_PHONE ?? null },
      /** ERASURE_COOL_OFF_DAYS (default 14): an erasure asked for can be undone this long. */
      erasureCoolOffDays: env.ERASURE_COOL_OFF_DAYS,
      /** EXPORT_LINK_HOURS (default 72): how long an export's download link works. */
      exportLinkHours: env.EXPORT_LINK_HOURS,
      retentionDays: {
        /** Panel sign-ups never confirmed are deleted this long after they were made (30). */
        unconfirmedPanelSignup: env.RETAIN_UNCONFIRMED_PANEL_DAYS,
        /** Gathering and info-meeting registrations are anonymised this long after the event (365). */
        gatheringRegistration: env.RETAIN_GATHERING_REGISTRATION_DAYS,
        /** An application's uploaded files are deleted this long after its decision (365). */
        applicationFiles: env.RETAIN_APPLICATION_FILES_DAYS,
        /** Accounts disabled this long are erased (730). */
        disabledAccount: env.RETAIN_DISABLED_ACCOUNT_DAYS,
        /** Closed hotline questions are anonymised this long after they closed (730). */
        hotline: env.RETAIN_HOTLINE_DAYS,
        /** Newsletter recipients' addresses are removed this long after sending; counts stay (730). */
        newsletterRecipient: env.RETAIN_NEWSLETTER_RECIPIENT_DAYS,
        /**
         * Answers to a survey's personal-data questions (name, email, phone) are removed this
         * long after the survey closed (30); the other answers and the results stay. The grace
         * lets a survey closed by mistake be reopened with its contacts.
         */
        surveyContact: env.RETAIN_SURVEY_CONTACT_DAYS,
      },
    },
    rateLimit: {
      /** Failed sign-ins allowed per account in the window. */
      perAccount: env.SIGNIN_LIMIT_PER_ACCOUNT,
      /** Sign-in attempts allowed per IP address in the window. */
      perIp: env.SIGNIN_LIMIT_PER_IP,
      windowSeconds: env.SIGNIN_LIMIT_WINDOW_SECONDS,
    },
  };
}

/** The domain of "Name <user@domain>" or "user@domain"; "blup.local" when there is none. */
function mailDomainOf(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
  return match ? match[1].toLowerCase() : 'blup.local';
}

/** The environment variables → the app's configuration. */
export const appConfigSchema = environment.superRefine(checkTogether).transform(toConfig);

export type AppConfig = z.output<typeof appConfigSchema>;
export type VideoConfig = AppConfig['video'];
export type MuxConfig = NonNullable<VideoConfig['mux']>;
export type CirclesConfig = AppConfig['circles'];
/** Sending newsletters (issue 5): see newsletter-delivery/. */
export type NewslettersConfig = AppConfig['newsletters'];
export type HotlineConfig = AppConfig['hotline'];
export type PrivacyConfig = AppConfig['privacy'];
export type FilesConfig = AppConfig['files'];

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const result = appConfigSchema.safeParse(env);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  throw new ConfigError(String(first.path[0]), first.message);
}

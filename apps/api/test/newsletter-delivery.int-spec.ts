import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Job } from 'bull';
import { ErrorCode, Role, type ErrorBody, type NewsletterProgressDto } from '@blup/contracts';
import { NewsletterDeliveryProcessor } from '../src/app/newsletter-delivery/newsletter-delivery.processor';
import {
  SMTP_LANES,
  type BatchJob,
  type StartJob,
} from '../src/app/newsletter-delivery/newsletter-delivery.constants';
import { SendRateLimiter } from '../src/app/newsletter-delivery/send-rate-limiter';
import { NewsletterDispatcher } from '../src/app/newsletters/newsletter-ports';
import { startTestApp, TestApp } from './harness';
import { signInAs } from './sign-in';

/**
 * Sending newsletters (issue 5, newsletter-delivery/): through a real SMTP server on localhost
 * that the test steers (refusing some recipients, holding a message while a worker is killed),
 * with the real audience and renderer, Bull, PostgreSQL and Redis.
 */

const API_ROOT = join(__dirname, '..');
const REPO_ROOT = join(API_ROOT, '..', '..');

interface Accepted {
  to: string;
  messageId: string;
  mail: ParsedMail;
}

/** What the sink answers: null accepts; a reply like "451 Try later" refuses; 'hold' never answers. */
type Verdict = string | null | 'hold';

/** A real SMTP server whose answers each test decides; it keeps only what it accepted (250). */
class SteeredSink {
  readonly accepted: Accepted[] = [];
  /** Times of every RCPT TO per address, accepted or not. */
  readonly rcptTimes = new Map<string, number[]>();
  dataCount = 0;
  onRcpt: (address: string, tryNo: number) => Verdict = () => null;
  onData: (address: string, n: number) => Promise<Verdict> | Verdict = () => null;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (address, _session, callback) => {
      const to = address.address.toLowerCase();
      const times = this.rcptTimes.get(to) ?? [];
      times.push(Date.now());
      this.rcptTimes.set(to, times);
      const verdict = this.onRcpt(to, times.length);
      if (verdict && verdict !== 'hold') return callback(reply(verdict));
      callback();
    },
    onData: (stream, session, callback) => {
      const to = session.envelope.rcptTo[0]?.address.toLowerCase() ?? '';
      simpleParser(stream)
        .then(async (mail) => {
          const verdict = await this.onData(to, ++this.dataCount);
          if (verdict === 'hold') return; // the client waits for an answer that never comes
          if (verdict) return callback(reply(verdict));
          this.accepted.push({ to, messageId: mail.messageId ?? '', mail });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  constructor() {
    // A client killed mid-conversation is not the sink's problem.
    this.server.on('error', () => undefined);
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  to(address: string): Accepted[] {
    return this.accepted.filter((a) => a.to === address.toLowerCase());
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function reply(text: string): Error {
  return Object.assign(new Error(text.slice(4)), { responseCode: Number(text.slice(0, 3)) });
}

async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface DeliveryRow {
  id: string;
  email: string;
  status: string;
  attempts: number;
  last_error: string | null;
  message_id: string;
  sent_at: Date | null;
}

/** A village with `emails.length` steering members, and a village newsletter to them. */
async function villageNewsletter(t: TestApp, emails: string[]): Promise<string> {
  const village = await t.factory.village();
  await t.dataSource.query(
    `INSERT INTO users (email, name, role, municipality_id, village_id, locale, activated_at)
     SELECT e, 'Medlem ' || i, 'steering_member', $2, $3, 'da', now()
       FROM unnest($1::text[]) WITH ORDINALITY AS x(e, i)`,
    [emails, village.municipalityId, village.id],
  );
  const [row] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO newsletters (village_id, subject, blocks, status, send_mode, send_at, web_token)
     VALUES ($1, $2, $3, 'scheduled', 'now', now(), $4) RETURNING id`,
    [
      village.id,
      'Nyt fra {{landsby}}',
      JSON.stringify([{ type: 'text', html: '<p>Hej {{navn}}, vi ses snart.</p>' }]),
      randomBytes(32).toString('base64url'),
    ],
  );
  return row.id;
}

function addresses(tag: string, count: number, kind = 'm'): string[] {
  return Array.from({ length: count }, (_, i) => `${kind}-${tag}-${i}@example.dk`);
}

async function deliveries(t: TestApp, newsletterId: string): Promise<DeliveryRow[]> {
  return t.dataSource.query<DeliveryRow[]>(
    `SELECT id, email, status, attempts, last_error, message_id, sent_at
       FROM newsletter_deliveries WHERE newsletter_id = $1 ORDER BY email`,
    [newsletterId],
  );
}

async function newsletterStatus(t: TestApp, id: string): Promise<string> {
  const [row] = await t.dataSource.query<{ status: string }[]>(
    `SELECT status FROM newsletters WHERE id = $1`,
    [id],
  );
  return row.status;
}

const finalStatus = (t: TestApp, id: string) => async () => {
  const status = await newsletterStatus(t, id);
  return status === 'sent' || status === 'partly_failed' ? status : null;
};

describe('newsletter delivery', () => {
  describe('in one process', () => {
    let t: TestApp;
    const sink = new SteeredSink();

    beforeAll(async () => {
      const smtpUrl = await sink.start();
      t = await startTestApp({
        SMTP_URL: smtpUrl,
        NEWSLETTER_RATE_PER_SECOND: '1000',
        NEWSLETTER_BATCH_SIZE: '7',
        NEWSLETTER_MAX_ATTEMPTS: '3',
        NEWSLETTER_RETRY_DELAY_SECONDS: '1',
        NEWSLETTER_LEASE_SECONDS: '3',
      });
    });
    afterAll(async () => {
      await t.close();
      await sink.stop();
    });

    it('sends each recipient one message in batches, and marks rows and newsletter sent', async () => {
      const tag = Date.now().toString(36);
      const emails = addresses(tag, 20);
      const id = await villageNewsletter(t, emails);

      await t.app.get(NewsletterDispatcher).schedule(id, new Date());

      expect(await waitUntil('the newsletter to finish', finalStatus(t, id))).toBe('sent');
      const rows = await deliveries(t, id);
      expect(rows).toHaveLength(20);
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
        expect(row.message_id).toBe(`<${row.id}@blup-akademiet>`);
        const got = sink.to(row.email);
        expect(got).toHaveLength(1);
        expect(got[0].messageId).toBe(row.message_id);
        const lines = got[0].mail.headerLines.map((h) => h.key);
        expect(lines).toEqual(
          expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post']),
        );
        expect(got[0].mail.html).toBeTruthy();
        expect(got[0].mail.text).toBeTruthy();
      }
      const [nl] = await t.dataSource.query<
        { sending_started_at: Date | null; finished_at: Date | null }[]
      >(`SELECT sending_started_at, finished_at FROM newsletters WHERE id = $1`, [id]);
      expect(nl.sending_started_at).toBeInstanceOf(Date);
      expect(nl.finished_at).toBeInstanceOf(Date);
    });

    it('sends nothing twice when jobs run again or batches race for the same rows', async () => {
      const tag = Date.now().toString(36);
      const emails = addresses(tag, 30);
      const id = await villageNewsletter(t, emails);
      const processor = t.app.get(NewsletterDeliveryProcessor);
      const job = { data: { newsletterId: id } } as Job<BatchJob>;

      // The queued start job and three more batch runs by hand, all at once.
      await t.app.get(NewsletterDispatcher).schedule(id, new Date());
      await waitUntil(
        'sending to start',
        async () => (await newsletterStatus(t, id)) !== 'scheduled',
      );
      await Promise.all([processor.batch(job), processor.batch(job), processor.batch(job)]);
      await waitUntil('the newsletter to finish', finalStatus(t, id));

      // And once more when everything is done: the start job and a batch.
      await t.app.get(NewsletterDispatcher).schedule(id, new Date());
      expect(await processor.batch(job)).toMatchObject({ sent: 0, skipped: 'sent' });
      await new Promise((resolve) => setTimeout(resolve, 500));

      for (const email of emails) expect(sink.to(email)).toHaveLength(1);
      expect((await deliveries(t, id)).every((r) => r.status === 'sent')).toBe(true);
    });

    it('retries temporary refusals with backoff and records bounces and failures', async () => {
      const tag = Date.now().toString(36);
      const ok = addresses(tag, 3, 'ok');
      const [soft] = addresses(tag, 1, 'soft'); // 451 twice, then accepted
      const [busy] = addresses(tag, 1, 'busy'); // 451 every time
      const [gone] = addresses(tag, 1, 'gone'); // 550 at RCPT: a bounce
      const [spam] = addresses(tag, 1, 'spam'); // 554 after DATA: a failure
      sink.onRcpt = (address, tryNo) => {
        if (address === soft && tryNo <= 2) return '451 4.7.1 Greylisted, try again later';
        if (address === busy) return '451 4.3.2 Mailbox busy';
        if (address === gone) return '550 5.1.1 No such user here';
        return null;
      };
      sink.onData = (address) => (address === spam ? '554 5.7.1 Message refused' : null);
      try {
        const id = await villageNewsletter(t, [...ok, soft, busy, gone, spam]);
        await t.app.get(NewsletterDispatcher).schedule(id, new Date());

        expect(await waitUntil('the newsletter to finish', finalStatus(t, id), 30_000)).toBe(
          'partly_failed',
        );
        const rows = new Map((await deliveries(t, id)).map((r) => [r.email, r]));
        for (const email of ok) {
          expect(rows.get(email)).toMatchObject({ status: 'sent', attempts: 1 });
          expect(sink.to(email)).toHaveLength(1);
        }
        expect(rows.get(soft)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
        expect(sink.to(soft)).toHaveLength(1);
        // Backoff: 1 s before the second try, 2 s before the third.
        const [t1, t2, t3] = sink.rcptTimes.get(soft) ?? [];
        expect(t2 - t1).toBeGreaterThanOrEqual(900);
        expect(t3 - t2).toBeGreaterThanOrEqual(1900);

        expect(rows.get(busy)).toMatchObject({ status: 'failed', attempts: 3 });
        expect(rows.get(busy)?.last_error).toContain('451');
        expect(sink.rcptTimes.get(busy)).toHaveLength(3);
        expect(rows.get(gone)).toMatchObject({ status: 'bounced', attempts: 1 });
        expect(rows.get(gone)?.last_error).toContain('550');
        expect(rows.get(spam)).toMatchObject({ status: 'failed', attempts: 1 });
        expect(rows.get(spam)?.last_error).toContain('554');
        for (const email of [busy, gone, spam]) expect(sink.to(email)).toHaveLength(0);
      } finally {
        sink.onRcpt = () => null;
        sink.onData = () => null;
      }
    }, 45_000);

    it('keeps to the configured rate', async () => {
      t.config.newsletters.ratePerSecond = 10;
      try {
        const id = await villageNewsletter(t, addresses(Date.now().toString(36), 25));
        const started = Date.now();
        await t.app.get(NewsletterDispatcher).schedule(id, new Date());
        await waitUntil('the newsletter to finish', finalStatus(t, id));
        // 25 messages at 10 per second: at least three windows of one second.
        expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
        const rows = await deliveries(t, id);
        const perSecond = new Map<number, number>();
        for (const r of rows) {
          const second = Math.floor((r.sent_at?.getTime() ?? 0) / 1000);
          perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
        }
        // sent_at is written after the 250, so one let through at the end of a second may be
        // recorded early in the next.
        expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(12);
      } finally {
        t.config.newsletters.ratePerSecond = 1000;
      }
    });

    it('puts a newsletter whose audience is gone by its send time back to draft, not "sent"', async () => {
      const secretary = await t.factory.user({ role: Role.Secretariat });
      const emails = addresses(Date.now().toString(36), 2, 'gone');
      const id = await villageNewsletter(t, emails);
      // Everyone opted out between scheduling and the send time.
      await t.dataSource.query(
        `UPDATE users SET newsletters_opted_out_at = now() WHERE email = ANY($1::text[])`,
        [emails],
      );
      const processor = t.app.get(NewsletterDeliveryProcessor);
      const job = { data: { newsletterId: id, sendAt: new Date().toISOString() } } as Job<StartJob>;
      expect(await processor.start(job)).toEqual({ recipients: 0, skipped: 'no_audience' });

      const [nl] = await t.dataSource.query<
        {
          status: string;
          send_mode: string | null;
          send_at: Date | null;
          finished_at: Date | null;
        }[]
      >(`SELECT status, send_mode, send_at, finished_at FROM newsletters WHERE id = $1`, [id]);
      expect(nl).toEqual({ status: 'draft', send_mode: null, send_at: null, finished_at: null });
      expect(await deliveries(t, id)).toEqual([]);
      // A repeat of the start job (or the sweep) finds a draft and does nothing.
      expect(await processor.start(job)).toEqual({ recipients: 0, skipped: 'draft' });
      expect(await processor.sweep()).toBeDefined();
      expect(await newsletterStatus(t, id)).toBe('draft');

      const admin = await signInAs(t, secretary);
      const progress = await admin.get<NewsletterProgressDto>(`/api/newsletters/${id}/progress`);
      expect(progress.body).toMatchObject({ status: 'draft', total: 0, sent: 0, pending: 0 });
      // Scheduling again says why: nobody would receive it.
      const again = await admin.post<ErrorBody>(`/api/newsletters/${id}/schedule`, { mode: 'now' });
      expect(again.status).toBe(400);
      expect(again.body.code).toBe(ErrorCode.NewsletterNoAudience);
      for (const email of emails) expect(sink.to(email)).toEqual([]);
    });

    it('answers 502 newsletter_test_not_sent (not a 500) when the mail server refuses a test', async () => {
      const secretary = await t.factory.user({ role: Role.Secretariat });
      const id = await villageNewsletter(t, addresses(Date.now().toString(36), 1, 'test'));
      await t.dataSource.query(
        `UPDATE newsletters SET status = 'draft', send_mode = NULL, send_at = NULL WHERE id = $1`,
        [id],
      );
      sink.onRcpt = (address) =>
        address === secretary.email.toLowerCase() ? '550 5.1.1 No such user here' : null;
      try {
        const admin = await signInAs(t, secretary);
        const res = await admin.post<ErrorBody>(`/api/newsletters/${id}/test`, {});
        expect(res.status).toBe(502);
        expect(res.body.code).toBe(ErrorCode.NewsletterTestNotSent);
        expect(res.body.message).toContain('550');
        expect(await newsletterStatus(t, id)).toBe('draft');
      } finally {
        sink.onRcpt = () => null;
      }
    });

    it('sends nothing twice when one lane fails mid-batch (Redis gone for a moment)', async () => {
      // Before: the batch gave its untried rows back while the other lanes went on sending
      // them, and the job's retry sent those rows a second time.
      const limiter = t.app.get(SendRateLimiter);
      const real = limiter.take.bind(limiter);
      let calls = 0;
      const spy = jest
        .spyOn(limiter, 'take')
        .mockImplementation(() =>
          ++calls === 3 ? Promise.reject(new Error('Redis went away')) : real(),
        );
      // Slow answers keep the other lanes' messages in flight while the batch gives rows back.
      sink.onData = () => new Promise((resolve) => setTimeout(() => resolve(null), 150));
      try {
        const emails = addresses(Date.now().toString(36), 14, 'blip');
        const id = await villageNewsletter(t, emails);
        await t.app.get(NewsletterDispatcher).schedule(id, new Date());
        expect(await waitUntil('the newsletter to finish', finalStatus(t, id), 30_000)).toBe(
          'sent',
        );
        expect(calls).toBeGreaterThan(3);
        await new Promise((resolve) => setTimeout(resolve, 500));
        for (const email of emails) expect(sink.to(email)).toHaveLength(1);
      } finally {
        spy.mockRestore();
        sink.onData = () => null;
      }
    }, 45_000);
  });

  describe('a worker process killed with SIGKILL in the middle of a send', () => {
    let api: TestApp;
    const sink = new SteeredSink();
    let smtpUrl: string;
    let worker: WorkerProcess | null = null;
    const workerEnv: Record<string, string> = {
      NEWSLETTER_RATE_PER_SECOND: '1000',
      NEWSLETTER_BATCH_SIZE: '10',
      NEWSLETTER_MAX_ATTEMPTS: '5',
      NEWSLETTER_RETRY_DELAY_SECONDS: '1',
      // Longer than one send can take on a loaded machine: a row whose lease ran out while its
      // worker was still sending it is taken over by the next batch and sent twice, which is
      // the lease doing its job, not the kill (a busy CI machine once made 19 such repeats).
      NEWSLETTER_LEASE_SECONDS: '8',
      SIGNING_SECRET: randomBytes(32).toString('base64url'),
    };

    beforeAll(async () => {
      smtpUrl = await sink.start();
      api = await startTestApp({ ...workerEnv, SMTP_URL: smtpUrl }, { role: 'api' });
    }, 60_000);
    afterAll(async () => {
      await worker?.kill('SIGTERM');
      await WorkerProcess.killAll();
      await api.close();
      await sink.stop();
    });

    const startWorker = (): Promise<WorkerProcess> =>
      WorkerProcess.start({
        ...workerEnv,
        SMTP_URL: smtpUrl,
        PUBLIC_URL: api.config.publicUrl,
        STORAGE_DIR: api.config.video.storageDir,
      });

    it('neither loses nor repeats a message when killed while the server receives one', async () => {
      const tag = Date.now().toString(36);
      const emails = addresses(tag, 40, 'kill');
      const id = await villageNewsletter(api, emails);
      let victim = '';
      let killed: Promise<void> | null = null;
      sink.onData = (address, n) => {
        if (killed) return 'hold';
        if (n < 17) return null;
        // Message 17 is on the wire: answer nothing more, let the worker write down the 250s
        // it has, then kill it before it hears about this one.
        victim = address;
        killed = (async () => {
          await new Promise((resolve) => setTimeout(resolve, 500));
          await worker?.kill('SIGKILL');
        })();
        return 'hold';
      };
      sink.dataCount = 0;
      try {
        worker = await startWorker();
        await api.app.get(NewsletterDispatcher).schedule(id, new Date());
        await waitUntil('the kill', async () => killed !== null);
        await killed;
        expect(worker.exitSignal).toBe('SIGKILL');

        const before = await deliveries(api, id);
        expect(before.find((r) => r.email === victim)?.status).toBe('sending');
        expect(sink.to(victim)).toHaveLength(0);
        const sentBefore = before.filter((r) => r.status === 'sent').length;
        expect(sentBefore).toBeGreaterThan(0);
        expect(sentBefore).toBeLessThan(emails.length);

        sink.onData = () => null;
        worker = await startWorker();
        expect(await waitUntil('the newsletter to finish', finalStatus(api, id), 30_000)).toBe(
          'sent',
        );
        const rows = await deliveries(api, id);
        for (const row of rows) {
          expect(row.status).toBe('sent');
          const got = sink.to(row.email);
          expect(got).toHaveLength(1);
          expect(got[0].messageId).toBe(row.message_id);
        }
        expect(rows.map((r) => r.email).sort()).toEqual([...emails].sort());
        expect(rows.find((r) => r.email === victim)?.attempts).toBe(2);
      } finally {
        sink.onData = () => null;
      }
    }, 120_000);

    it('loses nothing when killed at an arbitrary moment, and a repeat keeps its Message-ID', async () => {
      const tag = Date.now().toString(36);
      const emails = addresses(tag, 60, 'any');
      const id = await villageNewsletter(api, emails);
      if (!worker || worker.exitSignal || worker.exitCode !== null) worker = await startWorker();

      await api.app.get(NewsletterDispatcher).schedule(id, new Date());
      const received = () => emails.filter((e) => sink.to(e).length > 0).length;
      await waitUntil('half the messages', async () => received() >= emails.length / 2);
      await worker.kill('SIGKILL');

      worker = await startWorker();
      expect(await waitUntil('the newsletter to finish', finalStatus(api, id), 30_000)).toBe(
        'sent',
      );
      const rows = await deliveries(api, id);
      let repeats = 0;
      for (const row of rows) {
        expect(row.status).toBe('sent');
        const got = sink.to(row.email);
        expect(got.length).toBeGreaterThanOrEqual(1);
        expect(new Set(got.map((g) => g.messageId))).toEqual(new Set([row.message_id]));
        repeats += got.length - 1;
      }
      expect(rows).toHaveLength(emails.length);
      // Only a message in flight at the kill can come twice: the server had taken it (its 250
      // unheard, or heard but not yet written down). At most one per SMTP lane, and the repeat
      // carries the same Message-ID, so a receiver can drop it.
      expect(repeats).toBeLessThanOrEqual(SMTP_LANES);
    }, 120_000);
  });
});

/**
 * `main.ts worker` in its own OS process, straight from the TypeScript sources (integration
 * tests run before the build): ts-node without type checks, @blup/* through tsconfig-paths.
 */
class WorkerProcess {
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;
  private output = '';
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) =>
      child.on('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        resolve();
      }),
    );
  }

  /** Every worker still running, so a test that times out mid-start leaves no process behind. */
  static readonly spawned = new Set<WorkerProcess>();

  static async killAll(): Promise<void> {
    await Promise.all([...WorkerProcess.spawned].map((w) => w.kill('SIGKILL')));
  }

  static async start(env: Record<string, string>): Promise<WorkerProcess> {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(API_ROOT, 'src/main.ts'),
        'worker',
      ],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          TS_NODE_PROJECT: join(API_ROOT, 'tsconfig.app.json'),
          TS_NODE_BASEURL: REPO_ROOT,
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const worker = new WorkerProcess(child);
    WorkerProcess.spawned.add(worker);
    child.on('exit', () => WorkerProcess.spawned.delete(worker));
    await waitUntil(
      'the worker process to start',
      async () => {
        if (worker.exitCode !== null || worker.exitSignal) {
          throw new Error(`The worker process exited:\n${worker.output.slice(-4000)}`);
        }
        return worker.output.includes('Worker started');
      },
      60_000,
    );
    return worker;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    if (this.exitCode !== null || this.exitSignal) return;
    this.child.kill(signal);
    await this.exited;
  }
}

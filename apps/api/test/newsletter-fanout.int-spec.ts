import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NewsletterAudience, NewsletterDispatcher } from '../src/app/newsletters/newsletter-ports';
import { startTestApp, TestApp } from './harness';

/**
 * A large fan-out (issue 14): the audience is snapshotted a keyset page at a time and the sent
 * marks are written in groups, yet every recipient gets exactly one message carrying its row's
 * Message-ID. Real PostgreSQL, Redis, Bull and SMTP; the sink only counts (no parsing).
 */

/** Counts messages per envelope recipient and keeps the Message-ID each came with. */
class CountingSink {
  readonly messageIds = new Map<string, string[]>();
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, session, callback) => {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        const id = /^message-id:[ \t]*(\S+)/im.exec(head)?.[1] ?? '';
        for (const r of session.envelope.rcptTo) {
          const to = r.address.toLowerCase();
          this.messageIds.set(to, [...(this.messageIds.get(to) ?? []), id]);
        }
        callback();
      });
    },
  });

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function villageNewsletter(t: TestApp, count: number, tag: string): Promise<string> {
  const village = await t.factory.village();
  await t.dataSource.query(
    `INSERT INTO users (email, name, role, municipality_id, village_id, locale, activated_at)
     SELECT 'fan-' || $4 || '-' || g || '@example.dk', 'Medlem ' || g, 'steering_member', $2, $3,
            'da', now()
       FROM generate_series(1, $1::int) g`,
    [count, village.municipalityId, village.id, tag],
  );
  const [row] = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO newsletters (village_id, subject, blocks, status, send_mode, send_at, web_token)
     VALUES ($1, 'Nyt fra {{landsby}}', $2, 'draft', NULL, NULL, $3) RETURNING id`,
    [
      village.id,
      JSON.stringify([{ type: 'text', html: '<p>Hej {{navn}}, vi ses snart.</p>' }]),
      randomBytes(32).toString('base64url'),
    ],
  );
  return row.id;
}

describe('newsletter fan-out', () => {
  let t: TestApp;
  const sink = new CountingSink();

  beforeAll(async () => {
    t = await startTestApp({
      SMTP_URL: await sink.start(),
      NEWSLETTER_RATE_PER_SECOND: '100000',
      NEWSLETTER_BATCH_SIZE: '200',
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('reads the audience in keyset pages that together are the whole audience, in order', async () => {
    const id = await villageNewsletter(t, 23, Date.now().toString(36));
    const audience = t.app.get(NewsletterAudience);
    const whole = await audience.resolve(id);
    expect(whole).toHaveLength(23);
    const paged = [];
    for (let after: string | null = null; ;) {
      const page = await audience.resolve(id, { after, limit: 5 });
      paged.push(...page);
      if (page.length < 5) break;
      after = page[page.length - 1].email;
    }
    expect(paged).toEqual(whole);
    expect(paged.map((r) => r.email)).toEqual(whole.map((r) => r.email).sort());
  });

  it('sends more recipients than one audience page each exactly one message with its Message-ID', async () => {
    const count = 5200;
    const id = await villageNewsletter(t, count, Date.now().toString(36));
    await t.dataSource.query(
      `UPDATE newsletters SET status = 'scheduled', send_mode = 'now', send_at = now() WHERE id = $1`,
      [id],
    );
    await t.app.get(NewsletterDispatcher).schedule(id, new Date());
    const deadline = Date.now() + 150_000;
    for (;;) {
      const [nl] = await t.dataSource.query<{ status: string }[]>(
        `SELECT status FROM newsletters WHERE id = $1`,
        [id],
      );
      if (nl.status === 'sent' || nl.status === 'partly_failed') break;
      if (Date.now() > deadline) throw new Error(`Still ${nl.status}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const rows = await t.dataSource.query<{ email: string; status: string; message_id: string }[]>(
      `SELECT email, status, message_id FROM newsletter_deliveries WHERE newsletter_id = $1`,
      [id],
    );
    expect(rows).toHaveLength(count);
    for (const row of rows) {
      expect(row.status).toBe('sent');
      expect(sink.messageIds.get(row.email)).toEqual([row.message_id]);
    }
  }, 180_000);
});

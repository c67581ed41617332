import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { createTransport, Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { RenderedNewsletter } from '../newsletters/newsletter-ports';
import { SMTP_LANES } from './newsletter-delivery.constants';
import {
  buildNewsletterMime,
  envelopeAddress,
  formatFrom,
  isPlainAddress,
} from './newsletter-mime';

export interface NewsletterMail {
  to: { name: string; address: string };
  rendered: RenderedNewsletter;
  /** Fixed per delivery row, so every try of one recipient's copy carries the same id. */
  messageId?: string;
  /** Prefix for the subject, e.g. a test send's "[Test] ". */
  subjectPrefix?: string;
  extraHeaders?: Record<string, string>;
}

/**
 * What nodemailer's SMTP pool reads of a queued message (lib/smtp-pool): its envelope, its
 * Message-ID, and its content (a stream, or a buffer the SMTP connection writes as it is).
 */
interface PooledMessage {
  getEnvelope(): { from: string; to: string[] };
  messageId(): string;
  getHeader(key: string): string | undefined;
  createReadStream(): Buffer;
}

/**
 * Opens each pooled SMTP connection with Nagle's algorithm off. nodemailer leaves it on, and on
 * Linux every message then waits for the server's delayed ACK (about 40 ms): a ceiling of some
 * 20 messages a second per connection, whatever the server could take (see `npm run bench`).
 * TLS (smtps) is still negotiated by nodemailer on the socket handed over.
 */
function noDelaySocket(timeoutMs: number): NonNullable<SMTPPool.Options['getSocket']> {
  return (options, callback) => {
    const secure = Boolean(options.secure);
    const host = options.host ?? 'localhost';
    const port = Number(options.port) || (secure ? 465 : 587);
    const socket = connect({ host, port, noDelay: true });
    const fail = (error: Error): void => {
      socket.destroy();
      callback(error, null);
    };
    socket.setTimeout(timeoutMs, () =>
      fail(new Error(`Connection to the SMTP server ${host}:${port} timed out`)),
    );
    socket.once('error', fail);
    socket.once('connect', () => {
      socket.setTimeout(0);
      socket.removeListener('error', fail);
      callback(null, { connection: socket });
    });
    writeOncePerTick(socket);
  };
}

/**
 * The writes one tick makes to the socket leave together, in one system call: nodemailer writes
 * a message's content and its closing dot as two chunks, each a send of its own (on a busy
 * machine a send that wakes the server costs more than the bytes). Same bytes, same order; the
 * next tick at the latest.
 */
function writeOncePerTick(socket: Socket): void {
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  let corked = false;
  const uncork = (): void => {
    corked = false;
    socket.uncork();
  };
  socket.write = ((...args: unknown[]): boolean => {
    if (!corked) {
      corked = true;
      socket.cork();
      process.nextTick(uncork);
    }
    return write(...args);
  }) as Socket['write'];
}

/**
 * The one pooled SMTP transport newsletters go out through (SMTP_LANES connections, kept open,
 * Nagle off). Its timeouts stay well inside the delivery lease, so a send that hangs gives up
 * before another worker may take its row over. Each message is composed into one string first
 * (newsletter-mime.ts; nodemailer's MailComposer only for a non-ASCII address), so it leaves in a
 * few socket writes rather than one per MIME part.
 */
@Injectable()
export class NewsletterMailer implements OnApplicationShutdown {
  private readonly pool: SMTPPool;
  /** The same pool behind nodemailer's sendMail, for the rare copy nodemailer composes. */
  private readonly transport: Transporter;
  /** The From header, formatted once, and the envelope's sender address. */
  private readonly from: string;
  private readonly envelopeFrom: string;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const timeout = Math.max(1000, Math.min(60_000, Math.floor(config.newsletters.leaseMs / 4)));
    const url = new URL(config.smtpUrl);
    const set = (name: string, value: string): void => {
      if (!url.searchParams.has(name)) url.searchParams.set(name, value);
    };
    // Options go in the URL; the pool reads it and takes the socket factory beside it
    // (createTransport would read only the URL).
    set('pool', 'true');
    set('maxConnections', String(SMTP_LANES));
    set('maxMessages', '1000');
    set('connectionTimeout', String(timeout));
    set('greetingTimeout', String(timeout));
    set('socketTimeout', String(timeout));
    const options = { url: url.toString(), getSocket: noDelaySocket(timeout) };
    this.pool = new SMTPPool(options as SMTPPool.Options);
    this.transport = createTransport(this.pool);
    this.from = formatFrom(config.mailFrom);
    this.envelopeFrom = envelopeAddress(config.mailFrom);
  }

  /** Resolves on the server's 250; rejects with nodemailer's error (see smtp-outcome.ts). */
  async send(mail: NewsletterMail): Promise<void> {
    if (!isPlainAddress(mail.to.address)) {
      await this.transport.sendMail({
        envelope: { from: this.envelopeFrom, to: [mail.to.address] },
        raw: await this.composeRare(mail),
      });
      return;
    }
    const messageId = mail.messageId ?? `<${randomUUID()}@blup-akademiet>`;
    const raw = this.compose(mail, messageId);
    const envelope = { from: this.envelopeFrom, to: [mail.to.address] };
    // Straight to the pool, the transport interface nodemailer's own sendMail ends in: the
    // message is composed already, so nodemailer's compile step (a MimeNode per message, with
    // random bytes for a boundary it never uses, parsing the raw message again, a read stream
    // piped into the connection) has nothing to add. The pool asks the message only for its
    // envelope, its Message-ID and its content, which the SMTP connection takes as a buffer.
    const message: PooledMessage = {
      getEnvelope: () => envelope,
      messageId: () => messageId,
      getHeader: (key) => (key.toLowerCase() === 'message-id' ? messageId : undefined),
      createReadStream: () => raw,
    };
    await new Promise<void>((resolve, reject) => {
      this.pool.send(
        { data: {}, message } as unknown as Parameters<SMTPPool['send']>[0],
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }

  /** The common case: the lean builder (newsletter-mime.ts), the bytes in one go. */
  private compose(mail: NewsletterMail, messageId: string): Buffer {
    const { rendered } = mail;
    return buildNewsletterMime({
      from: this.from,
      to: mail.to,
      subject: `${mail.subjectPrefix ?? ''}${rendered.subject}`,
      html: rendered.html,
      text: rendered.text,
      headers: mail.extraHeaders ? { ...rendered.headers, ...mail.extraHeaders } : rendered.headers,
      messageId,
    });
  }

  /** An address the builder does not write as it is (non-ASCII): nodemailer's composer. */
  private composeRare(mail: NewsletterMail): Promise<Buffer> {
    const { rendered } = mail;
    return new MailComposer({
      from: this.config.mailFrom,
      to: mail.to,
      subject: `${mail.subjectPrefix ?? ''}${rendered.subject}`,
      html: rendered.html,
      text: rendered.text,
      headers: { ...rendered.headers, ...mail.extraHeaders },
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
    })
      .compile()
      .build();
  }

  /** After the queues have stopped (QueueDrain): the batch under way sends its last messages. */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}

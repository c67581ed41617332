import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { connect } from 'node:net';
import { createTransport, Transporter } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import type { RenderedNewsletter } from '../newsletters/newsletter-ports';
import { SMTP_LANES } from './newsletter-delivery.constants';

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
  };
}

/**
 * The one pooled SMTP transport newsletters go out through (SMTP_LANES connections, kept open,
 * Nagle off). Its timeouts stay well inside the delivery lease, so a send that hangs gives up
 * before another worker may take its row over. Each message is composed into one buffer first,
 * so it leaves in a few socket writes rather than one per MIME part.
 */
@Injectable()
export class NewsletterMailer implements OnModuleDestroy {
  private readonly transport: Transporter;

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
    this.transport = createTransport(new SMTPPool(options as SMTPPool.Options));
  }

  async send(mail: NewsletterMail): Promise<void> {
    const { rendered } = mail;
    const raw = await new MailComposer({
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
    await this.transport.sendMail({
      envelope: { from: this.config.mailFrom, to: [mail.to.address] },
      raw,
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

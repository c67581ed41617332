import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
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
 * The one pooled SMTP transport newsletters go out through (SMTP_LANES connections, kept open).
 * Its timeouts stay well inside the delivery lease, so a send that hangs gives up before another
 * worker may take its row over.
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
    // Options go in the URL: nodemailer reads only the URL when it is given one.
    set('pool', 'true');
    set('maxConnections', String(SMTP_LANES));
    set('maxMessages', '1000');
    set('connectionTimeout', String(timeout));
    set('greetingTimeout', String(timeout));
    set('socketTimeout', String(timeout));
    this.transport = createTransport(url.toString());
  }

  async send(mail: NewsletterMail): Promise<void> {
    const { rendered } = mail;
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: `${mail.subjectPrefix ?? ''}${rendered.subject}`,
      html: rendered.html,
      text: rendered.text,
      headers: { ...rendered.headers, ...mail.extraHeaders },
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
    });
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Locale } from '@blup/contracts';
import type { Queue } from 'bull';
import { MAIL_QUEUE, SEND_MAIL_JOB, SEND_MAIL_OPTIONS } from './mail.constants';
import type { MailTemplate, MailTemplates } from './templates';

export interface SendMailJob<T extends MailTemplate = MailTemplate> {
  to: string;
  template: T;
  locale: Locale;
  data: MailTemplates[T];
  /**
   * A calendar message sent with the mail: nodemailer adds it as a text/calendar alternative
   * with its method (what calendar apps act on) and as an .ics attachment.
   */
  calendar?: { method: 'CANCEL' | 'REQUEST' | 'PUBLISH'; filename: string; content: string };
  /** Files sent with the mail, base64; a `cid` makes a picture the HTML shows inline. */
  attachments?: { filename: string; contentType: string; content: string; cid?: string }[];
}

/** Queues a templated mail; the worker renders and sends it, retrying while SMTP is away. */
@Injectable()
export class MailProducer {
  constructor(@InjectQueue(MAIL_QUEUE) private readonly queue: Queue<SendMailJob>) {}

  async send<T extends MailTemplate>(job: SendMailJob<T>): Promise<void> {
    await this.queue.add(SEND_MAIL_JOB, job, SEND_MAIL_OPTIONS);
  }
}

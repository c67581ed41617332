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
}

/** Queues a templated mail; the worker renders and sends it, retrying while SMTP is away. */
@Injectable()
export class MailProducer {
  constructor(@InjectQueue(MAIL_QUEUE) private readonly queue: Queue<SendMailJob>) {}

  async send<T extends MailTemplate>(job: SendMailJob<T>): Promise<void> {
    await this.queue.add(SEND_MAIL_JOB, job, SEND_MAIL_OPTIONS);
  }
}

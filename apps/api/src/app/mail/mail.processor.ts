import { Process, Processor } from '@nestjs/bull';
import { Inject, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Job } from 'bull';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MAIL_QUEUE, SEND_MAIL_JOB } from './mail.constants';
import type { SendMailJob } from './mail.producer';
import { renderMail } from './templates';

/** Worker role only. A failed send is rethrown so Bull retries it with backoff. */
@Processor(MAIL_QUEUE)
export class MailProcessor implements OnApplicationShutdown {
  private readonly logger = new Logger(MailProcessor.name);
  private readonly transport: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = createTransport(config.smtpUrl);
  }

  @Process(SEND_MAIL_JOB)
  async send(job: Job<SendMailJob>): Promise<void> {
    const { to, template, locale, data, calendar, attachments, headers } = job.data;
    const mail = renderMail(template, locale, data as never);
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to,
      ...mail,
      ...(calendar ? { icalEvent: calendar } : {}),
      ...(attachments?.length
        ? { attachments: attachments.map((a) => ({ ...a, encoding: 'base64' })) }
        : {}),
      ...headers,
    });
    this.logger.log({ msg: 'mail sent', template, attempt: job.attemptsMade + 1 });
  }

  /** After the queue has stopped (QueueDrain), so a mail being sent at SIGTERM still goes out. */
  onApplicationShutdown(): void {
    this.transport.close();
  }
}

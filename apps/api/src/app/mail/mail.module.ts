import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { MAIL_QUEUE } from './mail.constants';
import { MailProcessor } from './mail.processor';
import { MailProducer } from './mail.producer';

@Module({})
export class MailModule {
  /** The producer everywhere; the processor only where this process runs workers. */
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: MailModule,
      global: true,
      imports: [BullModule.registerQueue({ name: MAIL_QUEUE })],
      providers: [MailProducer, ...(options.worker ? [MailProcessor] : [])],
      exports: [MailProducer],
    };
  }
}

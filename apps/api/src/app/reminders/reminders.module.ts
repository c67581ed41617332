import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { REMINDERS_QUEUE } from './reminders.constants';
import { RemindersProcessor } from './reminders.processor';
import { ReminderProducer } from './reminders.producer';

/**
 * Reminder mails before each session, scheduled through Bull. The producer follows
 * SessionEvents in every role; the processor and the start-up sweep run only where this process
 * runs workers.
 */
@Module({})
export class RemindersModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: RemindersModule,
      imports: [BullModule.registerQueue({ name: REMINDERS_QUEUE })],
      providers: [ReminderProducer, ...(options.worker ? [RemindersProcessor] : [])],
      exports: [ReminderProducer],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';

/** Reminder mails before each session, scheduled through Bull. */
@Module({})
export class RemindersModule {
  static register(_options: { worker: boolean }): DynamicModule {
    return { module: RemindersModule };
  }
}

import { Global, Module } from '@nestjs/common';
import { SessionEvents } from './session-events';

/** Shares one SessionEvents bus with every module. */
@Global()
@Module({ providers: [SessionEvents], exports: [SessionEvents] })
export class SessionEventsModule {}

import { BullModule } from '@nestjs/bull';
import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { QueueDrain } from './queue-drain';

/**
 * Bull on Redis. Queues are registered by their own modules (each with a producer and, in the
 * worker role only, a processor); this module holds the shared connection settings, and stops
 * the queues first on shutdown (QueueDrain).
 */
@Global()
@Module({
  imports: [
    DiscoveryModule,
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        url: config.redisUrl,
        prefix: `${config.redisPrefix}:bull`,
      }),
    }),
  ],
  providers: [QueueDrain],
  exports: [BullModule],
})
export class QueueModule {}

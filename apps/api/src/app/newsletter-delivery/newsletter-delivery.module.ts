import { DynamicModule, Module } from '@nestjs/common';

/**
 * Sending newsletters through Bull in batches, one delivery row per recipient (issue 5).
 * Global: it provides NewsletterDispatcher (newsletters/newsletter-ports.ts) in every role; the
 * processor runs only where this process runs workers.
 */
@Module({})
export class NewsletterDeliveryModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: NewsletterDeliveryModule,
      global: true,
      providers: options.worker ? [] : [],
      exports: [],
    };
  }
}

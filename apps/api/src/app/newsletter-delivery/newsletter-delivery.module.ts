import { BullModule } from '@nestjs/bull';
import { DynamicModule, Module } from '@nestjs/common';
import { NewsletterDispatcher } from '../newsletters/newsletter-ports';
import { BullNewsletterDispatcher } from './bull-newsletter-dispatcher';
import { DeliveryQueries } from './delivery.queries';
import { DeliveryRetentionService } from './delivery-retention.service';
import { NEWSLETTERS_QUEUE } from './newsletter-delivery.constants';
import { NewsletterDeliveryProcessor } from './newsletter-delivery.processor';
import { NewsletterMailer } from './newsletter-mailer';
import { SendRateLimiter } from './send-rate-limiter';

/**
 * Sending newsletters through Bull in batches, one delivery row per recipient (issue 5).
 * Global: it provides NewsletterDispatcher (newsletters/newsletter-ports.ts) in every role; the
 * processor and its sweeps run only where this process runs workers.
 */
@Module({})
export class NewsletterDeliveryModule {
  static register(options: { worker: boolean }): DynamicModule {
    return {
      module: NewsletterDeliveryModule,
      global: true,
      imports: [BullModule.registerQueue({ name: NEWSLETTERS_QUEUE })],
      providers: [
        DeliveryQueries,
        DeliveryRetentionService,
        NewsletterMailer,
        SendRateLimiter,
        BullNewsletterDispatcher,
        { provide: NewsletterDispatcher, useExisting: BullNewsletterDispatcher },
        ...(options.worker ? [NewsletterDeliveryProcessor] : []),
      ],
      exports: [NewsletterDispatcher],
    };
  }
}

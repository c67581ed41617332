import { Global, Module } from '@nestjs/common';
import { NewsletterAudienceService } from './newsletter-audience.service';
import { NewsletterLookup } from './newsletter-lookup.service';
import { NewsletterOptionsService } from './newsletter-options.service';
import { NewsletterAudience, NewsletterLifecycle, NewsletterRenderer } from './newsletter-ports';
import { NewsletterPreviewService } from './newsletter-preview.service';
import { NewsletterReadingService } from './newsletter-reading.service';
import { NewsletterRendererService } from './newsletter-renderer.service';
import { NewsletterRetimer } from './newsletter-retimer';
import { NewsletterSchedulingService } from './newsletter-scheduling.service';
import { NewsletterStatusService } from './newsletter-status.service';
import { NewsletterWritingService } from './newsletter-writing.service';
import { NewslettersController, NewsletterWebController } from './newsletters.controller';

/**
 * Newsletters: writing, audiences, scheduling, archive and the public web version (issue 5).
 * Global: it provides NewsletterAudience, NewsletterRenderer and NewsletterLifecycle
 * (newsletter-ports.ts) to the delivery module, and uses that module's NewsletterDispatcher to
 * schedule and test. NewsletterStatusService is the one writer of `newsletters.status`.
 */
@Global()
@Module({
  controllers: [NewsletterWebController, NewslettersController],
  providers: [
    NewsletterLookup,
    NewsletterWritingService,
    NewsletterOptionsService,
    NewsletterPreviewService,
    NewsletterSchedulingService,
    NewsletterReadingService,
    NewsletterStatusService,
    NewsletterRetimer,
    { provide: NewsletterAudience, useClass: NewsletterAudienceService },
    { provide: NewsletterRenderer, useClass: NewsletterRendererService },
    { provide: NewsletterLifecycle, useExisting: NewsletterStatusService },
  ],
  exports: [NewsletterAudience, NewsletterRenderer, NewsletterLifecycle],
})
export class NewslettersModule {}

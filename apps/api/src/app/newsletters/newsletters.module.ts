import { Global, Module } from '@nestjs/common';
import { NewsletterAudienceService } from './newsletter-audience.service';
import { NewsletterAudience, NewsletterRenderer } from './newsletter-ports';
import { NewsletterRendererService } from './newsletter-renderer.service';
import { NewsletterRetimer } from './newsletter-retimer';
import { NewslettersController, NewsletterWebController } from './newsletters.controller';
import { NewslettersService } from './newsletters.service';

/**
 * Newsletters: writing, audiences, scheduling, archive and the public web version (issue 5).
 * Global: it provides NewsletterAudience and NewsletterRenderer (newsletter-ports.ts) to the
 * delivery module, and uses that module's NewsletterDispatcher to schedule and test.
 */
@Global()
@Module({
  controllers: [NewsletterWebController, NewslettersController],
  providers: [
    NewslettersService,
    NewsletterRetimer,
    { provide: NewsletterAudience, useClass: NewsletterAudienceService },
    { provide: NewsletterRenderer, useClass: NewsletterRendererService },
  ],
  exports: [NewsletterAudience, NewsletterRenderer],
})
export class NewslettersModule {}

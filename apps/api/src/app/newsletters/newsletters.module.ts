import { Global, Module } from '@nestjs/common';

/**
 * Newsletters: writing, audiences, scheduling, archive and the public web version (issue 5).
 * Global: it provides NewsletterAudience and NewsletterRenderer (newsletter-ports.ts) to the
 * delivery module.
 */
@Global()
@Module({})
export class NewslettersModule {}

import { Injectable, OnModuleInit } from '@nestjs/common';
import { SessionEvents, type SessionChange } from '../circles/session-events';
import { NewsletterSchedulingService } from './newsletter-scheduling.service';

/**
 * Follows SessionEvents: when sessions move, change or are cancelled, "N days before"
 * newsletters still waiting for them are re-timed to the (new) earliest session start.
 */
@Injectable()
export class NewsletterRetimer implements OnModuleInit {
  constructor(
    private readonly events: SessionEvents,
    private readonly scheduling: NewsletterSchedulingService,
  ) {}

  onModuleInit(): void {
    this.events.on((change) => this.onChange(change));
  }

  async onChange(change: SessionChange): Promise<void> {
    await this.scheduling.retime(change.sessionIds);
  }
}

import { Injectable } from '@nestjs/common';
import { inBatches } from '../common/batches';
import { DeliveryQueries } from './delivery.queries';

/** What other modules may ask of the delivery rows (this module owns `newsletter_deliveries`). */
@Injectable()
export class DeliveryRetentionService {
  constructor(private readonly queries: DeliveryQueries) {}

  /**
   * Retention (issue 17): removes the recipients' addresses and names from deliveries finished
   * more than `days` before `now` (RETAIN_NEWSLETTER_RECIPIENT_DAYS), in batches; the statuses,
   * and so the statistics, stay. Returns how many deliveries changed.
   */
  anonymiseFinished(now: Date, days: number): Promise<number> {
    return inBatches((limit) => this.queries.anonymiseFinished(now, days, limit));
  }
}

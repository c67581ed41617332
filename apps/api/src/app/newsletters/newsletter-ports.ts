import type { Locale } from '@blup/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The seams between writing a newsletter (newsletters/) and sending it (newsletter-delivery/).
 * Both modules are global: newsletters/ provides NewsletterAudience, NewsletterRenderer and
 * NewsletterLifecycle (the status moves of sending), newsletter-delivery/ provides
 * NewsletterDispatcher. Neither imports the other's services.
 */

/** One person a newsletter goes to, snapshotted into a delivery row when sending starts. */
export interface NewsletterRecipient {
  /** Lower-case; unique per newsletter. */
  email: string;
  name: string;
  locale: Locale;
  /** A person with an account (a circle member). */
  userId: string | null;
  /** A citizen-panel subscriber (no account). */
  subscriberId: string | null;
  /** Whose village the copy is personalised for (null for a coordinator circle or a cohort-wide standalone). */
  villageId: string | null;
  /** That village's session (its own time and room), when the newsletter leads into a session. */
  sessionId: string | null;
}

/** One rendered copy, ready for nodemailer. */
export interface RenderedNewsletter {
  subject: string;
  html: string;
  text: string;
  /** List-Unsubscribe, List-Unsubscribe-Post and the like. */
  headers: Record<string, string>;
  /** The public web version of this copy. */
  webUrl: string;
}

/** A newsletter loaded once, rendering each copy without touching the database. */
export interface PreparedNewsletter {
  readonly newsletterId: string;
  render(recipient: NewsletterRecipient): RenderedNewsletter;
}

/** A keyset page of an audience: the first `limit` recipients by email after `after`. */
export interface AudiencePage {
  after: string | null;
  limit: number;
}

export abstract class NewsletterAudience {
  /**
   * Everyone the newsletter goes to now: deduplicated by email, opted-out people left out,
   * ordered by email; with `page`, one page of them.
   */
  abstract resolve(newsletterId: string, page?: AudiencePage): Promise<NewsletterRecipient[]>;
}

export abstract class NewsletterRenderer {
  /** Loads the newsletter, its sessions and villages once; throws NotFound if it is gone. */
  abstract prepare(newsletterId: string): Promise<PreparedNewsletter>;
}

export abstract class NewsletterDispatcher {
  /** (Re)schedules sending at `sendAt` (now or earlier: at once). Idempotent per newsletter. */
  abstract schedule(newsletterId: string, sendAt: Date): Promise<void>;
  /** Takes a scheduled newsletter off the queue (back to draft). */
  abstract unschedule(newsletterId: string): Promise<void>;
  /** Sends one copy to one address now, marked as a test, without a delivery row. */
  abstract sendTest(newsletterId: string, recipient: NewsletterRecipient): Promise<void>;
}

/**
 * The moves of a newsletter's status that sending makes; newsletters/ owns the status and
 * provides this (NewsletterStatusService), newsletter-delivery/ calls it.
 */
export abstract class NewsletterLifecycle {
  /**
   * `scheduled → sending` when its time has come by `notAfter`, inside the caller's transaction
   * (which then writes the delivery rows); false when it is no longer scheduled and due.
   */
  abstract startSending(newsletterId: string, notAfter: Date, em: EntityManager): Promise<boolean>;
  /**
   * Nobody left to send to when its time came: `scheduled → draft` with the send time cleared,
   * as an unschedule does. False when it was no longer due and scheduled.
   */
  abstract backToDraftWithoutAudience(newsletterId: string, notAfter: Date): Promise<boolean>;
  /**
   * `sending → sent | partly_failed` once no delivery is pending or sending. Idempotent; the new
   * status, or null when it is not done (or was finished already).
   */
  abstract finishIfDone(newsletterId: string): Promise<string | null>;
}

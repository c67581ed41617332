import { NewsletterDelivery } from './newsletter-delivery.entity';
import { Newsletter } from './newsletter.entity';

export { Newsletter, NewsletterDelivery };
export type { NewsletterDeliveryStatus } from './newsletter-delivery.entity';

/** The entities of newsletters: each class in its own file beside this one, listed here. */
export const NEWSLETTER_ENTITIES: (new () => object)[] = [Newsletter, NewsletterDelivery];

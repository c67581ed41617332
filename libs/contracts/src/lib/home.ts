import type { SessionUser } from './auth';
import type { SessionSummaryDto } from './sessions';

/** A card on the home page. Later features (courses, circles, newsletters) add kinds. */
export interface HomeCard {
  kind: 'municipality' | 'village' | 'cohort' | 'people' | 'welcome' | 'continue';
  title: string;
  /** A short line under the title. */
  subtitle?: string;
  /** A route in the web client. */
  link?: string;
  count?: number;
}

export interface HomeResponse {
  user: SessionUser;
  cards: HomeCard[];
  /** The person's next study-circle session they take part in, if any (not yet ended). */
  nextSession: SessionSummaryDto | null;
}

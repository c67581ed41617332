/** The columns of an offering that say whether it takes applications (read from E1's table). */
export interface OfferingRow {
  kind: string;
  /** ISO dates. */
  starts_on: string | null;
  ends_on: string | null;
  capacity: number | null;
  price_dkk: number;
  published_at: Date | null;
  closed_at: Date | null;
  enrol_closes_at: Date | null;
}

export interface OfferingClosed {
  reason: 'not_published' | 'closed' | 'enrolment_closed' | 'started';
  /** ISO date or instant; empty when none applies. */
  date: string;
  message: string;
}

/**
 * Why a cohort offering takes no applications now (as `offering_closed` names it), or null when
 * it is open: unpublished, closed by the secretariat, past its deadline, or started.
 */
export function offeringClosed(offering: OfferingRow, now: Date): OfferingClosed | null {
  if (!offering.published_at) {
    return {
      reason: 'not_published',
      date: '',
      message: 'The cohort is not open for applications yet.',
    };
  }
  if (offering.closed_at) {
    const date = offering.closed_at.toISOString();
    return {
      reason: 'closed',
      date,
      message: `The cohort closed for applications on ${date.slice(0, 10)}.`,
    };
  }
  if (offering.enrol_closes_at && offering.enrol_closes_at.getTime() <= now.getTime()) {
    const date = offering.enrol_closes_at.toISOString();
    return {
      reason: 'enrolment_closed',
      date,
      message: `The deadline for applications was ${date.slice(0, 10)}.`,
    };
  }
  const today = now.toISOString().slice(0, 10);
  if (offering.starts_on && offering.starts_on <= today) {
    return {
      reason: 'started',
      date: offering.starts_on,
      message: `The cohort started on ${offering.starts_on}; apply for a later one.`,
    };
  }
  return null;
}

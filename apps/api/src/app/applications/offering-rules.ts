import { offeringStatus, type ClosedReason } from '../enrolment/offering-rules';

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
  reason: ClosedReason;
  /** The date the reason names (YYYY-MM-DD, Danish time); empty when none applies. */
  date: string;
  message: string;
}

const MESSAGES: Record<ClosedReason, (date: string) => string> = {
  not_published: () => 'The cohort is not open for applications yet.',
  closed: (date) => `The cohort closed for applications on ${date}.`,
  enrolment_closed: (date) => `The deadline for applications was ${date}.`,
  started: (date) => `The cohort started on ${date}; apply for a later one.`,
};

/**
 * Why a cohort offering takes no applications now (as `offering_closed` names it), or null when
 * it is open. The rule is enrolment's own (`offeringStatus`); only the wording is about applying.
 */
export function offeringClosed(offering: OfferingRow, now: Date): OfferingClosed | null {
  const status = offeringStatus(
    {
      startsOn: offering.starts_on,
      enrolClosesAt: offering.enrol_closes_at,
      publishedAt: offering.published_at,
      closedAt: offering.closed_at,
    },
    now,
  );
  if (!status.reason) return null;
  return {
    reason: status.reason,
    date: status.date,
    message: MESSAGES[status.reason](status.date),
  };
}

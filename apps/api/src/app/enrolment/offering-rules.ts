import {
  CIRCLE_TIME_ZONE,
  EnrolmentStatus,
  OfferingApproval,
  OfferingKind,
  OfferingState,
  Payer,
  wallTimeOf,
} from '@blup/contracts';

/** The facts about an offering that decide whether it takes enrolments now. */
export interface OfferingWindow {
  startsOn: string | null;
  enrolClosesAt: Date | null;
  publishedAt: Date | null;
  closedAt: Date | null;
}

export type ClosedReason = 'not_published' | 'closed' | 'enrolment_closed' | 'started';

export interface OfferingStatus {
  state: OfferingState;
  reason: ClosedReason | null;
  /** The date the reason names (YYYY-MM-DD), or '' when none. */
  date: string;
  /** In English words, naming why ("closed on 2027-01-15"); null when open. */
  message: string | null;
}

/** Today's date in Denmark (YYYY-MM-DD). */
export function danishDate(now: Date): string {
  return wallTimeOf(now, CIRCLE_TIME_ZONE).date;
}

/**
 * Whether an offering takes enrolments at `now`: published, not closed, before its enrolment
 * deadline and before it starts (self-paced courses never start).
 */
export function offeringStatus(o: OfferingWindow, now: Date): OfferingStatus {
  const open = { state: OfferingState.Open, reason: null, date: '', message: null };
  if (!o.publishedAt || o.publishedAt > now) {
    return {
      state: OfferingState.Draft,
      reason: 'not_published',
      date: '',
      message: 'it is not published yet',
    };
  }
  if (o.closedAt && o.closedAt <= now) {
    const date = danishDate(o.closedAt);
    return { state: OfferingState.Closed, reason: 'closed', date, message: `closed on ${date}` };
  }
  if (o.enrolClosesAt && o.enrolClosesAt <= now) {
    const date = danishDate(o.enrolClosesAt);
    return {
      state: OfferingState.Closed,
      reason: 'enrolment_closed',
      date,
      message: `enrolment closed on ${date}`,
    };
  }
  if (o.startsOn && o.startsOn <= danishDate(now)) {
    return {
      state: OfferingState.Started,
      reason: 'started',
      date: o.startsOn,
      message: `it started on ${o.startsOn}`,
    };
  }
  return open;
}

/**
 * What a new enrolment becomes: a free place is taken (`enrolled` or, when the secretariat
 * approves, `pending`); otherwise the waitlist. Capacity null = unlimited.
 */
export function admissionStatus(
  capacity: number | null,
  placesHeld: number,
  approval: OfferingApproval,
): EnrolmentStatus {
  if (capacity !== null && placesHeld >= capacity) return EnrolmentStatus.Waitlisted;
  return approval === OfferingApproval.Automatic
    ? EnrolmentStatus.Enrolled
    : EnrolmentStatus.Pending;
}

/** Statuses that hold one of the offering's places. */
export function holdsPlace(status: EnrolmentStatus): boolean {
  return status === EnrolmentStatus.Pending || status === EnrolmentStatus.Enrolled;
}

export function isActive(status: EnrolmentStatus): boolean {
  return holdsPlace(status) || status === EnrolmentStatus.Waitlisted;
}

/** Villages take cohorts and mini-BLUP modules; people take academy courses. */
export function enrolsVillages(kind: OfferingKind): boolean {
  return kind !== OfferingKind.AcademyCourse;
}

export function defaultPayer(kind: OfferingKind): Payer {
  return enrolsVillages(kind) ? Payer.Municipality : Payer.Self;
}

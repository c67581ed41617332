import type {
  AgendaItem,
  AttendanceStatus,
  CircleKind,
  Material,
  NextStep,
  Phase,
  RsvpAnswer,
  SessionStatus,
  SessionSummaryDto,
} from '@blup/contracts';
import type { CircleRefColumns } from '../circles/circle-ref.queries';
import { toSessionSummary } from '../circles/session-summary';

/**
 * Session rows as this module reads them (participation.queries.ts), mapped through the circles
 * module's `toSessionSummary` so every list says the same.
 */
export interface SummaryRow {
  id: string;
  circle_id: string;
  circle_kind: CircleKind;
  cohort_name: string;
  village_name: string | null;
  title: string;
  phase: Phase;
  topic: string;
  starts_at: Date;
  ends_at: Date;
  status: SessionStatus;
  meeting_url: string | null;
  room_url: string | null;
  my_rsvp: RsvpAnswer | null;
}

/** `takesPart`: the asker is a member or guest of the circle (may answer). */
export function summaryOf(row: SummaryRow, takesPart: boolean): SessionSummaryDto {
  return toSessionSummary(
    {
      id: row.id,
      circleId: row.circle_id,
      title: row.title,
      phase: row.phase,
      topic: row.topic,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      status: row.status,
      meetingUrl: row.meeting_url,
    },
    {
      kind: row.circle_kind,
      cohortName: row.cohort_name,
      villageName: row.village_name,
      roomUrl: row.room_url,
      askerTakesPart: takesPart,
    },
    row.my_rsvp ?? null,
  );
}

/** A row of `loadSessionPage`. */
export interface SessionPageRow extends SummaryRow, CircleRefColumns {
  plan_id: string | null;
  agenda: AgendaItem[];
  materials: Material[];
  notes: string;
  next_steps: NextStep[];
  sequence: number;
  facilitator_id: string | null;
  facilitator_name: string | null;
  facilitator_email: string | null;
  my_attendance: AttendanceStatus | null;
  members: number;
  rsvp_yes: number;
  rsvp_no: number;
  rsvp_maybe: number;
  rsvp_none: number;
  att_present: number;
  att_absent: number;
  att_excused: number;
  att_unrecorded: number;
}

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
import { CIRCLE_REF_COLUMNS, type CircleRefColumns } from '../circles/circle-ref';
import { toSessionSummary } from '../circles/session-summary';

/**
 * SQL pieces and row mappers for sessions as this module reads them in raw SQL, mapped through
 * the circles module's `toSessionSummary` so every list says the same.
 *
 * Use with the session aliased `s`; they join its circle `c`, cohort `co` and village `v`.
 */
export const SUMMARY_COLUMNS = `s.id, s.circle_id, c.kind AS circle_kind, co.name AS cohort_name,
       v.name AS village_name, s.title, s.phase, s.topic, s.starts_at, s.ends_at, s.status,
       s.meeting_url, c.room_url`;

export const SUMMARY_JOINS = `JOIN circles c ON c.id = s.circle_id
  JOIN cohorts co ON co.id = c.cohort_id
  LEFT JOIN villages v ON v.id = c.village_id`;

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

/**
 * The session page in one statement, whatever the circle's size: the session, its circle's
 * facts for the access policy, the asker's answer and attendance, and the answer and attendance
 * counts over the circle's participants, aggregated in SQL. $1 session id, $2 asker id.
 */
export const SESSION_PAGE_SQL = `
SELECT ${SUMMARY_COLUMNS},
       s.plan_id, s.agenda, s.materials, s.notes, s.next_steps, s.sequence,
       c.village_id, ${CIRCLE_REF_COLUMNS},
       f.id AS facilitator_id, f.name AS facilitator_name, f.email AS facilitator_email,
       mr.answer AS my_rsvp, ma.status AS my_attendance, n.*
  FROM circle_sessions s
  ${SUMMARY_JOINS}
  LEFT JOIN users f ON f.id = c.facilitator_id
  LEFT JOIN session_rsvps mr ON mr.session_id = s.id AND mr.user_id = $2
  LEFT JOIN session_attendance ma ON ma.session_id = s.id AND ma.user_id = $2
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE cp.part = 'member')::int AS members,
           count(*) FILTER (WHERE r.answer = 'yes')::int AS rsvp_yes,
           count(*) FILTER (WHERE r.answer = 'no')::int AS rsvp_no,
           count(*) FILTER (WHERE r.answer = 'maybe')::int AS rsvp_maybe,
           count(*) FILTER (WHERE r.answer IS NULL)::int AS rsvp_none,
           count(*) FILTER (WHERE a.status = 'present')::int AS att_present,
           count(*) FILTER (WHERE a.status = 'absent')::int AS att_absent,
           count(*) FILTER (WHERE a.status = 'excused')::int AS att_excused,
           count(*) FILTER (WHERE a.status IS NULL)::int AS att_unrecorded
      FROM circle_participants cp
      LEFT JOIN session_rsvps r ON r.session_id = s.id AND r.user_id = cp.user_id
      LEFT JOIN session_attendance a ON a.session_id = s.id AND a.user_id = cp.user_id
     WHERE cp.circle_id = s.circle_id) n
 WHERE s.id = $1`;

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

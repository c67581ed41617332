import type { Phase } from './roles';
import type { PersonSummary } from './organisations';
import type {
  AgendaItem,
  AttendanceStatus,
  CircleKind,
  Material,
  NextStep,
  NextStepInput,
  RsvpAnswer,
  SessionStatus,
} from './circles';

/** A study-circle session as lists and the home page show it. */
export interface SessionSummaryDto {
  id: string;
  circleId: string;
  circleKind: CircleKind;
  cohortName: string;
  villageName: string | null;
  title: string;
  phase: Phase;
  topic: string;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
  /** Where to join: the session's own link, else the circle's fixed room. */
  meetingUrl: string | null;
  /** The asking person's answer, if they were asked (members and guests). */
  myRsvp: RsvpAnswer | null;
  canRsvp: boolean;
}

export interface AnswerCounts {
  yes: number;
  no: number;
  maybe: number;
  /** Members and guests who have not answered. */
  none: number;
}

export interface AttendanceCounts {
  present: number;
  absent: number;
  excused: number;
  /** Members and guests with nothing recorded. */
  unrecorded: number;
}

/** The session page: everything a member needs to find, join and follow up a session. */
export interface SessionDto extends SessionSummaryDto {
  planId: string | null;
  agenda: AgendaItem[];
  materials: Material[];
  notes: string;
  /** The village of a village circle (its goals and initiatives are what next steps point at); null for the coordinators' circle. */
  villageId: string | null;
  nextSteps: NextStep[];
  /** Bumped on every change a calendar must hear about (RFC 5545 SEQUENCE). */
  sequence: number;
  facilitator: PersonSummary | null;
  memberCount: number;
  rsvpCounts: AnswerCounts;
  attendanceCounts: AttendanceCounts;
  /** Attendance of the asking person, when recorded. */
  myAttendance: AttendanceStatus | null;
  /** May change times, agenda, materials, link and status (the secretariat). */
  canEdit: boolean;
  /** May write notes and next steps (the secretariat, and the village's coordination group). */
  canEditOutcome: boolean;
  canTakeAttendance: boolean;
}

/** Adjusting one circle's session. Times and content set here stop following the plan. */
export interface UpdateSessionRequest {
  title?: string;
  phase?: Phase;
  topic?: string;
  startsAt?: string;
  endsAt?: string;
  agenda?: AgendaItem[];
  materials?: Material[];
  /** A link for this session only; null to use the circle's room again. */
  meetingUrl?: string | null;
  /** `held` after the session; cancel with the cancel endpoint. */
  status?: SessionStatus.Planned | SessionStatus.Held;
}

export interface UpdateSessionOutcomeRequest {
  notes?: string;
  nextSteps?: NextStepInput[];
}

export interface RsvpRequest {
  answer: RsvpAnswer;
}

export interface AttendanceRowDto {
  person: PersonSummary;
  part: 'member' | 'guest';
  rsvp: RsvpAnswer | null;
  status: AttendanceStatus | null;
}

export interface RecordAttendanceRequest {
  entries: { userId: string; status: AttendanceStatus }[];
}

export interface MySessionsQuery {
  /** `upcoming` (default): not yet ended, soonest first; `past`: newest first. */
  when?: 'upcoming' | 'past';
  page?: number;
  pageSize?: number;
}

/** One line of a person's attendance history. */
export interface AttendanceHistoryEntry {
  sessionId: string;
  title: string;
  startsAt: string;
  circleKind: CircleKind;
  villageName: string | null;
  sessionStatus: SessionStatus;
  status: AttendanceStatus | null;
}

/** Attendance per person across a village circle's held sessions. */
export interface VillageAttendanceRow {
  person: PersonSummary;
  part: 'member' | 'guest';
  present: number;
  absent: number;
  excused: number;
  /** Held sessions of the circle so far. */
  held: number;
}

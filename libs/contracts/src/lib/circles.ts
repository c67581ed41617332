import type { Phase } from './roles';
import type { PersonSummary } from './organisations';

/**
 * Study circles (studiekredse): each village in a cohort has a village circle (its steering
 * group, with the municipality's coordinators welcome as guests); each cohort has one
 * coordinator circle (the coordinators of the cohort's municipalities). A facilitator from the
 * secretariat leads each circle.
 */
export enum CircleKind {
  Village = 'village',
  Coordinator = 'coordinator',
}

export const CIRCLE_KINDS: readonly CircleKind[] = /* @__PURE__ */ Object.values(CircleKind);

export enum SessionStatus {
  Planned = 'planned',
  Held = 'held',
  Cancelled = 'cancelled',
}

export const SESSION_STATUSES: readonly SessionStatus[] =
  /* @__PURE__ */ Object.values(SessionStatus);

/** The four parts a study-circle session is made of. */
export enum AgendaItemKind {
  Inspiration = 'inspiration',
  Discussion = 'discussion',
  KnowledgeSharing = 'knowledge_sharing',
  Coordination = 'coordination',
}

export const AGENDA_ITEM_KINDS: readonly AgendaItemKind[] =
  /* @__PURE__ */ Object.values(AgendaItemKind);

export enum MaterialKind {
  /** A lesson in a video course; `lessonId` names it, `url` is filled in by the API. */
  Lesson = 'lesson',
  /** An inspiration video: a lesson marked as inspiration, or any https link. */
  Video = 'video',
  File = 'file',
  Link = 'link',
}

export const MATERIAL_KINDS: readonly MaterialKind[] = /* @__PURE__ */ Object.values(MaterialKind);

export enum RsvpAnswer {
  Yes = 'yes',
  No = 'no',
  Maybe = 'maybe',
}

export const RSVP_ANSWERS: readonly RsvpAnswer[] = /* @__PURE__ */ Object.values(RsvpAnswer);

export enum AttendanceStatus {
  Present = 'present',
  Absent = 'absent',
  Excused = 'excused',
}

export const ATTENDANCE_STATUSES: readonly AttendanceStatus[] =
  /* @__PURE__ */ Object.values(AttendanceStatus);

/** Session times are planned, shown and put in calendars in Danish time. */
export const CIRCLE_TIME_ZONE = 'Europe/Copenhagen';

/** Longest text and list sizes the API accepts for a session. */
export const SESSION_LIMITS = {
  title: 160,
  topic: 300,
  notes: 20_000,
  agendaItems: 20,
  agendaItemTitle: 200,
  agendaItemMinutes: 240,
  materials: 30,
  materialTitle: 200,
  url: 500,
  nextSteps: 30,
  nextStepText: 500,
  /** Longest session, in minutes. */
  durationMinutes: 8 * 60,
  /** Most sessions one plan request may create. */
  planSessions: 40,
} as const;

export interface AgendaItem {
  kind: AgendaItemKind;
  title: string;
  minutes: number;
}

export interface Material {
  kind: MaterialKind;
  title: string;
  /** An https URL; for `lesson` materials the API fills in the lesson's page. */
  url: string | null;
  lessonId: string | null;
}

/** What a next step moves forward: one of the village's goals or initiatives (issue 13). */
export interface NextStepLink {
  kind: 'goal' | 'initiative';
  id: string;
  /** Its title when the step was saved. */
  title: string;
}

export const NEXT_STEP_LINK_KINDS = ['goal', 'initiative'] as const;

/** A link as sent: the title is read from the goal or initiative. */
export interface NextStepLinkInput {
  kind: NextStepLink['kind'];
  id: string;
  title?: string;
}

/** A "next step" agreed at a session: an action item with an owner and a due date. */
export interface NextStep {
  text: string;
  /** A member of the circle, when the owner has an account. */
  ownerId: string | null;
  /** Shown name: the member's name, or free text such as "Arbejdsgruppe for mad". */
  ownerName: string | null;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string | null;
  done: boolean;
  /** The village goal or initiative it moves forward; left out when it points at none. */
  link?: NextStepLink;
}

/** A next step as sent: its link (or null for none) names the goal or initiative by id. */
export type NextStepInput = Omit<NextStep, 'link'> & { link?: NextStepLinkInput | null };

export interface CircleSummaryDto {
  id: string;
  kind: CircleKind;
  cohortId: string;
  cohortName: string;
  /** Village circles only. */
  villageId: string | null;
  villageName: string | null;
  municipalityName: string | null;
  facilitator: PersonSummary | null;
  /** The circle's fixed meeting room (an https URL), used by every session without its own. */
  roomUrl: string | null;
  memberCount: number;
  /** Whether the circle's village has left the cohort; its history is kept. */
  archived: boolean;
  /** The circle's next session not yet ended and not cancelled (soonest first), if any. */
  nextSession: CircleNextSession | null;
  attendance: CircleAttendanceSummary;
}

/** The few facts about a circle's next session that the circle list shows. */
export interface CircleNextSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: SessionStatus;
}

/** Attendance across a circle's held sessions. */
export interface CircleAttendanceSummary {
  /** Held sessions of the circle. */
  held: number;
  /**
   * Share (0–1) of the recorded attendance entries (one per participant and held session) that
   * were `present`; null when nothing is recorded yet.
   */
  presentRate: number | null;
}

export interface CircleDto extends CircleSummaryDto {
  /** How the person asking takes part: as member, guest, facilitator, or only as reader. */
  myPart: 'member' | 'guest' | 'facilitator' | 'reader';
  canEdit: boolean;
}

export interface UpdateCircleRequest {
  roomUrl?: string | null;
  facilitatorId?: string | null;
}

export interface CirclesQuery {
  cohortId?: string;
  kind?: CircleKind;
  villageId?: string;
  page?: number;
  pageSize?: number;
}

/** One planned slot of a cohort's calendar, applied to every circle of its kind. */
export interface PlanSessionInput {
  circleKind: CircleKind;
  title: string;
  phase: Phase;
  topic?: string;
  /** ISO 8601 instant with offset, e.g. 2027-03-25T19:00:00+01:00. */
  startsAt: string;
  endsAt: string;
  agenda?: AgendaItem[];
  materials?: Material[];
}

export interface CreatePlanRequest {
  sessions: PlanSessionInput[];
}

export interface PlanSessionDto {
  id: string;
  cohortId: string;
  circleKind: CircleKind;
  title: string;
  phase: Phase;
  topic: string;
  startsAt: string;
  endsAt: string;
  agenda: AgendaItem[];
  materials: Material[];
  /** The sessions created from this slot (one per circle of its kind). */
  sessionCount: number;
  /** Of those, how many were adjusted for their circle (not changed by later plan edits). */
  adjustedCount: number;
  cancelledCount: number;
}

/** Changes to a planned slot; they reach every session of the slot not adjusted on that point. */
export interface UpdatePlanSessionRequest {
  title?: string;
  phase?: Phase;
  topic?: string;
  startsAt?: string;
  endsAt?: string;
  agenda?: AgendaItem[];
  materials?: Material[];
}

/** One extra session for one circle (outside the cohort plan). */
export interface CreateCircleSessionRequest {
  title: string;
  phase: Phase;
  topic?: string;
  /** ISO 8601 instant with offset, e.g. 2027-03-25T19:00:00+01:00. */
  startsAt: string;
  endsAt: string;
  agenda?: AgendaItem[];
  materials?: Material[];
  /** A link for this session only; leave out to use the circle's room. */
  meetingUrl?: string | null;
}

/** One column of the secretariat's cohort grid. */
export interface GridColumn {
  planId: string;
  title: string;
  startsAt: string;
  circleKind: CircleKind;
}

export interface GridCell {
  sessionId: string;
  planId: string | null;
  startsAt: string;
  status: SessionStatus;
  present: number;
  /** Attendance recorded for anyone yet. */
  recorded: boolean;
  memberCount: number;
}

/** One circle (a village, or the coordinators) with its sessions, one cell per column. */
export interface GridRow {
  circleId: string;
  kind: CircleKind;
  villageId: string | null;
  villageName: string | null;
  municipalityName: string | null;
  /** Cells in column order; null where the circle has no session for that column. */
  cells: (GridCell | null)[];
}

export interface CircleGridResponse {
  cohort: { id: string; name: string };
  columns: GridColumn[];
  /** The rows the person may see, paginated. */
  rows: { items: GridRow[]; total: number; page: number; pageSize: number };
}

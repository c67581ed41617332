import {
  CircleKind,
  SessionStatus,
  type RsvpAnswer,
  type SessionSummaryDto,
} from '@blup/contracts';
import type { CircleSession } from '../database/entities';

/** What a session summary needs to know about its circle, and the asker's place in it. */
export interface SessionCircleInfo {
  kind: CircleKind;
  cohortName: string;
  villageName: string | null;
  /** The circle's fixed room: the join link when the session has none of its own. */
  roomUrl: string | null;
  /** Whether the asker is a member or guest of the circle (`canRsvp` of the access policy). */
  askerTakesPart: boolean;
}

/** The session's join link: its own meeting URL, else the circle's room. */
export function joinUrl(
  session: Pick<CircleSession, 'meetingUrl'>,
  roomUrl: string | null,
): string | null {
  return session.meetingUrl ?? roomUrl ?? null;
}

/** Members and guests answer while the session is planned and not yet over. */
export function rsvpOpen(
  session: Pick<CircleSession, 'status' | 'endsAt'>,
  now: Date = new Date(),
): boolean {
  return session.status === SessionStatus.Planned && session.endsAt.getTime() > now.getTime();
}

/**
 * A session as lists and the home page show it, for one asker. Shared by the circle lists, the
 * participation module (my sessions) and the home page.
 */
export function toSessionSummary(
  session: Pick<
    CircleSession,
    | 'id'
    | 'circleId'
    | 'title'
    | 'phase'
    | 'topic'
    | 'startsAt'
    | 'endsAt'
    | 'status'
    | 'meetingUrl'
  >,
  circle: SessionCircleInfo,
  myRsvp: RsvpAnswer | null,
  now: Date = new Date(),
): SessionSummaryDto {
  return {
    id: session.id,
    circleId: session.circleId,
    circleKind: circle.kind,
    cohortName: circle.cohortName,
    villageName: circle.kind === CircleKind.Village ? circle.villageName : null,
    title: session.title,
    phase: session.phase,
    topic: session.topic,
    startsAt: session.startsAt.toISOString(),
    endsAt: session.endsAt.toISOString(),
    status: session.status,
    meetingUrl: joinUrl(session, circle.roomUrl),
    myRsvp: circle.askerTakesPart ? myRsvp : null,
    canRsvp: circle.askerTakesPart && rsvpOpen(session, now),
  };
}

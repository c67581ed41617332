import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  SessionStatus,
  type AttendanceRowDto,
  type NextStep,
  type NextStepLink,
  type Page,
  type RsvpAnswer,
  type SessionDto,
} from '@blup/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import {
  canEditOutcome,
  canManageCircle,
  canReadCircle,
  canRsvp,
  canTakeAttendance,
  type CircleRef,
} from '../access/circle-access-policy';
import { circleRefOf } from '../circles/circle-ref.queries';
import { SessionPlanningService } from '../circles/session-planning.service';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { pageWindow, PageQueryDto, toPage } from '../common/pagination';
import type { RecordAttendanceBody, UpdateSessionOutcomeBody } from './participation.dto';
import {
  attendanceRows,
  firstOutsider,
  loadSessionPage,
  participantCount,
  saveAttendance,
  saveRsvp,
  sessionFacts,
  userNames,
  villageStepTargets,
  type SessionFactsRow,
} from './participation.queries';
import { summaryOf } from './session-rows';

const SESSION_NOT_FOUND = 'No such session, or not one you may see.';

/** The few facts a write checks: the session's state and its circle's facts for the policy. */
type SessionFacts = SessionFactsRow & { ref: CircleRef };

function notCircleMember(field: string, name: string | null): AppException {
  const who = name ?? '';
  return fieldError(
    ErrorCode.NotCircleMember,
    field,
    who
      ? `${who} is not a member or guest of this circle: choose someone from the circle.`
      : 'That person is not a member or guest of this circle: choose someone from the circle.',
    { name: who },
  );
}

/**
 * The session page and what members and facilitators do on it: answer, take attendance, write
 * notes and next steps. Every read is one statement whatever the circle's size.
 */
@Injectable()
export class SessionPageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionPlanningService,
  ) {}

  async get(actor: Actor, id: string, em = this.dataSource.manager): Promise<SessionDto> {
    const row = await loadSessionPage(em, id, actor.id);
    const ref = row ? circleRefOf(row.circle_kind, row) : null;
    if (!row || !ref || !canReadCircle(actor, ref)) throw notFound(SESSION_NOT_FOUND);
    return {
      ...summaryOf(row, canRsvp(actor, ref)),
      planId: row.plan_id,
      agenda: row.agenda,
      materials: row.materials,
      notes: row.notes,
      nextSteps: row.next_steps,
      villageId: row.village_id,
      sequence: row.sequence,
      facilitator: row.facilitator_id
        ? {
            id: row.facilitator_id,
            name: row.facilitator_name ?? '',
            email: row.facilitator_email ?? '',
          }
        : null,
      memberCount: row.members,
      rsvpCounts: {
        yes: row.rsvp_yes,
        no: row.rsvp_no,
        maybe: row.rsvp_maybe,
        none: row.rsvp_none,
      },
      attendanceCounts: {
        present: row.att_present,
        absent: row.att_absent,
        excused: row.att_excused,
        unrecorded: row.att_unrecorded,
      },
      myAttendance: row.my_attendance ?? null,
      canEdit: canManageCircle(actor),
      canEditOutcome: canEditOutcome(actor, ref),
      canTakeAttendance: canTakeAttendance(actor),
    };
  }

  /** The session's facts, or a 404 when it does not exist or the actor may not read its circle. */
  private async facts(
    em: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<SessionFacts> {
    const row = await sessionFacts(em, id, lock);
    if (!row) throw notFound(SESSION_NOT_FOUND);
    const facts = { ...row, ref: circleRefOf(row.kind, row) };
    if (!canReadCircle(actor, facts.ref)) throw notFound(SESSION_NOT_FOUND);
    return facts;
  }

  async rsvp(actor: Actor, id: string, answer: RsvpAnswer): Promise<SessionDto> {
    const em = this.dataSource.manager;
    const s = await this.facts(em, actor, id);
    if (!canRsvp(actor, s.ref)) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.RsvpNotAllowed,
        'Only members and guests of the circle answer for themselves.',
      );
    }
    assertNotCancelled(s, 'there is nothing to answer');
    if (s.ends_at.getTime() <= Date.now()) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.SessionOver,
        'This session is over: answers can no longer be given.',
      );
    }
    await saveRsvp(em, id, actor.id, answer);
    return this.get(actor, id);
  }

  /** Members and guests of the session's circle with their answer and recorded attendance. */
  async attendance(actor: Actor, id: string, query: PageQueryDto): Promise<Page<AttendanceRowDto>> {
    const em = this.dataSource.manager;
    const s = await this.facts(em, actor, id);
    const { skip, take } = pageWindow(query);
    const rows = await attendanceRows(em, s.circle_id, id, take, skip);
    const total = rows[0]?.total ?? (skip > 0 ? await participantCount(em, s.circle_id) : 0);
    return toPage(
      rows.map((r) => ({
        person: { id: r.id, name: r.name, email: r.email },
        part: r.part,
        rsvp: r.answer,
        status: r.status,
      })),
      total,
      query,
    );
  }

  /**
   * Records attendance for some or all of the circle's people, all or nothing. A planned
   * session that has started becomes held: taking attendance is what holding it means to the
   * facilitator. (Held does not change the calendar entry, so the sequence stays.)
   */
  async recordAttendance(
    actor: Actor,
    id: string,
    body: RecordAttendanceBody,
  ): Promise<SessionDto> {
    return this.dataSource.transaction(async (em) => {
      const s = await this.facts(em, actor, id, true);
      if (!canTakeAttendance(actor)) {
        throw secretariatOnly('Only the circle’s facilitators (the secretariat) take attendance.');
      }
      assertNotCancelled(s, 'there is no attendance to take');
      if (s.starts_at.getTime() > Date.now()) {
        throw new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.BadRequest,
          'This session has not started yet: take attendance once it has begun.',
        );
      }
      const seen = new Set<string>();
      body.entries.forEach((entry, i) => {
        if (seen.has(entry.userId)) {
          throw fieldError(
            ErrorCode.ValidationFailed,
            `entries.${i}.userId`,
            'Each person can appear only once in entries.',
          );
        }
        seen.add(entry.userId);
      });
      const outsider = await firstOutsider(
        em,
        s.circle_id,
        body.entries.map((e) => e.userId),
      );
      if (outsider) throw notCircleMember(`entries.${outsider.position}.userId`, outsider.name);
      if (body.entries.length) {
        await saveAttendance(em, id, body.entries, actor.id);
        if (s.status === SessionStatus.Planned) await this.sessions.markHeld(id, em);
      }
      return this.get(actor, id, em);
    });
  }

  /** Notes and next steps after the session. Owners named by id must be in the circle. */
  async updateOutcome(
    actor: Actor,
    id: string,
    body: UpdateSessionOutcomeBody,
  ): Promise<SessionDto> {
    return this.dataSource.transaction(async (em) => {
      const s = await this.facts(em, actor, id, true);
      if (!canEditOutcome(actor, s.ref)) {
        throw new AppException(
          HttpStatus.FORBIDDEN,
          ErrorCode.Forbidden,
          'Only the secretariat and the village’s coordination group write notes and next steps.',
        );
      }
      let nextSteps: NextStep[] | null = null;
      if (body.nextSteps) {
        const ownerIds = [
          ...new Set(body.nextSteps.flatMap((step) => (step.ownerId ? [step.ownerId] : []))),
        ];
        const outsider = await firstOutsider(em, s.circle_id, ownerIds);
        if (outsider) {
          const position = body.nextSteps.findIndex((step) => step.ownerId === outsider.id);
          throw notCircleMember(`nextSteps.${position}.ownerId`, outsider.name);
        }
        const names = await userNames(em, ownerIds);
        const links = body.nextSteps.map((step) => step.link ?? null);
        const idsOf = (kind: NextStepLink['kind']) =>
          links.flatMap((link) => (link?.kind === kind ? [link.id] : []));
        const titles = await villageStepTargets(
          em,
          s.village_id,
          idsOf('goal'),
          idsOf('initiative'),
        );
        nextSteps = body.nextSteps.map((step, position) => {
          const link = step.link;
          const title = link ? titles.get(`${link.kind}:${link.id}`) : undefined;
          if (link && title === undefined) {
            throw fieldError(
              ErrorCode.UnknownReference,
              `nextSteps.${position}.link`,
              `nextSteps.${position}.link must name a ${link.kind} of the session’s village`,
            );
          }
          return {
            text: step.text,
            ownerId: step.ownerId ?? null,
            ownerName: step.ownerId ? (names.get(step.ownerId) ?? null) : step.ownerName || null,
            dueDate: step.dueDate ?? null,
            done: step.done ?? false,
            ...(link && title !== undefined
              ? { link: { kind: link.kind, id: link.id, title } }
              : {}),
          };
        });
      }
      if (body.notes !== undefined || nextSteps) {
        await this.sessions.saveOutcome(id, { notes: body.notes ?? null, nextSteps }, em);
      }
      return this.get(actor, id, em);
    });
  }
}

function assertNotCancelled(s: SessionFacts, what: string): void {
  if (s.status === SessionStatus.Cancelled) {
    throw new AppException(
      HttpStatus.BAD_REQUEST,
      ErrorCode.SessionCancelled,
      `This session has been cancelled: ${what}.`,
    );
  }
}

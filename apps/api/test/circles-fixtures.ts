import { CircleKind, Phase, Role, SessionStatus } from '@blup/contracts';
import { DataSource } from 'typeorm';
import {
  Circle,
  CircleSession,
  Cohort,
  Municipality,
  SessionPlan,
  User,
  Village,
} from '../src/app/database/entities';
import type { Factory } from './factory';

type Person = User & { password: string };

/**
 * A cohort with two villages in two municipalities, their circles and the people around them,
 * written through the real repositories:
 * - village A (municipality 1): a coordination-group member `leadA` and a member `memberA`;
 * - village B (municipality 2): `memberB`;
 * - coordinators `coordinator1` and `coordinator2`, a `secretariat` facilitator, a `learner1`,
 *   and `outsider`, a coordinator of a municipality with no village in the cohort.
 */
export interface CircleWorld {
  cohort: Cohort;
  municipality1: Municipality;
  municipality2: Municipality;
  villageA: Village;
  villageB: Village;
  circleA: Circle;
  circleB: Circle;
  coordinatorCircle: Circle;
  secretariat: Person;
  leadA: Person;
  memberA: Person;
  memberB: Person;
  coordinator1: Person;
  coordinator2: Person;
  outsider: Person;
  learner1: Person;
}

export interface SessionSpec {
  title?: string;
  phase?: Phase;
  /** Default: 7 days from now, at the whole minute. */
  startsAt?: Date;
  /** Default: 90 minutes. */
  minutes?: number;
  status?: SessionStatus;
  planId?: string | null;
  meetingUrl?: string | null;
}

export class CircleFixtures {
  constructor(
    private readonly db: DataSource,
    private readonly factory: Factory,
  ) {}

  async world(): Promise<CircleWorld> {
    const f = this.factory;
    const municipality1 = await f.municipality();
    const municipality2 = await f.municipality();
    const villageA = await f.village(municipality1);
    const villageB = await f.village(municipality2);
    const cohort = await f.cohort([villageA, villageB]);
    const secretariat = await f.user({ role: Role.Secretariat });
    const circleA = await this.circle(cohort, villageA, secretariat);
    const circleB = await this.circle(cohort, villageB, secretariat);
    const coordinatorCircle = await this.circle(cohort, null, secretariat);
    return {
      cohort,
      municipality1,
      municipality2,
      villageA,
      villageB,
      circleA,
      circleB,
      coordinatorCircle,
      secretariat,
      leadA: await f.user({ village: villageA, coordinationGroup: true }),
      memberA: await f.user({ village: villageA }),
      memberB: await f.user({ village: villageB }),
      coordinator1: await f.user({ role: Role.Coordinator, municipality: municipality1 }),
      coordinator2: await f.user({ role: Role.Coordinator, municipality: municipality2 }),
      outsider: await f.user({ role: Role.Coordinator }),
      learner1: await f.user({ role: Role.Learner, municipality: municipality1 }),
    };
  }

  /** A village circle (or, with `village` null, the cohort's coordinator circle). */
  circle(
    cohort: Cohort,
    village: Village | null,
    facilitator: User | null = null,
  ): Promise<Circle> {
    const repo = this.db.getRepository(Circle);
    return repo.save(
      repo.create({
        cohortId: cohort.id,
        kind: village ? CircleKind.Village : CircleKind.Coordinator,
        villageId: village?.id ?? null,
        facilitatorId: facilitator?.id ?? null,
        roomUrl: `https://meet.jit.si/blup-test-${Math.random().toString(36).slice(2, 10)}`,
        archivedAt: null,
      }),
    );
  }

  session(circle: Circle, spec: SessionSpec = {}): Promise<CircleSession> {
    const startsAt = spec.startsAt ?? inDays(7);
    const repo = this.db.getRepository(CircleSession);
    return repo.save(
      repo.create({
        circleId: circle.id,
        planId: spec.planId ?? null,
        title: spec.title ?? `Studiekreds ${Math.random().toString(36).slice(2, 6)}`,
        phase: spec.phase ?? Phase.Mobilisation,
        topic: '',
        startsAt,
        endsAt: new Date(startsAt.getTime() + (spec.minutes ?? 90) * 60_000),
        agenda: [],
        materials: [],
        meetingUrl: spec.meetingUrl ?? null,
        status: spec.status ?? SessionStatus.Planned,
        cancelledAt: spec.status === SessionStatus.Cancelled ? new Date() : null,
      }),
    );
  }

  plan(cohort: Cohort, kind: CircleKind, startsAt = inDays(7), minutes = 90): Promise<SessionPlan> {
    const repo = this.db.getRepository(SessionPlan);
    return repo.save(
      repo.create({
        cohortId: cohort.id,
        circleKind: kind,
        title: 'Studiekreds',
        phase: Phase.Mobilisation,
        topic: '',
        startsAt,
        endsAt: new Date(startsAt.getTime() + minutes * 60_000),
        agenda: [],
        materials: [],
      }),
    );
  }
}

/** Now plus `days`, at the whole minute. */
export function inDays(days: number): Date {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCSeconds(0, 0);
  return d;
}

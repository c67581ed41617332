import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { EnrolmentStatus, ErrorCode, OfferingKind, type Payer } from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import {
  CircleSync,
  mergeChanges,
  noChanges,
  type SessionChanges,
} from '../circles/circle-sync.service';
import { AppException } from '../common/app-exception';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailProducer } from '../mail/mail.producer';
import { CohortMovesService } from './cohort-moves.service';
import { alreadyEnrolled, enrolmentNotFound, offeringNotFound } from './enrolment-errors';
import {
  admissionFacts,
  enrolmentRecipients,
  firstWaiting,
  heldPlaces,
  insertEnrolment,
  lockEnrolmentStatus,
  lockVillageCohortName,
  otherCohortOfVillage,
  promoteEnrolment,
} from './enrolment.queries';
import { lockOffering, type OfferingRow } from './offering.queries';
import { admissionStatus } from './offering-rules';

/** Who is enrolled: a person (academy course) or a village (mini-BLUP, cohort). */
export type Party = { userId: string } | { villageId: string; municipalityId: string };

/** Someone taken off the waitlist, told by mail once the change is committed. */
interface Promotion {
  enrolmentId: string;
  status: EnrolmentStatus;
}

/** What a write changed that must be told to others after commit. */
export interface AfterCommit {
  sessions: SessionChanges;
  promotions: Promotion[];
}

export const nothingAfter = (): AfterCommit => ({ sessions: noChanges(), promotions: [] });

export function mergeAfter(...all: AfterCommit[]): AfterCommit {
  return {
    sessions: mergeChanges(...all.map((a) => a.sessions)),
    promotions: all.flatMap((a) => a.promotions),
  };
}

/**
 * The places of an offering and its waitlist. Every place is taken while holding the offering's
 * row lock, so concurrent enrolments are serialised per offering: the count of held places is
 * exact and the `seq` taken at insert is the arrival order the waitlist keeps.
 */
@Injectable()
export class PlacesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cohortMoves: CohortMovesService,
    private readonly circleSync: CircleSync,
    private readonly mail: MailProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The offering under its row lock, held until the caller's transaction ends. */
  async lockOffering(em: EntityManager, id: string): Promise<OfferingRow> {
    const row = await lockOffering(em, id);
    if (!row) throw offeringNotFound();
    return row;
  }

  async lockEnrolmentStatus(em: EntityManager, id: string): Promise<EnrolmentStatus> {
    const status = await lockEnrolmentStatus(em, id);
    if (!status) throw enrolmentNotFound();
    return status;
  }

  /** Takes a place or a waitlist spot. The caller holds the offering's row lock. */
  async admit(
    em: EntityManager,
    o: OfferingRow,
    party: Party,
    actor: Actor,
    opts: { payer: Payer; amount: number; waitlist: boolean },
  ): Promise<{ id: string; after: AfterCommit }> {
    const byUser = 'userId' in party;
    const { dup, held } = await admissionFacts(em, o.id, party);
    if (dup) throw alreadyEnrolled();
    if (o.kind === OfferingKind.Cohort && !byUser) {
      // One full process at a time: a village in another cohort leaves that one first. The
      // village's row lock makes placements in two different cohorts (each under its own
      // offering's lock) take turns, so the second one sees the first.
      const other = await otherCohortOfVillage(em, party.villageId, o.id);
      if (other) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.AlreadyEnrolled,
          `The village already takes part in the cohort “${other}”. Cancel that place first.`,
          { params: { name: other } },
        );
      }
    }
    if (o.kind === OfferingKind.MiniBlup && !byUser) {
      // A village in a cohort (placed by an application or directly by the secretariat) takes
      // every phase already: a mini-BLUP on top makes no sense. The row lock makes this take
      // turns with a cohort placement, which locks the village the same way.
      const cohortName = await lockVillageCohortName(em, party.villageId);
      if (cohortName) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.VillageInFullProcess,
          `The village already takes part in the full BLUP process “${cohortName}”, which covers every phase; it cannot enrol in a mini-BLUP as well.`,
          { params: { name: cohortName } },
        );
      }
    }
    const status = admissionStatus(o.capacity, held, o.approval);
    if (status === EnrolmentStatus.Waitlisted && !opts.waitlist) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.OfferingFull,
        `“${o.name}” is full: all ${o.capacity} places are taken.`,
        { params: { name: o.name, capacity: o.capacity ?? 0 } },
      );
    }
    const enrolled = status === EnrolmentStatus.Enrolled;
    const villageId = byUser ? null : party.villageId;
    const id = await insertEnrolment(em, {
      offeringId: o.id,
      userId: byUser ? party.userId : null,
      villageId,
      status,
      payer: opts.payer,
      amount: opts.amount,
      createdById: actor.id,
      decidedAt: enrolled ? new Date() : null,
    });
    const after = enrolled ? await this.grant(em, o, villageId, actor) : nothingAfter();
    return { id, after };
  }

  /** What an `enrolled` place gives beyond the enrolment itself (a cohort's village moves). */
  async grant(
    em: EntityManager,
    o: OfferingRow,
    villageId: string | null,
    actor: Actor,
  ): Promise<AfterCommit> {
    return { sessions: await this.cohortMoves.grant(em, o, villageId, actor), promotions: [] };
  }

  async revoke(
    em: EntityManager,
    o: OfferingRow,
    villageId: string | null,
    actor: Actor,
  ): Promise<AfterCommit> {
    return { sessions: await this.cohortMoves.revoke(em, o, villageId, actor), promotions: [] };
  }

  /**
   * Fills free places from the waitlist, earliest arrival first, by the offering's approval
   * rule. The caller holds the offering's row lock.
   */
  async promote(em: EntityManager, o: OfferingRow, actor: Actor): Promise<AfterCommit> {
    let after = nothingAfter();
    for (;;) {
      const held = await heldPlaces(em, o.id);
      if (o.capacity !== null && held >= o.capacity) break;
      const next = await firstWaiting(em, o.id);
      if (!next) break;
      const status = admissionStatus(null, 0, o.approval);
      const enrolled = status === EnrolmentStatus.Enrolled;
      await promoteEnrolment(em, next.id, status, enrolled ? new Date() : null);
      const granted = enrolled ? await this.grant(em, o, next.village_id, actor) : nothingAfter();
      after = mergeAfter(after, granted, {
        sessions: noChanges(),
        promotions: [{ enrolmentId: next.id, status }],
      });
    }
    return after;
  }

  /** Announces the circle changes and mails those promoted; call it once committed. */
  async afterCommit(after: AfterCommit): Promise<void> {
    await this.circleSync.announce(after.sessions);
    for (const p of after.promotions) await this.mailPromotion(p);
  }

  /** Tells the person (or the village's steering group) that a place came free for them. */
  private async mailPromotion(p: Promotion): Promise<void> {
    for (const r of await enrolmentRecipients(this.dataSource, p.enrolmentId)) {
      await this.mail.send({
        to: r.email,
        template: 'enrolment_promoted',
        locale: r.locale,
        data: {
          name: r.name,
          offeringName: r.offering_name,
          pending: p.status === EnrolmentStatus.Pending,
          url: `${this.config.publicUrl}/enrolment/mine`,
        },
      });
    }
  }
}

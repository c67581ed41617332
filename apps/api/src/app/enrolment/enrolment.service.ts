import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  EnrolmentStatus,
  ErrorCode,
  OfferingApproval,
  OfferingAudience,
  OfferingKind,
  OfferingState,
  type EnrolmentDto,
  type Payer,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor } from '../access/access-policy';
import {
  audienceFits,
  canDecideEnrolments,
  canEnrolOthers,
  canReadEnrolment,
  enrolmentIsApproved,
  mayCancel,
  mayEnrol,
  ownVillageOf,
} from '../access/enrolment-access-policy';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { isUniqueViolation } from '../common/unique-violation';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailProducer } from '../mail/mail.producer';
import type { CancelEnrolmentBody, DecideEnrolmentBody, EnrolBody } from './enrolment.dto';
import {
  alreadyEnrolled,
  enrolmentNotFound,
  notActive,
  offeringNotFound,
} from './enrolment-errors';
import { toEnrolmentDto } from './enrolment.mappers';
import {
  approveEnrolment,
  cancelEnrolment,
  enrolmentById,
  isActivePerson,
  learnerKindOf,
  miniBlupRecipients,
  rejectEnrolment,
  villageRef,
  type EnrolmentRow,
} from './enrolment.queries';
import { offeringForEnrol, type OfferingRow } from './offering.queries';
import {
  defaultPayer,
  enrolsVillages,
  holdsPlace,
  isActive,
  offeringStatus,
} from './offering-rules';
import {
  mergeAfter,
  nothingAfter,
  PlacesService,
  type AfterCommit,
  type Party,
} from './places.service';

export type { Party } from './places.service';

export interface PlaceVillageOptions {
  payer: Payer | `${Payer}`;
  amount: number;
  /** Run inside the caller's transaction (e.g. an application's approval). */
  em?: EntityManager;
}

export interface PlaceVillageResult {
  enrolmentId: string;
  /** Announces the circle changes; call it after the caller's transaction has committed. */
  afterCommit: () => Promise<void>;
}

/**
 * Enrolling, placing a village, cancelling, and the secretariat's decisions. Each write takes
 * the offering's row lock first (see PlacesService): a freed place goes to the waitlist in the
 * same transaction.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly mail: MailProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async enrol(actor: Actor, offeringId: string, body: EnrolBody): Promise<EnrolmentDto> {
    // Drafts are found too: enrolling in one is a 400 naming why, like a closed offering.
    const offering = await offeringForEnrol(this.dataSource, offeringId);
    if (!offering) throw offeringNotFound();
    const party = await this.partyOf(actor, offering.kind, body);
    if (!mayEnrol(actor, offering.kind, party)) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.EnrolmentNotAllowed,
        offering.kind === OfferingKind.Cohort
          ? 'Villages join a cohort by applying; only the secretariat places them directly.'
          : enrolsVillages(offering.kind)
            ? 'You can only enrol your own village (coordinators: a village of your municipality).'
            : 'You can only enrol yourself in an academy course.',
      );
    }
    if (
      'userId' in party &&
      offering.audience !== null &&
      offering.audience !== OfferingAudience.Everyone
    ) {
      const learnerKind = await learnerKindOf(this.dataSource, party.userId);
      if (!audienceFits(actor.role, offering.audience, learnerKind)) {
        throw new AppException(
          HttpStatus.FORBIDDEN,
          ErrorCode.OfferingAudienceMismatch,
          `“${offering.name}” is for ${offering.audience.replace('_', ' ')} learners; you cannot enrol yourself. Ask your coordinator or the secretariat.`,
          { params: { name: offering.name, audience: offering.audience } },
        );
      }
    }
    let after = nothingAfter();
    let enrolmentId = '';
    try {
      await this.dataSource.transaction(async (em) => {
        const locked = await this.places.lockOffering(em, offeringId);
        assertOpen(locked);
        // The secretariat enrolling someone has approved it by doing so.
        const rule = enrolmentIsApproved(actor)
          ? { ...locked, approval: OfferingApproval.Automatic }
          : locked;
        const admitted = await this.places.admit(em, rule, party, actor, {
          payer: body.payer ?? defaultPayer(locked.kind),
          amount: locked.price_dkk,
          waitlist: true,
        });
        enrolmentId = admitted.id;
        after = admitted.after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyEnrolled();
      throw error;
    }
    await this.places.afterCommit(after);
    const enrolment = await this.enrolment(enrolmentId);
    if (
      enrolment.offeringKind === OfferingKind.MiniBlup &&
      enrolment.status === EnrolmentStatus.Enrolled
    ) {
      await this.mailMiniBlupEnrolled(enrolment.id);
    }
    return enrolment;
  }

  /**
   * Places a village in a cohort offering (an application's approval): enrolled at once, the
   * village moved into the offering's cohort and its circles synced. No waitlist: a full cohort
   * is a 409 `offering_full`. Runs in `options.em` when given (the caller's transaction); the
   * circle changes are announced by `afterCommit()` once that has committed.
   */
  async placeVillage(
    offeringId: string,
    villageId: string,
    actor: Actor,
    options: PlaceVillageOptions,
  ): Promise<PlaceVillageResult> {
    const run = async (em: EntityManager): Promise<{ id: string; after: AfterCommit }> => {
      const locked = await this.places.lockOffering(em, offeringId);
      if (locked.kind !== OfferingKind.Cohort) {
        throw fieldError(
          ErrorCode.OfferingInvalid,
          'offeringId',
          'That offering is not a cohort.',
          {
            field: 'offeringId',
          },
        );
      }
      const village = await villageRef(em, villageId);
      if (!village) throw notFound('Village not found.');
      return this.places.admit(
        em,
        // Placing is the secretariat's decision: automatic whatever the offering's rule.
        { ...locked, approval: OfferingApproval.Automatic },
        { villageId, municipalityId: village.municipality_id },
        actor,
        { payer: options.payer as Payer, amount: options.amount, waitlist: false },
      );
    };
    const result = options.em ? await run(options.em) : await this.dataSource.transaction(run);
    const after = result.after;
    if (options.em) {
      return { enrolmentId: result.id, afterCommit: () => this.places.afterCommit(after) };
    }
    await this.places.afterCommit(after);
    return { enrolmentId: result.id, afterCommit: async () => undefined };
  }

  async cancel(actor: Actor, id: string, body: CancelEnrolmentBody): Promise<EnrolmentDto> {
    const found = await this.readableEnrolment(actor, id);
    if (!mayCancel(actor, partyFacts(found))) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.EnrolmentNotAllowed,
        'You can only cancel your own or your village’s enrolments.',
      );
    }
    let after = nothingAfter();
    await this.dataSource.transaction(async (em) => {
      const offering = await this.places.lockOffering(em, found.offering_id);
      const status = await this.places.lockEnrolmentStatus(em, id);
      if (!isActive(status)) throw notActive(status);
      await cancelEnrolment(em, id, actor.id, body.reason?.trim() || null);
      const revoked =
        status === EnrolmentStatus.Enrolled
          ? await this.places.revoke(em, offering, found.village_id, actor)
          : nothingAfter();
      const promoted = holdsPlace(status)
        ? await this.places.promote(em, offering, actor)
        : nothingAfter();
      after = mergeAfter(revoked, promoted);
    });
    await this.places.afterCommit(after);
    return this.enrolment(id);
  }

  async approve(actor: Actor, id: string): Promise<EnrolmentDto> {
    if (!canDecideEnrolments(actor)) {
      throw secretariatOnly('Only the secretariat approves enrolments.');
    }
    const found = await this.readableEnrolment(actor, id);
    let after = nothingAfter();
    await this.dataSource.transaction(async (em) => {
      const offering = await this.places.lockOffering(em, found.offering_id);
      const status = await this.places.lockEnrolmentStatus(em, id);
      if (status !== EnrolmentStatus.Pending) throw notActive(status);
      await approveEnrolment(em, id, actor.id);
      after = await this.places.grant(em, offering, found.village_id, actor);
    });
    await this.places.afterCommit(after);
    return this.enrolment(id);
  }

  async reject(actor: Actor, id: string, body: DecideEnrolmentBody): Promise<EnrolmentDto> {
    if (!canDecideEnrolments(actor)) {
      throw secretariatOnly('Only the secretariat rejects enrolments.');
    }
    const found = await this.readableEnrolment(actor, id);
    let after = nothingAfter();
    await this.dataSource.transaction(async (em) => {
      const offering = await this.places.lockOffering(em, found.offering_id);
      const status = await this.places.lockEnrolmentStatus(em, id);
      if (status !== EnrolmentStatus.Pending && status !== EnrolmentStatus.Waitlisted) {
        throw notActive(status);
      }
      await rejectEnrolment(em, id, actor.id, body.note?.trim() || null);
      if (holdsPlace(status)) after = await this.places.promote(em, offering, actor);
    });
    await this.places.afterCommit(after);
    return this.enrolment(id);
  }

  async getEnrolment(actor: Actor, id: string): Promise<EnrolmentDto> {
    return toEnrolmentDto(await this.readableEnrolment(actor, id));
  }

  /** The enrolment if the actor may see it: their own, their village's, their municipality's. */
  private async readableEnrolment(actor: Actor, id: string): Promise<EnrolmentRow> {
    const row = await enrolmentById(this.dataSource, id);
    if (!row || !canReadEnrolment(actor, partyFacts(row))) throw enrolmentNotFound();
    return row;
  }

  private async enrolment(id: string): Promise<EnrolmentDto> {
    const row = await enrolmentById(this.dataSource, id);
    if (!row) throw enrolmentNotFound();
    return toEnrolmentDto(row);
  }

  /** The person or village the request enrols, checked to exist. */
  private async partyOf(actor: Actor, kind: OfferingKind, body: EnrolBody): Promise<Party> {
    if (!enrolsVillages(kind)) {
      if (body.villageId) {
        throw fieldError(
          ErrorCode.OfferingInvalid,
          'villageId',
          'People enrol in academy courses, not villages.',
          {
            field: 'villageId',
          },
        );
      }
      const userId = body.userId ?? actor.id;
      if (userId !== actor.id) {
        const active = await isActivePerson(this.dataSource, userId);
        if (!active && canEnrolOthers(actor)) {
          throw fieldError(
            ErrorCode.UnknownReference,
            'userId',
            'There is no active person with that id.',
          );
        }
      }
      return { userId };
    }
    if (body.userId) {
      throw fieldError(
        ErrorCode.OfferingInvalid,
        'userId',
        'Villages enrol in this kind of offering, not people: name villageId.',
        {
          field: 'userId',
        },
      );
    }
    const villageId = body.villageId ?? ownVillageOf(actor);
    if (!villageId) {
      throw fieldError(
        ErrorCode.ValidationFailed,
        'villageId',
        'Choose the village to enrol (villageId).',
      );
    }
    const v = await villageRef(this.dataSource, villageId);
    if (!v) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'villageId',
        'There is no village with that id.',
      );
    }
    return { villageId: v.id, municipalityId: v.municipality_id };
  }

  /**
   * Tells the village's steering group what a mini-BLUP enrolment gives them now (the module
   * online) and what comes next: enrolling schedules no evenings; the secretariat agrees them
   * with the village.
   */
  private async mailMiniBlupEnrolled(enrolmentId: string): Promise<void> {
    for (const r of await miniBlupRecipients(this.dataSource, enrolmentId)) {
      await this.mail.send({
        to: r.email,
        template: 'mini_blup_enrolled',
        locale: r.locale,
        data: {
          name: r.name,
          villageName: r.village_name,
          offeringName: r.offering_name,
          url: `${this.config.publicUrl}/enrolment/mine`,
        },
      });
    }
  }
}

function partyFacts(e: EnrolmentRow): {
  userId: string | null;
  villageId: string | null;
  municipalityId: string | null;
} {
  return { userId: e.user_id, villageId: e.village_id, municipalityId: e.municipality_id };
}

function assertOpen(o: OfferingRow): void {
  const status = offeringStatus(
    {
      startsOn: o.starts_on,
      enrolClosesAt: o.enrol_closes_at,
      publishedAt: o.published_at,
      closedAt: o.closed_at,
    },
    new Date(),
  );
  if (status.state === OfferingState.Open) return;
  throw new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.OfferingClosed,
    `“${o.name}” does not take enrolments: ${status.message}.`,
    { params: { name: o.name, reason: status.reason ?? '', date: status.date } },
  );
}

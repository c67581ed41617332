import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_COHORT_CAPACITY,
  DEFAULT_COHORT_PRICE_DKK,
  EnrolmentStatus,
  ErrorCode,
  OfferingApproval,
  LearnerKind,
  OfferingAudience,
  OfferingKind,
  OfferingState,
  type EnrolmentDto,
  type Locale,
  type OfferingDto,
  type Page,
  type Payer,
  type Phase,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { pipelineScope, type Actor } from '../access/access-policy';
import {
  audienceFits,
  canDecideEnrolments,
  canEnrolOthers,
  canExportInvoices,
  canManageOfferings,
  canReadEnrolment,
  canSeeDraftOfferings,
  enrolmentIsApproved,
  mayCancel,
  mayEnrol,
  ownVillageOf,
} from '../access/enrolment-access-policy';
import {
  CircleSync,
  mergeChanges,
  noChanges,
  updateReturning,
  type SessionChanges,
} from '../circles/circle-sync.service';
import { AppException, fieldError, notFound, secretariatOnly } from '../common/app-exception';
import { likePattern, pageWindow, toPage, type PageQueryDto } from '../common/pagination';
import { sqlWhere } from '../common/sql-where';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailProducer } from '../mail/mail.producer';
import { isUniqueViolation } from '../common/unique-violation';
import type {
  CancelEnrolmentBody,
  CreateOfferingBody,
  DecideEnrolmentBody,
  EnrolBody,
  EnrolmentQueryDto,
  InvoiceQueryDto,
  OfferingQueryDto,
  UpdateOfferingBody,
} from './enrolment.dto';
import {
  admissionStatus,
  csvLine,
  defaultPayer,
  enrolsVillages,
  holdsPlace,
  isActive,
  offeringStatus,
} from './offering-rules';

/** Who is enrolled: a person (academy course) or a village (mini-BLUP, cohort). */
export type Party = { userId: string } | { villageId: string; municipalityId: string };

/** The offering row as the write paths need it (read under its row lock). */
interface OfferingRow {
  id: string;
  kind: OfferingKind;
  name: string;
  capacity: number | null;
  price_dkk: number;
  approval: OfferingApproval;
  cohort_id: string | null;
  starts_on: string | null;
  enrol_closes_at: Date | null;
  published_at: Date | null;
  closed_at: Date | null;
}

interface OfferingListRow extends OfferingRow {
  description: string;
  ends_on: string | null;
  audience: OfferingAudience | null;
  module_id: string | null;
  module_title: string | null;
  phase: Phase | null;
  course_id: string | null;
  course_title: string | null;
  created_at: Date;
  places_taken: number;
  waitlist_count: number;
  my_id: string | null;
  my_status: EnrolmentStatus | null;
  my_village_id: string | null;
  my_position: number | null;
}

interface EnrolmentRow {
  id: string;
  offering_id: string;
  offering_name: string;
  offering_kind: OfferingKind;
  status: EnrolmentStatus;
  seq: string;
  waitlist_position: number | null;
  user_id: string | null;
  user_name: string | null;
  user_email: string | null;
  village_id: string | null;
  village_name: string | null;
  municipality_id: string | null;
  municipality_name: string | null;
  payer: Payer;
  amount_dkk: number;
  created_at: Date;
  decided_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

/** Someone taken off the waitlist, told by mail once the change is committed. */
interface Promotion {
  enrolmentId: string;
  status: EnrolmentStatus;
}

/** What a write changed that must be told to others after commit. */
interface AfterCommit {
  sessions: SessionChanges;
  promotions: Promotion[];
}

const none = (): AfterCommit => ({ sessions: noChanges(), promotions: [] });

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

const OFFERING_COLUMNS = `o.id, o.kind, o.name, o.description, o.capacity, o.price_dkk, o.approval,
  o.audience, o.cohort_id, o.module_id, o.course_id,
  to_char(o.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(o.ends_on, 'YYYY-MM-DD') AS ends_on,
  o.enrol_closes_at, o.published_at, o.closed_at, o.created_at`;

const WAITLIST_POSITION = (e: string): string =>
  `CASE WHEN ${e}.status = 'waitlisted' THEN (
     SELECT count(*)::int FROM enrolments w
      WHERE w.offering_id = ${e}.offering_id AND w.status = 'waitlisted' AND w.seq <= ${e}.seq)
   END`;

const ENROLMENT_SELECT = `
  SELECT e.id, e.offering_id, o.name AS offering_name, o.kind AS offering_kind, e.status,
         e.seq::text AS seq, ${WAITLIST_POSITION('e')} AS waitlist_position,
         u.id AS user_id, u.name AS user_name, u.email AS user_email,
         v.id AS village_id, v.name AS village_name,
         mu.id AS municipality_id, mu.name AS municipality_name,
         e.payer, e.amount_dkk, e.created_at, e.decided_at, e.cancelled_at, e.cancel_reason
    FROM enrolments e
    JOIN offerings o ON o.id = e.offering_id
    LEFT JOIN users u ON u.id = e.user_id
    LEFT JOIN villages v ON v.id = e.village_id
    LEFT JOIN municipalities mu ON mu.id = COALESCE(v.municipality_id, u.municipality_id)`;

const KIND_LABEL: Record<OfferingKind, string> = {
  [OfferingKind.Cohort]: 'Forløb',
  [OfferingKind.MiniBlup]: 'Mini-BLUP',
  [OfferingKind.AcademyCourse]: 'Akademikursus',
};

const PAYER_LABEL: Record<string, string> = {
  municipality: 'Kommune',
  local_council: 'Lokalråd',
  self: 'Selv',
};

/**
 * Offerings and enrolments. Every place is taken while holding the offering's row lock, so
 * concurrent enrolments are serialised per offering: the count of held places is exact and the
 * `seq` taken at insert is the arrival order the waitlist keeps.
 */
@Injectable()
export class EnrolmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly circleSync: CircleSync,
    private readonly mail: MailProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---------------------------------------------------------------- offerings

  /** Published offerings open now, for the public apply form. */
  listPublic(query: OfferingQueryDto): Promise<Page<OfferingDto>> {
    return this.listOfferings(null, { ...query, open: true });
  }

  list(actor: Actor, query: OfferingQueryDto): Promise<Page<OfferingDto>> {
    return this.listOfferings(actor, query);
  }

  async get(actor: Actor, id: string): Promise<OfferingDto> {
    const [row] = await this.offeringRows(actor, 'o.id = $3', [id], 1, 0);
    if (!row) throw notFound('Offering not found.');
    return this.toOfferingDto(row, new Date());
  }

  async create(actor: Actor, body: CreateOfferingBody): Promise<OfferingDto> {
    if (!canManageOfferings(actor)) {
      throw secretariatOnly('Only the secretariat can create offerings.');
    }
    this.assertDates(body.startsOn ?? null, body.endsOn ?? null);
    const kind = body.kind;
    const refuse = (field: string, message: string): AppException =>
      fieldError(ErrorCode.OfferingInvalid, field, message, { field });
    if (kind !== OfferingKind.MiniBlup && body.moduleId) {
      throw refuse('moduleId', 'moduleId is only for mini-BLUP offerings.');
    }
    if (kind !== OfferingKind.AcademyCourse && body.courseId) {
      throw refuse('courseId', 'courseId is only for academy course offerings.');
    }
    if (kind !== OfferingKind.AcademyCourse && body.audience) {
      throw refuse('audience', 'audience is only for academy course offerings.');
    }
    if (kind !== OfferingKind.AcademyCourse && !body.startsOn) {
      throw refuse('startsOn', 'startsOn is required: cohorts and mini-BLUP offerings have dates.');
    }
    let courseId: string | null = null;
    if (kind === OfferingKind.MiniBlup) {
      if (!body.moduleId) throw refuse('moduleId', 'Choose the BLUP module (moduleId).');
      const [m] = await this.dataSource.query<{ course_id: string }[]>(
        `SELECT m.course_id FROM course_modules m JOIN courses c ON c.id = m.course_id
          WHERE m.id = $1 AND c.audience = 'village_process'`,
        [body.moduleId],
      );
      if (!m) throw refuse('moduleId', 'There is no module of the BLUP course with that id.');
      courseId = m.course_id;
    }
    if (kind === OfferingKind.AcademyCourse) {
      if (!body.courseId) throw refuse('courseId', 'Choose the academy course (courseId).');
      const [c] = await this.dataSource.query<{ id: string }[]>(
        `SELECT id FROM courses WHERE id = $1 AND audience = 'academy'`,
        [body.courseId],
      );
      if (!c) throw refuse('courseId', 'There is no academy course with that id.');
      courseId = c.id;
    }
    const isCohort = kind === OfferingKind.Cohort;
    try {
      const id = await this.dataSource.transaction(async (em) => {
        let cohortId: string | null = null;
        if (isCohort) {
          const [c] = await em.query<{ id: string }[]>(
            `INSERT INTO cohorts (name, start_date) VALUES ($1, $2) RETURNING id`,
            [body.name, body.startsOn],
          );
          cohortId = c.id;
        }
        const [row] = await em.query<{ id: string }[]>(
          `INSERT INTO offerings (kind, name, description, starts_on, ends_on, capacity, price_dkk,
                                  approval, audience, cohort_id, module_id, course_id,
                                  enrol_closes_at, published_at, created_by_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
          [
            kind,
            body.name,
            body.description ?? '',
            body.startsOn ?? null,
            body.endsOn ?? null,
            body.capacity !== undefined ? body.capacity : isCohort ? DEFAULT_COHORT_CAPACITY : null,
            body.priceDkk ?? (isCohort ? DEFAULT_COHORT_PRICE_DKK : 0),
            body.approval ?? OfferingApproval.Automatic,
            kind === OfferingKind.AcademyCourse
              ? (body.audience ?? OfferingAudience.Everyone)
              : null,
            cohortId,
            kind === OfferingKind.MiniBlup ? body.moduleId : null,
            courseId,
            body.enrolClosesAt ? new Date(body.enrolClosesAt) : null,
            body.published ? new Date() : null,
            actor.id,
          ],
        );
        return row.id;
      });
      return this.get(actor, id);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.CohortNameTaken,
          `A cohort named “${body.name}” already exists.`,
          { params: { name: body.name } },
        );
      }
      throw error;
    }
  }

  async update(actor: Actor, id: string, body: UpdateOfferingBody): Promise<OfferingDto> {
    const current = await this.get(actor, id);
    if (!canManageOfferings(actor)) {
      throw secretariatOnly('Only the secretariat can change offerings.');
    }
    if (body.audience !== undefined && current.kind !== OfferingKind.AcademyCourse) {
      throw fieldError(
        ErrorCode.OfferingInvalid,
        'audience',
        'audience is only for academy course offerings.',
        { field: 'audience' },
      );
    }
    const startsOn = body.startsOn !== undefined ? body.startsOn : current.startsOn;
    const endsOn = body.endsOn !== undefined ? body.endsOn : current.endsOn;
    this.assertDates(startsOn, endsOn);
    if (current.kind !== OfferingKind.AcademyCourse && !startsOn) {
      throw fieldError(ErrorCode.OfferingInvalid, 'startsOn', 'startsOn is required here.', {
        field: 'startsOn',
      });
    }
    const sets: string[] = [];
    const params: unknown[] = [id];
    const set = (column: string, value: unknown): void => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (body.name !== undefined) set('name', body.name);
    if (body.description !== undefined) set('description', body.description);
    if (body.startsOn !== undefined) set('starts_on', body.startsOn);
    if (body.endsOn !== undefined) set('ends_on', body.endsOn);
    if (body.capacity !== undefined) set('capacity', body.capacity);
    if (body.priceDkk !== undefined) set('price_dkk', body.priceDkk);
    if (body.approval !== undefined) set('approval', body.approval);
    if (body.audience !== undefined) set('audience', body.audience);
    if (body.enrolClosesAt !== undefined) {
      set('enrol_closes_at', body.enrolClosesAt ? new Date(body.enrolClosesAt) : null);
    }
    if (body.published !== undefined) {
      sets.push(
        body.published ? 'published_at = COALESCE(published_at, now())' : 'published_at = NULL',
      );
    }
    if (body.closed !== undefined) {
      sets.push(body.closed ? 'closed_at = COALESCE(closed_at, now())' : 'closed_at = NULL');
    }
    let after = none();
    try {
      await this.dataSource.transaction(async (em) => {
        const offering = await this.lockOffering(em, id);
        if (sets.length) {
          await em.query(
            `UPDATE offerings SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`,
            params,
          );
        }
        if (offering.kind === OfferingKind.Cohort && offering.cohort_id) {
          if (body.name !== undefined) {
            await em.query(`UPDATE cohorts SET name = $2, updated_at = now() WHERE id = $1`, [
              offering.cohort_id,
              body.name,
            ]);
          }
          if (body.startsOn) {
            await em.query(`UPDATE cohorts SET start_date = $2, updated_at = now() WHERE id = $1`, [
              offering.cohort_id,
              body.startsOn,
            ]);
          }
        }
        // More places (or none limited) take people off the waitlist, in arrival order.
        if (body.capacity !== undefined) {
          after = await this.promote(em, await this.lockOffering(em, id), actor);
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        const name = body.name ?? current.name;
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.CohortNameTaken,
          `A cohort named “${name}” already exists.`,
          { params: { name } },
        );
      }
      throw error;
    }
    await this.afterCommit(after);
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- enrolling

  async enrol(actor: Actor, offeringId: string, body: EnrolBody): Promise<EnrolmentDto> {
    // Drafts are found too: enrolling in one is a 400 naming why, like a closed offering.
    const [offering] = await this.dataSource.query<
      { kind: OfferingKind; name: string; audience: OfferingAudience | null }[]
    >(`SELECT kind, name, audience FROM offerings WHERE id = $1`, [offeringId]);
    if (!offering) throw notFound('Offering not found.');
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
      const [person] = await this.dataSource.query<{ learner_kind: LearnerKind | null }[]>(
        `SELECT learner_kind FROM users WHERE id = $1`,
        [party.userId],
      );
      if (!audienceFits(actor.role, offering.audience, person?.learner_kind ?? null)) {
        throw new AppException(
          HttpStatus.FORBIDDEN,
          ErrorCode.OfferingAudienceMismatch,
          `“${offering.name}” is for ${offering.audience.replace('_', ' ')} learners; you cannot enrol yourself. Ask your coordinator or the secretariat.`,
          { params: { name: offering.name, audience: offering.audience } },
        );
      }
    }
    let after = none();
    let enrolmentId = '';
    try {
      await this.dataSource.transaction(async (em) => {
        const locked = await this.lockOffering(em, offeringId);
        this.assertOpen(locked);
        // The secretariat enrolling someone has approved it by doing so.
        const rule = enrolmentIsApproved(actor)
          ? { ...locked, approval: OfferingApproval.Automatic }
          : locked;
        const admitted = await this.admit(em, rule, party, actor, {
          payer: body.payer ?? defaultPayer(locked.kind),
          amount: locked.price_dkk,
          waitlist: true,
        });
        enrolmentId = admitted.id;
        after = admitted.after;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.alreadyEnrolled();
      throw error;
    }
    await this.afterCommit(after);
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
      const locked = await this.lockOffering(em, offeringId);
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
      const [village] = await em.query<{ id: string; municipality_id: string }[]>(
        `SELECT id, municipality_id FROM villages WHERE id = $1`,
        [villageId],
      );
      if (!village) throw notFound('Village not found.');
      return this.admit(
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
      return { enrolmentId: result.id, afterCommit: () => this.afterCommit(after) };
    }
    await this.afterCommit(after);
    return { enrolmentId: result.id, afterCommit: async () => undefined };
  }

  async cancel(actor: Actor, id: string, body: CancelEnrolmentBody): Promise<EnrolmentDto> {
    const found = await this.readableEnrolment(actor, id);
    if (!mayCancel(actor, this.partyFacts(found))) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.EnrolmentNotAllowed,
        'You can only cancel your own or your village’s enrolments.',
      );
    }
    let after = none();
    await this.dataSource.transaction(async (em) => {
      const offering = await this.lockOffering(em, found.offering_id);
      const status = await this.lockEnrolmentStatus(em, id);
      if (!isActive(status)) throw this.notActive(status);
      await em.query(
        `UPDATE enrolments SET status = 'cancelled', cancelled_at = now(), cancelled_by_id = $2,
                cancel_reason = $3, updated_at = now() WHERE id = $1`,
        [id, actor.id, body.reason?.trim() || null],
      );
      const revoked =
        status === EnrolmentStatus.Enrolled
          ? await this.revoke(em, offering, found, actor)
          : none();
      const promoted = holdsPlace(status) ? await this.promote(em, offering, actor) : none();
      after = merge(revoked, promoted);
    });
    await this.afterCommit(after);
    return this.enrolment(id);
  }

  async approve(actor: Actor, id: string): Promise<EnrolmentDto> {
    if (!canDecideEnrolments(actor)) {
      throw secretariatOnly('Only the secretariat approves enrolments.');
    }
    const found = await this.readableEnrolment(actor, id);
    let after = none();
    await this.dataSource.transaction(async (em) => {
      const offering = await this.lockOffering(em, found.offering_id);
      const status = await this.lockEnrolmentStatus(em, id);
      if (status !== EnrolmentStatus.Pending) throw this.notActive(status);
      await em.query(
        `UPDATE enrolments SET status = 'enrolled', decided_at = now(), decided_by_id = $2,
                updated_at = now() WHERE id = $1`,
        [id, actor.id],
      );
      after = await this.grant(em, offering, found.village_id, actor);
    });
    await this.afterCommit(after);
    return this.enrolment(id);
  }

  async reject(actor: Actor, id: string, body: DecideEnrolmentBody): Promise<EnrolmentDto> {
    if (!canDecideEnrolments(actor)) {
      throw secretariatOnly('Only the secretariat rejects enrolments.');
    }
    const found = await this.readableEnrolment(actor, id);
    let after = none();
    await this.dataSource.transaction(async (em) => {
      const offering = await this.lockOffering(em, found.offering_id);
      const status = await this.lockEnrolmentStatus(em, id);
      if (status !== EnrolmentStatus.Pending && status !== EnrolmentStatus.Waitlisted) {
        throw this.notActive(status);
      }
      await em.query(
        `UPDATE enrolments SET status = 'rejected', decided_at = now(), decided_by_id = $2,
                cancel_reason = $3, updated_at = now() WHERE id = $1`,
        [id, actor.id, body.note?.trim() || null],
      );
      if (holdsPlace(status)) after = await this.promote(em, offering, actor);
    });
    await this.afterCommit(after);
    return this.enrolment(id);
  }

  // ---------------------------------------------------------------- lists

  async listEnrolments(
    actor: Actor,
    query: EnrolmentQueryDto,
    order = 'e.created_at DESC, e.seq DESC',
  ): Promise<Page<EnrolmentDto>> {
    const { where, params, add, search } = sqlWhere();
    const scope = pipelineScope(actor);
    if (scope?.kind === 'municipality') {
      add('mu.id = ?', scope.municipalityId);
    } else if (!scope) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'Only the secretariat and coordinators see enrolment lists. Your own are under “my enrolments”.',
      );
    }
    if (query.municipalityId) add('mu.id = ?', query.municipalityId);
    if (query.offeringId) add('e.offering_id = ?', query.offeringId);
    if (query.villageId) add('e.village_id = ?', query.villageId);
    if (query.status) add('e.status = ?', query.status);
    if (query.q) search(['o.name', 'v.name', 'u.name', 'u.email'], query.q);
    return this.enrolmentPage(where, params, query, order);
  }

  /** One offering's enrolments: place-holders first, then the waitlist in arrival order. */
  async offeringEnrolments(
    actor: Actor,
    offeringId: string,
    query: EnrolmentQueryDto,
  ): Promise<Page<EnrolmentDto>> {
    await this.get(actor, offeringId);
    return this.listEnrolments(
      actor,
      { ...query, offeringId },
      `CASE e.status WHEN 'enrolled' THEN 0 WHEN 'pending' THEN 1 WHEN 'waitlisted' THEN 2 ELSE 3 END, e.seq`,
    );
  }

  /** The caller's own enrolments and, for steering members, their village's. */
  async mine(actor: Actor, query: PageQueryDto): Promise<Page<EnrolmentDto>> {
    const village = ownVillageOf(actor);
    return this.enrolmentPage(
      ['(e.user_id = $1 OR e.village_id = $2)'],
      [actor.id, village],
      query,
      `CASE WHEN e.status IN ('pending', 'enrolled', 'waitlisted') THEN 0 ELSE 1 END, e.created_at DESC`,
    );
  }

  /** Secretariat: one line per enrolled, priced enrolment, for invoicing. */
  async invoicesCsv(actor: Actor, query: InvoiceQueryDto): Promise<string> {
    if (!canExportInvoices(actor)) {
      throw secretariatOnly('Only the secretariat exports the invoice basis.');
    }
    const where = [`e.status = 'enrolled'`, 'e.amount_dkk > 0'];
    const params: unknown[] = [];
    const enrolledOn = `(COALESCE(e.decided_at, e.created_at) AT TIME ZONE 'Europe/Copenhagen')::date`;
    if (query.from) {
      params.push(query.from);
      where.push(`${enrolledOn} >= $${params.length}::date`);
    }
    if (query.to) {
      params.push(query.to);
      where.push(`${enrolledOn} <= $${params.length}::date`);
    }
    if (query.offeringId) {
      params.push(query.offeringId);
      where.push(`e.offering_id = $${params.length}`);
    }
    const rows = await this.dataSource.query<(EnrolmentRow & { enrolled_on: string })[]>(
      `SELECT q.*, to_char(q.enrolled_date, 'YYYY-MM-DD') AS enrolled_on FROM (
         ${ENROLMENT_SELECT.replace('SELECT e.id,', `SELECT ${enrolledOn} AS enrolled_date, e.id,`)}
          WHERE ${where.join(' AND ')}) q
        ORDER BY q.enrolled_date, q.offering_name, q.seq::bigint`,
      params,
    );
    const lines = [
      csvLine([
        'Tilbud',
        'Type',
        'Landsby',
        'Person',
        'E-mail',
        'Kommune',
        'Betaler',
        'Beløb (DKK)',
        'Tilmeldt',
      ]),
      ...rows.map((r) =>
        csvLine([
          r.offering_name,
          KIND_LABEL[r.offering_kind],
          r.village_name,
          r.user_name,
          r.user_email,
          r.municipality_name,
          PAYER_LABEL[r.payer] ?? r.payer,
          r.amount_dkk,
          r.enrolled_on,
        ]),
      ),
    ];
    return `\uFEFF${lines.join('\r\n')}\r\n`;
  }

  // ---------------------------------------------------------------- internals

  private async listOfferings(
    actor: Actor | null,
    query: OfferingQueryDto,
  ): Promise<Page<OfferingDto>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.kind) {
      params.push(query.kind);
      where.push(`o.kind = $${params.length + 2}`);
    }
    if (query.q) {
      params.push(likePattern(query.q));
      where.push(`o.name ILIKE $${params.length + 2}`);
    }
    if (query.open) {
      where.push(`o.published_at IS NOT NULL AND o.published_at <= now()
        AND (o.closed_at IS NULL OR o.closed_at > now())
        AND (o.enrol_closes_at IS NULL OR o.enrol_closes_at > now())
        AND (o.starts_on IS NULL OR o.starts_on > (now() AT TIME ZONE 'Europe/Copenhagen')::date)`);
    }
    const { skip, take } = pageWindow(query);
    const cond = where.length ? where.join(' AND ') : 'TRUE';
    const rows = await this.offeringRows(actor, cond, params, take, skip);
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM offerings o
        WHERE ${this.offeringVisibleSql(actor)} AND ${cond}`,
      [actor?.id ?? null, null, ...params],
    );
    const now = new Date();
    return toPage(
      rows.map((r) => this.toOfferingDto(r, now)),
      count.n,
      query,
    );
  }

  /** Drafts are the secretariat's; everyone else (and the public) sees published offerings. */
  private offeringVisibleSql(actor: Actor | null): string {
    // $1 (caller) and $2 (their village) are named so PostgreSQL knows their type in every query.
    const typed = '($1::uuid IS NULL OR $2::uuid IS NULL OR TRUE)';
    return canSeeDraftOfferings(actor) ? typed : `(o.published_at IS NOT NULL AND ${typed})`;
  }

  /** `$1` = the caller, `$2` = their village (steering members); extra params from `$3`. */
  private offeringRows(
    actor: Actor | null,
    cond: string,
    params: unknown[],
    take: number,
    skip: number,
  ): Promise<OfferingListRow[]> {
    const village = ownVillageOf(actor);
    const all = [actor?.id ?? null, village, ...params, take, skip];
    return this.dataSource.query<OfferingListRow[]>(
      `SELECT ${OFFERING_COLUMNS}, cm.title AS module_title, cm.phase, c.title AS course_title,
              (SELECT count(*)::int FROM enrolments h
                WHERE h.offering_id = o.id AND h.status IN ('pending', 'enrolled')) AS places_taken,
              (SELECT count(*)::int FROM enrolments h
                WHERE h.offering_id = o.id AND h.status = 'waitlisted') AS waitlist_count,
              mine.id AS my_id, mine.status AS my_status, mine.village_id AS my_village_id,
              mine.position AS my_position
         FROM offerings o
         LEFT JOIN course_modules cm ON cm.id = o.module_id
         LEFT JOIN courses c ON c.id = o.course_id
         LEFT JOIN LATERAL (
           SELECT e.id, e.status, e.village_id, ${WAITLIST_POSITION('e')} AS position
             FROM enrolments e
            WHERE e.offering_id = o.id AND e.status IN ('pending', 'enrolled', 'waitlisted')
              AND (e.user_id = $1 OR e.village_id = $2)
            ORDER BY e.seq LIMIT 1) mine ON TRUE
        WHERE ${this.offeringVisibleSql(actor)} AND ${cond}
        ORDER BY o.starts_on NULLS LAST, o.name, o.id
        LIMIT $${all.length - 1} OFFSET $${all.length}`,
      all,
    );
  }

  private toOfferingDto(r: OfferingListRow, now: Date): OfferingDto {
    const status = offeringStatus(
      {
        startsOn: r.starts_on,
        enrolClosesAt: r.enrol_closes_at,
        publishedAt: r.published_at,
        closedAt: r.closed_at,
      },
      now,
    );
    return {
      id: r.id,
      kind: r.kind,
      name: r.name,
      description: r.description,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      selfPaced: r.kind === OfferingKind.AcademyCourse && r.starts_on === null,
      capacity: r.capacity,
      priceDkk: r.price_dkk,
      approval: r.approval,
      audience: r.audience,
      cohortId: r.cohort_id,
      moduleId: r.module_id,
      moduleTitle: r.module_title,
      phase: r.phase,
      courseId: r.course_id,
      courseTitle: r.course_title,
      enrolClosesAt: r.enrol_closes_at?.toISOString() ?? null,
      publishedAt: r.published_at?.toISOString() ?? null,
      closedAt: r.closed_at?.toISOString() ?? null,
      state: status.state,
      closedReason: status.message,
      placesTaken: r.places_taken,
      placesLeft: r.capacity === null ? null : Math.max(0, r.capacity - r.places_taken),
      waitlistCount: r.waitlist_count,
      myEnrolment: r.my_id
        ? {
            id: r.my_id,
            status: r.my_status as EnrolmentStatus,
            waitlistPosition: r.my_position,
            villageId: r.my_village_id,
          }
        : null,
      createdAt: r.created_at.toISOString(),
    };
  }

  private assertDates(startsOn: string | null, endsOn: string | null): void {
    if (startsOn && endsOn && endsOn < startsOn) {
      throw fieldError(
        ErrorCode.ValidationFailed,
        'endsOn',
        'endsOn must be on or after startsOn.',
      );
    }
  }

  private assertOpen(o: OfferingRow): void {
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
        const [u] = await this.dataSource.query<{ id: string }[]>(
          `SELECT id FROM users WHERE id = $1 AND disabled_at IS NULL`,
          [userId],
        );
        if (!u && canEnrolOthers(actor)) {
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
    const [v] = await this.dataSource.query<{ id: string; municipality_id: string }[]>(
      `SELECT id, municipality_id FROM villages WHERE id = $1`,
      [villageId],
    );
    if (!v) {
      throw fieldError(
        ErrorCode.UnknownReference,
        'villageId',
        'There is no village with that id.',
      );
    }
    return { villageId: v.id, municipalityId: v.municipality_id };
  }

  private async lockOffering(em: EntityManager, id: string): Promise<OfferingRow> {
    const [row] = await em.query<OfferingRow[]>(
      `SELECT o.id, o.kind, o.name, o.capacity, o.price_dkk, o.approval, o.cohort_id,
              to_char(o.starts_on, 'YYYY-MM-DD') AS starts_on, o.enrol_closes_at, o.published_at,
              o.closed_at
         FROM offerings o WHERE o.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound('Offering not found.');
    return row;
  }

  private async lockEnrolmentStatus(em: EntityManager, id: string): Promise<EnrolmentStatus> {
    const [row] = await em.query<{ status: EnrolmentStatus }[]>(
      `SELECT status FROM enrolments WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw notFound('Enrolment not found.');
    return row.status;
  }

  /** Takes a place or a waitlist spot. The caller holds the offering's row lock. */
  private async admit(
    em: EntityManager,
    o: OfferingRow,
    party: Party,
    actor: Actor,
    opts: { payer: Payer; amount: number; waitlist: boolean },
  ): Promise<{ id: string; after: AfterCommit }> {
    const byUser = 'userId' in party;
    const partyId = byUser ? party.userId : party.villageId;
    // One round trip while the lock is held: is the party already in, and how many places are held.
    const [{ dup, held }] = await em.query<{ dup: boolean; held: number }[]>(
      `SELECT EXISTS (SELECT 1 FROM enrolments
                       WHERE offering_id = $1 AND ${byUser ? 'user_id' : 'village_id'} = $2
                         AND status IN ('pending', 'enrolled', 'waitlisted')) AS dup,
              (SELECT count(*)::int FROM enrolments
                WHERE offering_id = $1 AND status IN ('pending', 'enrolled')) AS held`,
      [o.id, partyId],
    );
    if (dup) throw this.alreadyEnrolled();
    if (o.kind === OfferingKind.Cohort && !byUser) {
      // One full process at a time: a village in another cohort leaves that one first. The
      // village's row lock makes placements in two different cohorts (each under its own
      // offering's lock) take turns, so the second one sees the first.
      await em.query(`SELECT 1 FROM villages WHERE id = $1 FOR UPDATE`, [partyId]);
      const [other] = await em.query<{ name: string }[]>(
        `SELECT oo.name FROM enrolments oe JOIN offerings oo ON oo.id = oe.offering_id
          WHERE oe.village_id = $1 AND oo.kind = 'cohort' AND oo.id <> $2
            AND oe.status IN ('pending', 'enrolled', 'waitlisted')
          LIMIT 1`,
        [partyId, o.id],
      );
      if (other) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.AlreadyEnrolled,
          `The village already takes part in the cohort “${other.name}”. Cancel that place first.`,
          { params: { name: other.name } },
        );
      }
    }
    if (o.kind === OfferingKind.MiniBlup && !byUser) {
      // A village in a cohort (placed by an application or directly by the secretariat) takes
      // every phase already: a mini-BLUP on top makes no sense. The row lock makes this take
      // turns with a cohort placement, which locks the village the same way.
      const [village] = await em.query<{ cohort_name: string | null }[]>(
        `SELECT c.name AS cohort_name
           FROM villages v LEFT JOIN cohorts c ON c.id = v.cohort_id
          WHERE v.id = $1
            FOR UPDATE OF v`,
        [partyId],
      );
      if (village?.cohort_name) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.VillageInFullProcess,
          `The village already takes part in the full BLUP process “${village.cohort_name}”, which covers every phase; it cannot enrol in a mini-BLUP as well.`,
          { params: { name: village.cohort_name } },
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
    const [row] = await em.query<{ id: string }[]>(
      `INSERT INTO enrolments (offering_id, user_id, village_id, status, payer, amount_dkk,
                               created_by_id, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        o.id,
        byUser ? party.userId : null,
        byUser ? null : party.villageId,
        status,
        opts.payer,
        opts.amount,
        actor.id,
        enrolled ? new Date() : null,
      ],
    );
    const after = enrolled
      ? await this.grant(em, o, byUser ? null : party.villageId, actor)
      : none();
    return { id: row.id, after };
  }

  /**
   * Access that follows an `enrolled` enrolment and is not read live from enrolments: a cohort
   * place moves the village into the cohort (its circles follow). Academy courses and mini-BLUP
   * modules are read from the enrolments by the course rules.
   */
  private async grant(
    em: EntityManager,
    o: OfferingRow,
    villageId: string | null,
    actor: Actor,
  ): Promise<AfterCommit> {
    if (o.kind !== OfferingKind.Cohort || !o.cohort_id || !villageId) return none();
    const [before] = await em.query<{ cohort_id: string | null }[]>(
      `SELECT cohort_id FROM villages WHERE id = $1 FOR UPDATE`,
      [villageId],
    );
    await em.query(`UPDATE villages SET cohort_id = $2, updated_at = now() WHERE id = $1`, [
      villageId,
      o.cohort_id,
    ]);
    const changes = [await this.circleSync.syncCohort(em, o.cohort_id, actor)];
    if (before?.cohort_id && before.cohort_id !== o.cohort_id) {
      changes.push(await this.circleSync.syncCohort(em, before.cohort_id, actor));
    }
    return { sessions: mergeChanges(...changes), promotions: [] };
  }

  private async revoke(
    em: EntityManager,
    o: OfferingRow,
    e: EnrolmentRow,
    actor: Actor,
  ): Promise<AfterCommit> {
    if (o.kind !== OfferingKind.Cohort || !o.cohort_id || !e.village_id) return none();
    const moved = await updateReturning<{ id: string }[]>(
      em,
      `UPDATE villages SET cohort_id = NULL, updated_at = now()
        WHERE id = $1 AND cohort_id = $2 RETURNING id`,
      [e.village_id, o.cohort_id],
    );
    if (!moved.length) return none();
    return { sessions: await this.circleSync.syncCohort(em, o.cohort_id, actor), promotions: [] };
  }

  /**
   * Fills free places from the waitlist, earliest arrival first, by the offering's approval
   * rule. The caller holds the offering's row lock.
   */
  private async promote(em: EntityManager, o: OfferingRow, actor: Actor): Promise<AfterCommit> {
    let after = none();
    for (;;) {
      const [{ held }] = await em.query<{ held: number }[]>(
        `SELECT count(*)::int AS held FROM enrolments
          WHERE offering_id = $1 AND status IN ('pending', 'enrolled')`,
        [o.id],
      );
      if (o.capacity !== null && held >= o.capacity) break;
      const [next] = await em.query<{ id: string; village_id: string | null }[]>(
        `SELECT id, village_id FROM enrolments
          WHERE offering_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT 1 FOR UPDATE`,
        [o.id],
      );
      if (!next) break;
      const status = admissionStatus(null, 0, o.approval);
      await em.query(
        `UPDATE enrolments SET status = $2, decided_at = $3, updated_at = now() WHERE id = $1`,
        [next.id, status, status === EnrolmentStatus.Enrolled ? new Date() : null],
      );
      const granted =
        status === EnrolmentStatus.Enrolled
          ? await this.grant(em, o, next.village_id, actor)
          : none();
      after = merge(after, granted, {
        sessions: noChanges(),
        promotions: [{ enrolmentId: next.id, status }],
      });
    }
    return after;
  }

  private async afterCommit(after: AfterCommit): Promise<void> {
    await this.circleSync.announce(after.sessions);
    for (const p of after.promotions) await this.mailPromotion(p);
  }

  /**
   * Tells the village's steering group what a mini-BLUP enrolment gives them now (the module
   * online) and what comes next: enrolling schedules no evenings; the secretariat agrees them
   * with the village.
   */
  private async mailMiniBlupEnrolled(enrolmentId: string): Promise<void> {
    const recipients = await this.dataSource.query<
      { email: string; name: string; locale: Locale; offering_name: string; village_name: string }[]
    >(
      `SELECT u.email, u.name, u.locale, o.name AS offering_name, v.name AS village_name
         FROM enrolments e
         JOIN offerings o ON o.id = e.offering_id
         JOIN villages v ON v.id = e.village_id
         JOIN users u ON u.village_id = e.village_id AND u.role = 'steering_member'
        WHERE e.id = $1 AND u.disabled_at IS NULL`,
      [enrolmentId],
    );
    for (const r of recipients) {
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

  /** Tells the person (or the village's steering group) that a place came free for them. */
  private async mailPromotion(p: Promotion): Promise<void> {
    const recipients = await this.dataSource.query<
      { email: string; name: string; locale: Locale; offering_name: string }[]
    >(
      `SELECT u.email, u.name, u.locale, o.name AS offering_name
         FROM enrolments e
         JOIN offerings o ON o.id = e.offering_id
         JOIN users u ON (u.id = e.user_id)
                      OR (e.village_id IS NOT NULL AND u.village_id = e.village_id
                          AND u.role = 'steering_member')
        WHERE e.id = $1 AND u.disabled_at IS NULL`,
      [p.enrolmentId],
    );
    for (const r of recipients) {
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

  private partyFacts(e: EnrolmentRow): {
    userId: string | null;
    villageId: string | null;
    municipalityId: string | null;
  } {
    return { userId: e.user_id, villageId: e.village_id, municipalityId: e.municipality_id };
  }

  /** The enrolment if the actor may see it: their own, their village's, their municipality's. */
  private async readableEnrolment(actor: Actor, id: string): Promise<EnrolmentRow> {
    const [row] = await this.dataSource.query<EnrolmentRow[]>(
      `${ENROLMENT_SELECT} WHERE e.id = $1`,
      [id],
    );
    if (!row) throw notFound('Enrolment not found.');
    if (!canReadEnrolment(actor, this.partyFacts(row))) throw notFound('Enrolment not found.');
    return row;
  }

  async getEnrolment(actor: Actor, id: string): Promise<EnrolmentDto> {
    return toEnrolmentDto(await this.readableEnrolment(actor, id));
  }

  private async enrolment(id: string): Promise<EnrolmentDto> {
    const [row] = await this.dataSource.query<EnrolmentRow[]>(
      `${ENROLMENT_SELECT} WHERE e.id = $1`,
      [id],
    );
    if (!row) throw notFound('Enrolment not found.');
    return toEnrolmentDto(row);
  }

  private async enrolmentPage(
    where: string[],
    params: unknown[],
    query: PageQueryDto,
    order: string,
  ): Promise<Page<EnrolmentDto>> {
    const { skip, take } = pageWindow(query);
    const cond = where.length ? where.join(' AND ') : 'TRUE';
    const rows = await this.dataSource.query<EnrolmentRow[]>(
      `${ENROLMENT_SELECT} WHERE ${cond} ORDER BY ${order}, e.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, take, skip],
    );
    const [count] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM enrolments e
         JOIN offerings o ON o.id = e.offering_id
         LEFT JOIN users u ON u.id = e.user_id
         LEFT JOIN villages v ON v.id = e.village_id
         LEFT JOIN municipalities mu ON mu.id = COALESCE(v.municipality_id, u.municipality_id)
        WHERE ${cond}`,
      params,
    );
    return toPage(rows.map(toEnrolmentDto), count.n, query);
  }

  private alreadyEnrolled(): AppException {
    return new AppException(
      HttpStatus.CONFLICT,
      ErrorCode.AlreadyEnrolled,
      'Already enrolled in this offering (or on its waitlist, or waiting for approval).',
    );
  }

  private notActive(status: EnrolmentStatus): AppException {
    return new AppException(
      HttpStatus.CONFLICT,
      ErrorCode.EnrolmentNotActive,
      `The enrolment is ${status} and cannot be changed that way.`,
      { params: { status } },
    );
  }
}

function merge(...all: AfterCommit[]): AfterCommit {
  return {
    sessions: mergeChanges(...all.map((a) => a.sessions)),
    promotions: all.flatMap((a) => a.promotions),
  };
}

function toEnrolmentDto(r: EnrolmentRow): EnrolmentDto {
  return {
    id: r.id,
    offeringId: r.offering_id,
    offeringName: r.offering_name,
    offeringKind: r.offering_kind,
    status: r.status,
    waitlistPosition: r.waitlist_position,
    seq: Number(r.seq),
    person: r.user_id
      ? { id: r.user_id, name: r.user_name ?? '', email: r.user_email ?? '' }
      : null,
    village: r.village_id ? { id: r.village_id, name: r.village_name ?? '' } : null,
    municipalityId: r.municipality_id,
    municipalityName: r.municipality_name,
    payer: r.payer,
    amountDkk: r.amount_dkk,
    createdAt: r.created_at.toISOString(),
    decidedAt: r.decided_at?.toISOString() ?? null,
    cancelledAt: r.cancelled_at?.toISOString() ?? null,
    cancelReason: r.cancel_reason,
  };
}

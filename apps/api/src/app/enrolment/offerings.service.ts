import { Injectable } from '@nestjs/common';
import {
  DEFAULT_COHORT_CAPACITY,
  DEFAULT_COHORT_PRICE_DKK,
  ErrorCode,
  OfferingApproval,
  OfferingAudience,
  OfferingKind,
  type OfferingDto,
  type Page,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../access/access-policy';
import {
  canManageOfferings,
  canSeeDraftOfferings,
  ownVillageOf,
} from '../access/enrolment-access-policy';
import { AppException, fieldError, secretariatOnly } from '../common/app-exception';
import { pageWindow, toPage } from '../common/pagination';
import { isUniqueViolation } from '../common/unique-violation';
import { CohortsService } from '../organisations/cohorts/cohorts.service';
import type { CreateOfferingBody, OfferingQueryDto, UpdateOfferingBody } from './enrolment.dto';
import { cohortNameTaken, offeringNotFound } from './enrolment-errors';
import { toOfferingDto } from './enrolment.mappers';
import {
  blupModuleCourse,
  countOfferings,
  insertOffering,
  isAcademyCourse,
  offeringRows,
  updateOffering,
  type OfferingFilter,
  type OfferingViewer,
} from './offering.queries';
import { nothingAfter, PlacesService } from './places.service';

/** Offerings: the list, one offering, and the secretariat creating and changing them. */
@Injectable()
export class OfferingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly places: PlacesService,
    private readonly cohorts: CohortsService,
  ) {}

  /** Published offerings open now, for the public apply form. */
  listPublic(query: OfferingQueryDto): Promise<Page<OfferingDto>> {
    return this.listOfferings(null, { ...query, open: true });
  }

  list(actor: Actor, query: OfferingQueryDto): Promise<Page<OfferingDto>> {
    return this.listOfferings(actor, query);
  }

  async get(actor: Actor, id: string): Promise<OfferingDto> {
    const [row] = await offeringRows(this.dataSource, this.viewer(actor), { id }, 1, 0);
    if (!row) throw offeringNotFound();
    return toOfferingDto(row, new Date());
  }

  async create(actor: Actor, body: CreateOfferingBody): Promise<OfferingDto> {
    if (!canManageOfferings(actor)) {
      throw secretariatOnly('Only the secretariat can create offerings.');
    }
    assertDates(body.startsOn ?? null, body.endsOn ?? null);
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
      courseId = await blupModuleCourse(this.dataSource, body.moduleId);
      if (!courseId)
        throw refuse('moduleId', 'There is no module of the BLUP course with that id.');
    }
    if (kind === OfferingKind.AcademyCourse) {
      if (!body.courseId) throw refuse('courseId', 'Choose the academy course (courseId).');
      if (!(await isAcademyCourse(this.dataSource, body.courseId))) {
        throw refuse('courseId', 'There is no academy course with that id.');
      }
      courseId = body.courseId;
    }
    const isCohort = kind === OfferingKind.Cohort;
    try {
      const id = await this.dataSource.transaction(async (em) => {
        // A cohort offering brings its cohort: the villages placed in it move there.
        const cohortId = isCohort
          ? await this.cohorts.addCohort(body.name, body.startsOn as string, em)
          : null;
        return insertOffering(em, {
          kind,
          name: body.name,
          description: body.description ?? '',
          startsOn: body.startsOn ?? null,
          endsOn: body.endsOn ?? null,
          capacity:
            body.capacity !== undefined ? body.capacity : isCohort ? DEFAULT_COHORT_CAPACITY : null,
          priceDkk: body.priceDkk ?? (isCohort ? DEFAULT_COHORT_PRICE_DKK : 0),
          approval: body.approval ?? OfferingApproval.Automatic,
          audience:
            kind === OfferingKind.AcademyCourse
              ? (body.audience ?? OfferingAudience.Everyone)
              : null,
          cohortId,
          moduleId: kind === OfferingKind.MiniBlup ? (body.moduleId ?? null) : null,
          courseId,
          enrolClosesAt: body.enrolClosesAt ? new Date(body.enrolClosesAt) : null,
          publishedAt: body.published ? new Date() : null,
          createdById: actor.id,
        });
      });
      return this.get(actor, id);
    } catch (error) {
      if (isUniqueViolation(error)) throw cohortNameTaken(body.name);
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
    assertDates(startsOn, endsOn);
    if (current.kind !== OfferingKind.AcademyCourse && !startsOn) {
      throw fieldError(ErrorCode.OfferingInvalid, 'startsOn', 'startsOn is required here.', {
        field: 'startsOn',
      });
    }
    let after = nothingAfter();
    try {
      await this.dataSource.transaction(async (em) => {
        const offering = await this.places.lockOffering(em, id);
        await updateOffering(em, id, {
          name: body.name,
          description: body.description,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          capacity: body.capacity,
          priceDkk: body.priceDkk,
          approval: body.approval,
          audience: body.audience,
          enrolClosesAt:
            body.enrolClosesAt === undefined
              ? undefined
              : body.enrolClosesAt
                ? new Date(body.enrolClosesAt)
                : null,
          published: body.published,
          closed: body.closed,
        });
        // The cohort of a cohort offering keeps its name and start date.
        if (offering.kind === OfferingKind.Cohort && offering.cohort_id) {
          await this.cohorts.changeCohort(
            offering.cohort_id,
            {
              name: body.name,
              startDate: body.startsOn ?? undefined,
            },
            em,
          );
        }
        // More places (or none limited) take people off the waitlist, in arrival order.
        if (body.capacity !== undefined) {
          after = await this.places.promote(em, await this.places.lockOffering(em, id), actor);
        }
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw cohortNameTaken(body.name ?? current.name);
      throw error;
    }
    await this.places.afterCommit(after);
    return this.get(actor, id);
  }

  private async listOfferings(
    actor: Actor | null,
    query: OfferingQueryDto,
  ): Promise<Page<OfferingDto>> {
    const filter: OfferingFilter = { kind: query.kind, q: query.q, open: query.open };
    const viewer = this.viewer(actor);
    const { skip, take } = pageWindow(query);
    const rows = await offeringRows(this.dataSource, viewer, filter, take, skip);
    const total = await countOfferings(this.dataSource, viewer, filter);
    const now = new Date();
    return toPage(
      rows.map((r) => toOfferingDto(r, now)),
      total,
      query,
    );
  }

  /** Drafts are the secretariat's; everyone else (and the public) sees published offerings. */
  private viewer(actor: Actor | null): OfferingViewer {
    return {
      userId: actor?.id ?? null,
      villageId: ownVillageOf(actor),
      drafts: canSeeDraftOfferings(actor),
    };
  }
}

function assertDates(startsOn: string | null, endsOn: string | null): void {
  if (startsOn && endsOn && endsOn < startsOn) {
    throw fieldError(ErrorCode.ValidationFailed, 'endsOn', 'endsOn must be on or after startsOn.');
  }
}

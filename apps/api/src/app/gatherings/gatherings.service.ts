import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  GatheringAudience,
  GatheringMode,
  type GatheringDto,
  type GatheringQuestion,
  type Page,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import {
  canOrganiseGathering,
  gatheringAccess,
  inGatheringAudience,
  visibleGatheringsSql,
  type GatheringActor,
  type GatheringRef,
} from '../access/gathering-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { AppException, fieldError, notFound } from '../common/app-exception';
import { pageWindow, toPage } from '../common/pagination';
import { changedMeanwhile } from '../common/versions';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Gathering } from '../database/entities/gatherings';
import { checkQuestions } from './gathering-answers';
import { GatheringMailer } from './gathering-mailer';
import { isClosed, refOf, toGatheringDto } from './gathering-views';
import {
  CancelGatheringBody,
  GatheringListQueryDto,
  SaveGatheringBody,
  SaveMinutesBody,
  UpdateGatheringBody,
} from './gatherings.dto';
import { clearReminders } from './info-meetings.queries';
import { GatheringLookup, HIDDEN } from './gathering-lookup.service';
import {
  bumpVersion,
  cancelAllRegistrations,
  cohortMunicipalities,
  exists,
  gatheringById,
  gatheringPage,
  lockGathering,
  markCancelled,
  myRegistrations,
  saveMinutes,
  villageMunicipality,
  villageOwned,
  type GatheringRow,
} from './gatherings.queries';
import { InfoMeetingReminderProducer } from './info-meeting-reminders.producer';
import { RegistrationsService } from './registrations.service';

/** Gatherings: the list each person may see, the page, and what organisers plan and change. */
@Injectable()
export class GatheringsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: GatheringLookup,
    private readonly mailer: GatheringMailer,
    private readonly reminders: InfoMeetingReminderProducer,
    private readonly registrations: RegistrationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(user: AuthUser, query: GatheringListQueryDto): Promise<Page<GatheringDto>> {
    const actor = await this.lookup.actorOf(user);
    const { skip, take } = pageWindow(query);
    const { rows, total } = await gatheringPage(
      this.dataSource.manager,
      {
        visible: visibleGatheringsSql(actor, { municipality: '$1', village: '$2', cohort: '$3' }),
        actor: {
          municipalityId: actor.municipalityId,
          villageId: actor.villageId,
          cohortId: actor.cohortId,
        },
        kind: query.kind,
        villageId: query.villageId,
        municipalityId: query.municipalityId,
        cohortId: query.cohortId,
        includePast: !!query.includePast,
      },
      skip,
      take,
    );
    const mine = await myRegistrations(
      this.dataSource.manager,
      rows.map((r) => r.id),
      user.id,
    );
    return toPage(
      rows.map((row) => this.dto(row, actor, mine.find((m) => m.gathering_id === row.id) ?? null)),
      total,
      query,
    );
  }

  async get(user: AuthUser, id: string): Promise<GatheringDto> {
    const { row, actor } = await this.lookup.visibleRow(user, id);
    const [mine] = await myRegistrations(this.dataSource.manager, [id], user.id);
    return this.dto(row, actor, mine ?? null);
  }

  private dto(
    row: GatheringRow,
    actor: GatheringActor,
    mine: Parameters<typeof toGatheringDto>[1]['mine'],
  ): GatheringDto {
    const ref = refOf(row);
    return toGatheringDto(row, {
      canEdit: gatheringAccess(actor, ref) === 'organise',
      canRegister: !isClosed(row) && inGatheringAudience(actor, ref),
      mine,
      publicUrl: this.config.publicUrl,
    });
  }

  async create(user: AuthUser, body: SaveGatheringBody): Promise<GatheringDto> {
    const actor = await this.lookup.actorOf(user);
    const placed = await this.placement(body);
    this.assertOrganiser(actor, placed.ref);
    const times = checkTimes(body.startsAt, body.endsAt, body.registrationClosesAt ?? null, true);
    checkMode(body.mode, body.address ?? null, body.url ?? null);
    const questions = checkQuestions(body.questions ?? []);
    const repo = this.dataSource.getRepository(Gathering);
    const saved = await repo.save(
      repo.create({
        kind: body.kind,
        title: body.title,
        description: body.description ?? '',
        mode: body.mode,
        address: body.address?.trim() || null,
        url: body.url ?? null,
        phase: body.phase ?? null,
        audience: body.audience,
        villageId: placed.villageId,
        cohortId: placed.cohortId,
        municipalityId: placed.municipalityId,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        capacity: body.capacity,
        questions,
        registrationClosesAt: times.closesAt,
        cancelledAt: null,
        createdBy: user.id,
      }),
    );
    await this.reminders.schedule(saved.id, times.startsAt);
    return this.get(user, saved.id);
  }

  async update(user: AuthUser, id: string, body: UpdateGatheringBody): Promise<GatheringDto> {
    const before = await this.lookup.organisedRow(user, id);
    if (before.cancelled_at || before.ends_at.getTime() <= Date.now()) throw over();
    const actor = await this.lookup.actorOf(user);
    const merged: SaveGatheringBody = {
      kind: body.kind ?? (before.kind as SaveGatheringBody['kind']),
      title: body.title ?? before.title,
      description: body.description ?? before.description,
      mode: body.mode ?? (before.mode as GatheringMode),
      address: body.address !== undefined ? body.address : before.address,
      url: body.url !== undefined ? body.url : before.url,
      phase: body.phase !== undefined ? body.phase : (before.phase as SaveGatheringBody['phase']),
      audience: body.audience ?? (before.audience as GatheringAudience),
      villageId: body.villageId !== undefined ? body.villageId : before.village_id,
      cohortId: body.cohortId !== undefined ? body.cohortId : before.cohort_id,
      municipalityId:
        body.municipalityId !== undefined
          ? body.municipalityId
          : before.village_id && body.villageId === undefined
            ? null
            : before.municipality_id,
      startsAt: body.startsAt ?? before.starts_at.toISOString(),
      endsAt: body.endsAt ?? before.ends_at.toISOString(),
      capacity: body.capacity ?? before.capacity,
      questions: (body.questions ?? before.questions) as SaveGatheringBody['questions'],
      registrationClosesAt:
        body.registrationClosesAt !== undefined
          ? body.registrationClosesAt
          : (before.registration_closes_at?.toISOString() ?? null),
    };
    const placed = await this.placement(merged);
    this.assertOrganiser(actor, placed.ref);
    const moved =
      body.startsAt !== undefined && Date.parse(body.startsAt) !== before.starts_at.getTime();
    const times = checkTimes(
      merged.startsAt,
      merged.endsAt,
      merged.registrationClosesAt ?? null,
      moved,
    );
    checkMode(merged.mode, merged.address ?? null, merged.url ?? null);
    const questions = checkQuestions((merged.questions ?? []) as GatheringQuestion[]);

    const promoted = await this.dataSource.transaction(async (em) => {
      await lockGathering(em, id);
      const current = await gatheringById(em, id);
      if (!current) throw notFound(HIDDEN);
      if (!(await bumpVersion(em, id, body.version, user.id))) {
        throw changedMeanwhile(ErrorCode.VersionConflict, 'gathering', current);
      }
      if (merged.capacity < current.places_taken) {
        throw new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.CapacityBelowTaken,
          `${current.places_taken} places are taken already; the capacity cannot be lower.`,
          {
            params: { placesTaken: current.places_taken },
            details: { capacity: ['below places taken'] },
          },
        );
      }
      await em.getRepository(Gathering).update(id, {
        kind: merged.kind,
        title: merged.title,
        description: merged.description ?? '',
        mode: merged.mode,
        address: merged.address?.trim() || null,
        url: merged.url ?? null,
        phase: merged.phase ?? null,
        audience: merged.audience,
        villageId: placed.villageId,
        cohortId: placed.cohortId,
        municipalityId: placed.municipalityId,
        startsAt: times.startsAt,
        endsAt: times.endsAt,
        capacity: merged.capacity,
        questions,
        registrationClosesAt: times.closesAt,
      });
      if (moved) await clearReminders(em, id);
      return this.registrations.promote(em, id, merged.capacity);
    });
    await this.registrations.mailPromoted(promoted);
    if (moved) {
      await this.reminders.unschedule(id, before.starts_at);
      await this.reminders.schedule(id, times.startsAt);
    }
    return this.get(user, id);
  }

  /** Cancels the gathering: every registration is cancelled and told by mail. */
  async cancel(user: AuthUser, id: string, body: CancelGatheringBody): Promise<GatheringDto> {
    const row = await this.lookup.organisedRow(user, id);
    if (row.cancelled_at || row.ends_at.getTime() <= Date.now()) throw over();
    const reason = body.reason?.trim() || null;
    const told = await this.dataSource.transaction(async (em) => {
      await lockGathering(em, id);
      if (!(await markCancelled(em, id, reason, user.id))) throw over();
      return cancelAllRegistrations(em, id);
    });
    await this.reminders.unschedule(id, row.starts_at);
    const after = (await gatheringById(this.dataSource.manager, id)) ?? row;
    await this.mailer.cancelled(after, told, reason);
    return this.get(user, id);
  }

  /** Minutes after the gathering, linked to the village's own goals and initiatives. */
  async saveMinutes(user: AuthUser, id: string, body: SaveMinutesBody): Promise<GatheringDto> {
    const row = await this.lookup.organisedRow(user, id);
    const goalIds = [...new Set(body.goalIds)];
    const initiativeIds = [...new Set(body.initiativeIds)];
    const db = this.dataSource.manager;
    for (const [table, ids, field] of [
      ['village_goals', goalIds, 'goalIds'],
      ['initiatives', initiativeIds, 'initiativeIds'],
    ] as const) {
      if (ids.length === 0) continue;
      const owned = row.village_id ? await villageOwned(db, table, row.village_id, ids) : new Set();
      const stranger = ids.find((g) => !owned.has(g));
      if (stranger) {
        throw fieldError(
          ErrorCode.UnknownReference,
          field,
          `${stranger} is not one of this gathering's village's ${table === 'initiatives' ? 'initiatives' : 'goals'}.`,
        );
      }
    }
    await saveMinutes(db, id, body.minutes, goalIds, initiativeIds, user.id);
    return this.get(user, id);
  }

  private assertOrganiser(actor: GatheringActor, ref: GatheringRef): void {
    if (!canOrganiseGathering(actor, ref)) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'You may not plan a gathering for this place and audience.',
      );
    }
  }

  /**
   * Where the gathering belongs, checked against the audience: a village's gatherings take the
   * village's municipality; a cohort's need the cohort; the academy's need the municipality.
   */
  private async placement(body: SaveGatheringBody): Promise<{
    villageId: string | null;
    cohortId: string | null;
    municipalityId: string | null;
    ref: GatheringRef;
  }> {
    const db = this.dataSource.manager;
    let villageId = body.villageId ?? null;
    let cohortId = body.cohortId ?? null;
    let municipalityId = body.municipalityId ?? null;
    const need = (field: string, what: string) =>
      fieldError(ErrorCode.ValidationFailed, field, `This audience needs ${what}.`);
    switch (body.audience) {
      case GatheringAudience.SteeringGroup:
      case GatheringAudience.VillagePanel:
        if (!villageId) throw need('villageId', 'a village');
        break;
      case GatheringAudience.Cohort:
        if (!cohortId) throw need('cohortId', 'a cohort');
        villageId = null;
        break;
      case GatheringAudience.MunicipalityAcademy:
        if (!municipalityId) throw need('municipalityId', 'a municipality');
        villageId = null;
        cohortId = null;
        break;
      default:
        break;
    }
    const unknown = (field: string) =>
      fieldError(ErrorCode.UnknownReference, field, `${field} names nothing.`);
    if (villageId) {
      const m = await villageMunicipality(db, villageId);
      if (!m) throw unknown('villageId');
      municipalityId = m;
      cohortId = null;
    } else if (municipalityId && !(await exists(db, 'municipalities', municipalityId))) {
      throw unknown('municipalityId');
    }
    if (cohortId && !(await exists(db, 'cohorts', cohortId))) throw unknown('cohortId');
    return {
      villageId,
      cohortId,
      municipalityId,
      ref: {
        audience: body.audience,
        villageId,
        cohortId,
        municipalityId,
        cohortMunicipalityIds: cohortId ? await cohortMunicipalities(db, cohortId) : [],
      },
    };
  }
}

function over(): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.GatheringOver,
    'The gathering is over or cancelled, so it cannot be changed.',
  );
}

function checkTimes(
  startsIso: string,
  endsIso: string,
  closesIso: string | null,
  mustBeFuture: boolean,
): { startsAt: Date; endsAt: Date; closesAt: Date | null } {
  const startsAt = new Date(startsIso);
  const endsAt = new Date(endsIso);
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw fieldError(
      ErrorCode.SessionEndsBeforeStart,
      'endsAt',
      'The gathering must end after it starts. Correct the end time.',
      { field: 'endsAt' },
    );
  }
  if (mustBeFuture && startsAt.getTime() <= Date.now()) {
    throw fieldError(
      ErrorCode.SessionInPast,
      'startsAt',
      'The gathering would start in the past. Choose a time in the future.',
    );
  }
  const closesAt = closesIso ? new Date(closesIso) : null;
  if (closesAt && closesAt.getTime() > startsAt.getTime()) {
    throw fieldError(
      ErrorCode.ValidationFailed,
      'registrationClosesAt',
      'Registration must close at the start or before.',
    );
  }
  return { startsAt, endsAt, closesAt };
}

function checkMode(mode: GatheringMode, address: string | null, url: string | null): void {
  if (mode !== GatheringMode.Online && !address?.trim()) {
    throw fieldError(ErrorCode.ValidationFailed, 'address', 'Write the address where you meet.');
  }
  if (mode !== GatheringMode.InPerson && !url) {
    throw fieldError(ErrorCode.ValidationFailed, 'url', 'Add the meeting link (https).');
  }
}

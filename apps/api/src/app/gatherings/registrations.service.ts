import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  GATHERING_LIMITS,
  RegistrationStatus,
  type CheckInResultDto,
  type GuestRegistrationDto,
  type MyRegistrationDto,
  type Page,
  type PublicGatheringDto,
  type RegistrationDto,
} from '@blup/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { inGatheringAudience } from '../access/gathering-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { SignInRateLimiter } from '../auth/sign-in-rate-limiter';
import { hashToken, looksLikeToken, newToken } from '../auth/tokens';
import { AppException, notFound } from '../common/app-exception';
import { inBatches } from '../common/batches';
import { PageQueryDto, pageWindow, toPage } from '../common/pagination';
import { isUniqueViolation } from '../common/unique-violation';
import { checkAnswers } from './gathering-answers';
import { gatheringIcs } from './gathering-calendar';
import { GatheringLookup, HIDDEN } from './gathering-lookup.service';
import { GatheringMailer } from './gathering-mailer';
import {
  isClosed,
  isGuestAudience,
  refOf,
  toMyRegistration,
  toPublicDto,
  toRegistrationDto,
} from './gathering-views';
import { registrationsCsv } from './registrations-csv';
import { newCheckInCode, normaliseCheckInCode } from './check-in-code';
import {
  CheckInBody,
  GuestRegisterBody,
  RegisterBody,
  RegistrationListQueryDto,
} from './gatherings.dto';
import {
  anonymiseEndedRegistrations,
  deleteRegistration,
  gatheringById,
  gatheringPage,
  insertRegistration,
  lockGathering,
  lockRegistrationForCheckIn,
  placesTaken,
  refreshPending,
  registrationById,
  registrationIdByTokenHash,
  registrationOf,
  registrationPage,
  registrationsForCsv,
  setCheckedIn,
  setStatus,
  waitlistHead,
  waitlistLength,
  type GatheringRow,
  type LockedGathering,
  type RegistrationRow,
} from './gatherings.queries';
import { withinReminderWindow } from './info-meetings.constants';
import { InfoMeetingReminderProducer } from './info-meeting-reminders.producer';

/** A registration that moved up from the waitlist, with its fresh cancel token for the mail. */
export interface Promoted {
  id: string;
  token: string;
}

const linkGone = (): AppException =>
  new AppException(
    HttpStatus.GONE,
    ErrorCode.RegistrationLinkGone,
    'This link has expired or been used up. Register again on the gathering’s page.',
  );

const alreadyRegistered = (): AppException =>
  new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.AlreadyRegistered,
    'You are registered for this gathering already.',
  );

function closed(g: { title: string }): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.GatheringClosed,
    `Registration for "${g.title}" is closed: it is over, cancelled, or the registration deadline has passed.`,
  );
}

/**
 * Registrations: signed in or as a guest, within capacity under the gathering's row lock, the
 * waitlist in arrival order that moves up by itself, the links in the mails, the organisers'
 * list, the caterer's CSV and check-in.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lookup: GatheringLookup,
    private readonly mailer: GatheringMailer,
    private readonly limit: SignInRateLimiter,
    private readonly reminders: InfoMeetingReminderProducer,
  ) {}

  // ---- signed in -------------------------------------------------------------------------------

  async register(user: AuthUser, id: string, body: RegisterBody): Promise<MyRegistrationDto> {
    const { row, actor } = await this.lookup.visibleRow(user, id);
    if (!inGatheringAudience(actor, refOf(row))) {
      throw new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.Forbidden,
        'This gathering is for another group; you cannot register for it.',
      );
    }
    const token = newToken();
    const result = await this.dataSource
      .transaction(async (em) => {
        const g = await this.lockOpen(em, id);
        const { answers, places } = checkAnswers(g.questions, body.answers);
        const existing = await registrationOf(em, id, user.email.toLowerCase(), user.id);
        if (existing) {
          if (existing.status === 'confirmed' || existing.status === 'waitlisted') {
            throw alreadyRegistered();
          }
          await deleteRegistration(em, existing.id);
        }
        const status = await this.admit(em, g, places);
        const regId = await insertRegistration(em, {
          gatheringId: id,
          userId: user.id,
          name: user.name,
          email: user.email.toLowerCase(),
          status,
          places,
          answers,
          villageName: user.villageName,
          municipalityName: user.municipalityName,
          cancelTokenHash: hashToken(token),
          confirmTokenHash: null,
          checkInCode: newCheckInCode(),
          remindedAt: this.remindedAt(g, status),
        });
        return { regId, status, startsAt: g.starts_at };
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw alreadyRegistered();
        throw error;
      });
    await this.afterPlaced(result.regId, result.status, token, id, result.startsAt);
    const mine = await registrationById(this.dataSource.manager, result.regId);
    if (!mine) throw notFound(HIDDEN);
    return toMyRegistration(mine);
  }

  async cancelMine(user: AuthUser, id: string): Promise<void> {
    await this.lookup.visibleRow(user, id);
    const promoted = await this.dataSource.transaction(async (em) => {
      const g = await lockGathering(em, id);
      if (!g) throw notFound(HIDDEN);
      const mine = await registrationOf(em, id, user.email.toLowerCase(), user.id);
      if (!mine || mine.status === 'cancelled' || mine.user_id !== user.id) {
        throw new AppException(
          HttpStatus.NOT_FOUND,
          ErrorCode.RegistrationNotFound,
          'You are not registered for this gathering.',
        );
      }
      await setStatus(em, mine.id, 'cancelled', null);
      return mine.status === 'confirmed' ? this.promote(em, id, g.capacity, g) : [];
    });
    await this.mailPromoted(promoted);
  }

  // ---- public ----------------------------------------------------------------------------------

  async publicList(query: PageQueryDto): Promise<Page<PublicGatheringDto>> {
    const { skip, take } = pageWindow(query);
    const { rows, total } = await gatheringPage(
      this.dataSource.manager,
      {
        visible: '($1::uuid IS NULL AND $2::uuid IS NULL AND $3::uuid IS NULL)',
        actor: { municipalityId: null, villageId: null, cohortId: null },
        includePast: false,
        publicOnly: true,
      },
      skip,
      take,
    );
    return toPage(
      rows.map((r) => toPublicDto(r)),
      total,
      query,
    );
  }

  async publicGet(id: string): Promise<PublicGatheringDto> {
    return toPublicDto(await this.publicRow(id));
  }

  private async publicRow(id: string): Promise<GatheringRow> {
    const row = await gatheringById(this.dataSource.manager, id);
    if (!row || !isGuestAudience(row.audience)) throw notFound(HIDDEN);
    return row;
  }

  /**
   * A guest registers with only an email: pending (no place held) until they confirm by the
   * link in the mail. Asking again while pending sends a fresh link.
   */
  async guestRegister(
    id: string,
    body: GuestRegisterBody,
    ip: string | null,
  ): Promise<GuestRegistrationDto> {
    await this.limit.countIp('gathering-registration', ip);
    await this.limit.countIp('gathering-registration', `mail:${hashToken(body.email)}`);
    await this.publicRow(id);
    const confirmToken = newToken();
    const cancelToken = newToken();
    const regId = await this.dataSource
      .transaction(async (em) => {
        const g = await this.lockOpen(em, id);
        const { answers, places } = checkAnswers(g.questions, body.answers);
        const existing = await registrationOf(em, id, body.email, null);
        if (existing?.status === 'confirmed' || existing?.status === 'waitlisted') {
          throw alreadyRegistered();
        }
        if (existing?.status === 'pending') {
          await refreshPending(em, existing.id, {
            name: body.name,
            places,
            answers,
            confirmTokenHash: hashToken(confirmToken),
            cancelTokenHash: hashToken(cancelToken),
          });
          return existing.id;
        }
        if (existing) await deleteRegistration(em, existing.id);
        return insertRegistration(em, {
          gatheringId: id,
          userId: null,
          name: body.name,
          email: body.email,
          status: 'pending',
          places,
          answers,
          villageName: body.villageName?.trim() || null,
          municipalityName: body.municipalityName?.trim() || null,
          cancelTokenHash: hashToken(cancelToken),
          confirmTokenHash: hashToken(confirmToken),
          checkInCode: newCheckInCode(),
          remindedAt: null,
        });
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw alreadyRegistered();
        throw error;
      });
    await this.mailer.confirmLink(id, body, confirmToken);
    return this.guestView(regId);
  }

  /** The guest's confirmation link: a place, or the waitlist. Idempotent. */
  async confirm(token: string): Promise<GuestRegistrationDto> {
    const found = await this.byToken('confirm_token_hash', token);
    const cancelToken = newToken();
    const outcome = await this.dataSource.transaction(async (em) => {
      const g = await lockGathering(em, found.gathering_id);
      const r = await registrationById(em, found.id);
      if (!g || !r || r.status === 'cancelled') throw linkGone();
      if (r.status !== 'pending') return null;
      const age = Date.now() - r.created_at.getTime();
      if (age > GATHERING_LIMITS.confirmHours * 3_600_000) throw linkGone();
      if (isClosed(g)) throw closed(g);
      const status = await this.admit(em, g, r.places);
      await setStatus(em, r.id, status, hashToken(cancelToken), this.remindedAt(g, status));
      return { status, startsAt: g.starts_at };
    });
    if (outcome) {
      await this.afterPlaced(
        found.id,
        outcome.status,
        cancelToken,
        found.gathering_id,
        outcome.startsAt,
      );
    }
    return this.guestView(found.id);
  }

  async previewCancel(token: string): Promise<GuestRegistrationDto> {
    const found = await this.byToken('cancel_token_hash', token);
    return this.guestView(found.id);
  }

  /** Anyone's cancel link: the place frees and the waitlist moves up. */
  async cancelByToken(token: string): Promise<GuestRegistrationDto> {
    const found = await this.byToken('cancel_token_hash', token);
    const promoted = await this.dataSource.transaction(async (em) => {
      const g = await lockGathering(em, found.gathering_id);
      const r = await registrationById(em, found.id);
      if (!g || !r) throw linkGone();
      if (r.status === 'cancelled') return [];
      await setStatus(em, r.id, 'cancelled', null);
      return r.status === 'confirmed' ? this.promote(em, g.id, g.capacity, g) : [];
    });
    await this.mailPromoted(promoted);
    return this.guestView(found.id);
  }

  private async byToken(
    column: 'confirm_token_hash' | 'cancel_token_hash',
    token: string,
  ): Promise<{ id: string; gathering_id: string }> {
    if (!looksLikeToken(token)) throw linkGone();
    const found = await registrationIdByTokenHash(
      this.dataSource.manager,
      column,
      hashToken(token),
    );
    if (!found) throw linkGone();
    return found;
  }

  private async guestView(regId: string): Promise<GuestRegistrationDto> {
    const db = this.dataSource.manager;
    const r = await registrationById(db, regId);
    const g = r && (await gatheringById(db, r.gathering_id));
    if (!r || !g) throw linkGone();
    const confirmed = r.status === RegistrationStatus.Confirmed;
    return {
      gathering: toPublicDto(g),
      name: r.name,
      status: r.status as RegistrationStatus,
      waitlistPosition: r.waitlist_position,
      places: r.places,
      checkInCode: confirmed ? r.check_in_code : null,
      url: confirmed ? g.url : null,
    };
  }

  // ---- organisers ------------------------------------------------------------------------------

  async list(
    user: AuthUser,
    id: string,
    query: RegistrationListQueryDto,
  ): Promise<Page<RegistrationDto>> {
    await this.lookup.organisedRow(user, id);
    const { skip, take } = pageWindow(query);
    const { rows, total } = await registrationPage(
      this.dataSource.manager,
      id,
      { status: query.status, q: query.q },
      skip,
      take,
    );
    return toPage(rows.map(toRegistrationDto), total, query);
  }

  async csv(user: AuthUser, id: string): Promise<{ title: string; csv: string }> {
    const row = await this.lookup.organisedRow(user, id);
    const rows = await registrationsForCsv(this.dataSource.manager, id);
    return { title: row.title, csv: registrationsCsv(row.questions, rows) };
  }

  /** The calendar file: the link only for organisers and people with a confirmed place. */
  async ics(user: AuthUser, id: string): Promise<{ title: string; ics: string }> {
    const { row, organiser } = await this.lookup.visibleRow(user, id);
    const mine = await registrationOf(
      this.dataSource.manager,
      id,
      user.email.toLowerCase(),
      user.id,
    );
    const withLink = organiser || mine?.status === 'confirmed';
    return { title: row.title, ics: gatheringIcs(row, withLink) };
  }

  async checkIn(user: AuthUser, id: string, body: CheckInBody): Promise<CheckInResultDto> {
    await this.lookup.organisedRow(user, id);
    const code = body.code ? normaliseCheckInCode(body.code) : undefined;
    if (!code && !body.registrationId) {
      throw new AppException(
        HttpStatus.BAD_REQUEST,
        ErrorCode.ValidationFailed,
        'Give the check-in code or the registration id.',
        { details: { code: ['code or registrationId is needed'] } },
      );
    }
    const regId = await this.dataSource.transaction(async (em) => {
      const r = await lockRegistrationForCheckIn(em, id, { code, id: body.registrationId });
      if (!r) throw notRegistered();
      if (r.status !== 'confirmed') {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.NotConfirmed,
          `This registration is ${r.status}, not confirmed; it cannot be checked in.`,
          { params: { status: r.status } },
        );
      }
      if (r.checked_in_at) {
        throw new AppException(
          HttpStatus.CONFLICT,
          ErrorCode.AlreadyCheckedIn,
          `Checked in already at ${r.checked_in_at.toISOString()}.`,
          { params: { at: r.checked_in_at.toISOString() } },
        );
      }
      await setCheckedIn(em, r.id, true);
      return r.id;
    });
    return this.checkInResult(id, regId);
  }

  async undoCheckIn(user: AuthUser, id: string, registrationId: string): Promise<CheckInResultDto> {
    await this.lookup.organisedRow(user, id);
    await this.dataSource.transaction(async (em) => {
      const r = await lockRegistrationForCheckIn(em, id, { id: registrationId });
      if (!r) throw notRegistered();
      await setCheckedIn(em, r.id, false);
    });
    return this.checkInResult(id, registrationId);
  }

  private async checkInResult(id: string, regId: string): Promise<CheckInResultDto> {
    const db = this.dataSource.manager;
    const [r, g] = [await registrationById(db, regId), await gatheringById(db, id)];
    if (!r || !g) throw notRegistered();
    return {
      registration: toRegistrationDto(r),
      checkedInCount: g.checked_in_count,
      placesTaken: g.places_taken,
    };
  }

  // ---- places ----------------------------------------------------------------------------------

  /** The gathering under its row lock, refusing when registration is closed. */
  private async lockOpen(em: EntityManager, id: string): Promise<LockedGathering> {
    const g = await lockGathering(em, id);
    if (!g) throw notFound(HIDDEN);
    if (isClosed(g)) throw closed(g);
    return g;
  }

  /** A place when there is room and nobody waits before; else the end of the waitlist. */
  private async admit(
    em: EntityManager,
    g: LockedGathering,
    places: number,
  ): Promise<'confirmed' | 'waitlisted'> {
    const taken = await placesTaken(em, g.id);
    const waiting = await waitlistLength(em, g.id);
    return waiting === 0 && taken + places <= g.capacity ? 'confirmed' : 'waitlisted';
  }

  /** Inside the reminder window the confirmation is the reminder. */
  private remindedAt(g: { starts_at: Date }, status: string): Date | null {
    const now = new Date();
    return status === 'confirmed' &&
      withinReminderWindow(g.starts_at, GATHERING_LIMITS.reminderHoursBefore, now)
      ? now
      : null;
  }

  /**
   * Moves the waitlist up, oldest first, while the next one's places fit (never past a larger
   * one, so the order holds). Runs under the gathering's row lock, in the caller's transaction.
   */
  async promote(
    em: EntityManager,
    gatheringId: string,
    capacity: number,
    locked?: LockedGathering,
  ): Promise<Promoted[]> {
    const g = locked ?? (await lockGathering(em, gatheringId));
    if (!g || isClosed(g)) return [];
    let taken = await placesTaken(em, gatheringId);
    const out: Promoted[] = [];
    for (const w of await waitlistHead(em, gatheringId)) {
      if (taken + w.places > capacity) break;
      const token = newToken();
      await setStatus(em, w.id, 'confirmed', hashToken(token), this.remindedAt(g, 'confirmed'));
      taken += w.places;
      out.push({ id: w.id, token });
    }
    return out;
  }

  async mailPromoted(promoted: Promoted[]): Promise<void> {
    for (const p of promoted) await this.mailer.place(p.id, p.token, 'gathering_promoted');
  }

  private async afterPlaced(
    regId: string,
    status: 'confirmed' | 'waitlisted',
    cancelToken: string,
    gatheringId: string,
    startsAt: Date,
  ): Promise<void> {
    if (status === 'confirmed') {
      await this.mailer.place(regId, cancelToken, 'gathering_confirmed');
      await this.reminders.schedule(gatheringId, startsAt);
    } else {
      await this.mailer.waitlisted(regId, cancelToken);
    }
  }

  // ---- retention --------------------------------------------------------------------------------

  /**
   * Retention (issue 17): anonymises the registrations of gatherings that ended more than `days`
   * before `now` (RETAIN_GATHERING_REGISTRATION_DAYS), in batches; the counts stay. Returns how
   * many registrations it anonymised.
   */
  anonymiseEnded(now: Date, days: number): Promise<number> {
    return inBatches((limit) =>
      anonymiseEndedRegistrations(this.dataSource.manager, now, days, limit),
    );
  }
}

function notRegistered(): AppException {
  return new AppException(
    HttpStatus.NOT_FOUND,
    ErrorCode.RegistrationNotFound,
    'No registration for this gathering has that code.',
  );
}

export type { RegistrationRow };

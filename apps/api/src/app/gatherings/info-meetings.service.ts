import { SignInRateLimiter } from '../auth/sign-in-rate-limiter';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_LOCALE,
  ErrorCode,
  INFO_MEETING_LIMITS,
  type InfoMeetingDto,
  type InfoMeetingSignupCancelDto,
  type InfoMeetingSignupDto,
  type InfoMeetingSignupReceiptDto,
  type Page,
  type PublicInfoMeetingDto,
} from '@blup/contracts';
import { DataSource } from 'typeorm';
import { hashToken, looksLikeToken, newToken } from '../auth/tokens';
import { AppException, fieldError, notFound } from '../common/app-exception';
import { pageWindow, PageQueryDto, toPage } from '../common/pagination';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Gathering } from '../database/entities/gatherings';
import { newCheckInCode } from './check-in-code';
import { MailProducer } from '../mail/mail.producer';
import { isUniqueViolation } from '../common/unique-violation';
import {
  CreateInfoMeetingBody,
  InfoMeetingListQueryDto,
  InfoMeetingSignupBody,
  UpdateInfoMeetingBody,
} from './info-meetings.dto';
import { withinReminderWindow } from './info-meetings.constants';
import { InfoMeetingReminderProducer } from './info-meeting-reminders.producer';
import {
  cancelMeeting,
  clearReminders,
  deleteSignup,
  insertSignup,
  isSignedUp,
  lockMeeting,
  meetingById,
  meetingPage,
  signupByCancelHash,
  signupContacts,
  signupCount,
  signupPage,
  type MeetingRow,
} from './info-meetings.queries';

/** The web page that cancels a sign-up. */
export function cancelUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/enrolment/info-meetings/cancel?token=${encodeURIComponent(token)}`;
}

const cancelLinkGone = (): AppException =>
  new AppException(
    HttpStatus.GONE,
    ErrorCode.SignupCancelLinkGone,
    'This cancel link has already been used, or the sign-up no longer exists.',
  );

/** Info meetings: the secretariat plans them; anyone signs up within capacity and is reminded. */
@Injectable()
export class InfoMeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailProducer,
    private readonly reminders: InfoMeetingReminderProducer,
    private readonly limit: SignInRateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ---- secretariat ----------------------------------------------------------------------------

  async list(query: InfoMeetingListQueryDto): Promise<Page<InfoMeetingDto>> {
    const { skip, take } = pageWindow(query);
    const { rows, total } = await meetingPage(
      this.dataSource.manager,
      query.includePast ? 'all' : 'not_ended',
      !!query.includePast,
      skip,
      take,
    );
    return toPage(rows.map(toDto), total, query);
  }

  async get(id: string): Promise<InfoMeetingDto> {
    return toDto(await this.row(id));
  }

  async create(body: CreateInfoMeetingBody): Promise<InfoMeetingDto> {
    const startsAt = new Date(body.startsAt);
    const endsAt = new Date(body.endsAt);
    checkTimes(startsAt, endsAt);
    if (startsAt.getTime() <= Date.now()) {
      throw fieldError(
        ErrorCode.SessionInPast,
        'startsAt',
        'The meeting would start in the past. Choose a time in the future.',
      );
    }
    const repo = this.dataSource.getRepository(Gathering);
    const saved = await repo.save(
      repo.create({
        title: body.title,
        startsAt,
        endsAt,
        url: body.url,
        capacity: body.capacity,
        description: body.description ?? '',
        cancelledAt: null,
        kind: 'info_meeting',
        mode: 'online',
        audience: 'anyone',
      }),
    );
    await this.reminders.schedule(saved.id, startsAt);
    return this.get(saved.id);
  }

  async update(id: string, body: UpdateInfoMeetingBody, actorId: string): Promise<InfoMeetingDto> {
    const before = await this.row(id);
    if (before.cancelled_at) {
      throw new AppException(
        HttpStatus.CONFLICT,
        ErrorCode.OfferingClosed,
        'The meeting is cancelled and cannot be changed.',
        {
          params: {
            name: before.title,
            reason: 'closed',
            date: before.cancelled_at.toISOString().slice(0, 10),
          },
        },
      );
    }
    const startsAt = body.startsAt ? new Date(body.startsAt) : before.starts_at;
    const endsAt = body.endsAt ? new Date(body.endsAt) : before.ends_at;
    checkTimes(startsAt, endsAt);
    const moved = startsAt.getTime() !== before.starts_at.getTime();
    if (moved && startsAt.getTime() <= Date.now()) {
      throw fieldError(
        ErrorCode.SessionInPast,
        'startsAt',
        'The meeting would start in the past. Choose a time in the future.',
      );
    }
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(Gathering).update(id, {
        ...(body.title !== undefined && { title: body.title }),
        ...(body.url !== undefined && { url: body.url }),
        ...(body.capacity !== undefined && { capacity: body.capacity }),
        ...(body.description !== undefined && { description: body.description }),
        startsAt,
        endsAt,
        version: () => 'version + 1',
        updatedBy: actorId,
      });
      // A moved meeting reminds everyone again, for the new time.
      if (moved) await clearReminders(em, id);
    });
    if (moved) {
      await this.reminders.unschedule(id, before.starts_at);
      await this.reminders.schedule(id, startsAt);
    }
    return this.get(id);
  }

  /** Cancels the meeting and tells everyone signed up. */
  async cancel(id: string, actorId: string): Promise<InfoMeetingDto> {
    const before = await this.row(id);
    if (!before.cancelled_at) {
      await cancelMeeting(this.dataSource.manager, id, actorId);
      await this.reminders.unschedule(id, before.starts_at);
      if (before.starts_at.getTime() > Date.now()) {
        const signups = await signupContacts(this.dataSource.manager, id);
        for (const s of signups) {
          await this.mail.send({
            to: s.email,
            template: 'info_meeting_cancelled',
            locale: DEFAULT_LOCALE,
            data: {
              name: s.name,
              title: before.title,
              startsAt: before.starts_at.toISOString(),
              meetingsUrl: `${this.config.publicUrl}/enrolment/info-meetings`,
            },
          });
        }
      }
    }
    return this.get(id);
  }

  async signups(id: string, query: PageQueryDto): Promise<Page<InfoMeetingSignupDto>> {
    await this.row(id);
    const { skip, take } = pageWindow(query);
    const db = this.dataSource.manager;
    const n = await signupCount(db, id);
    const rows = await signupPage(db, id, skip, take);
    return toPage(
      rows.map((r) => ({
        id: r.id,
        name: r.name,
        email: r.email,
        villageName: r.village_name,
        municipalityName: r.municipality_name,
        remindedAt: r.reminded_at?.toISOString() ?? null,
        createdAt: r.created_at.toISOString(),
      })),
      n,
      query,
    );
  }

  // ---- public ---------------------------------------------------------------------------------

  async upcoming(query: PageQueryDto): Promise<Page<PublicInfoMeetingDto>> {
    const { skip, take } = pageWindow(query);
    const { rows, total } = await meetingPage(this.dataSource.manager, 'open', false, skip, take);
    return toPage(rows.map(toPublicDto), total, query);
  }

  /**
   * Signs up within capacity: the meeting's row lock makes concurrent sign-ups take turns, so the
   * count and the insert agree. Then the confirmation mail with the link and a cancel link.
   */
  async signUp(
    id: string,
    body: InfoMeetingSignupBody,
    ip: string | null = null,
  ): Promise<InfoMeetingSignupReceiptDto> {
    await this.limit.countIp('info-meeting-sign-up', ip);
    const token = newToken();
    const now = new Date();
    const meeting = await this.dataSource
      .transaction(async (em) => {
        const m = await lockMeeting(em, id);
        if (!m) throw notFound('Info meeting not found.');
        if (m.cancelled_at) {
          throw closed(m.title, 'closed', m.cancelled_at, 'The meeting has been cancelled.');
        }
        if (m.starts_at.getTime() <= now.getTime()) {
          throw closed(
            m.title,
            'started',
            m.starts_at,
            `The meeting started on ${m.starts_at.toISOString().slice(0, 10)}; choose a later one.`,
          );
        }
        const n = await signupCount(em, id);
        if (await isSignedUp(em, id, body.email)) throw alreadySignedUp();
        if (n >= m.capacity) {
          throw new AppException(
            HttpStatus.CONFLICT,
            ErrorCode.InfoMeetingFull,
            'The info meeting is full. Choose another meeting.',
          );
        }
        await insertSignup(em, {
          meetingId: id,
          name: body.name,
          email: body.email,
          villageName: body.villageName?.trim() || null,
          municipalityName: body.municipalityName?.trim() || null,
          cancelTokenHash: hashToken(token),
          checkInCode: newCheckInCode(),
          // Inside the last 24 hours the confirmation is the reminder.
          remindedAt: withinReminderWindow(
            m.starts_at,
            INFO_MEETING_LIMITS.reminderHoursBefore,
            now,
          )
            ? now
            : null,
        });
        return m;
      })
      .catch((error: unknown) => {
        if (isUniqueViolation(error)) throw alreadySignedUp();
        throw error;
      });
    const row = await this.row(meeting.id);
    await this.mail.send({
      to: body.email,
      template: 'info_meeting_confirmation',
      locale: DEFAULT_LOCALE,
      data: {
        name: body.name,
        title: row.title,
        startsAt: row.starts_at.toISOString(),
        endsAt: row.ends_at.toISOString(),
        url: row.url,
        cancelUrl: cancelUrl(this.config.publicUrl, token),
      },
    });
    // Idempotent: the job exists already unless Redis lost it.
    await this.reminders.schedule(row.id, row.starts_at);
    return { meeting: toPublicDto(row), name: body.name, email: body.email };
  }

  async previewCancel(token: string): Promise<InfoMeetingSignupCancelDto> {
    const found = await this.byToken(token);
    return {
      meetingTitle: found.title,
      startsAt: found.starts_at.toISOString(),
      name: found.name,
      cancelled: false,
    };
  }

  /** Deletes the sign-up the link names; the place frees up. */
  async cancelSignup(token: string): Promise<InfoMeetingSignupCancelDto> {
    const found = await this.byToken(token);
    if (!(await deleteSignup(this.dataSource.manager, found.signup_id))) throw cancelLinkGone();
    return {
      meetingTitle: found.title,
      startsAt: found.starts_at.toISOString(),
      name: found.name,
      cancelled: true,
    };
  }

  private async byToken(
    token: string,
  ): Promise<{ signup_id: string; name: string; title: string; starts_at: Date }> {
    if (!looksLikeToken(token)) throw cancelLinkGone();
    const found = await signupByCancelHash(this.dataSource.manager, hashToken(token));
    if (!found) throw cancelLinkGone();
    return found;
  }

  private async row(id: string): Promise<MeetingRow> {
    const row = await meetingById(this.dataSource.manager, id);
    if (!row) throw notFound('Info meeting not found.');
    return row;
  }
}

function checkTimes(startsAt: Date, endsAt: Date): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw fieldError(
      ErrorCode.SessionEndsBeforeStart,
      'endsAt',
      'The meeting must end after it starts. Correct the end time.',
      { field: 'endsAt' },
    );
  }
}

function closed(name: string, reason: string, date: Date, message: string): AppException {
  return new AppException(HttpStatus.BAD_REQUEST, ErrorCode.OfferingClosed, message, {
    params: { name, reason, date: date.toISOString().slice(0, 10) },
  });
}

function alreadySignedUp(): AppException {
  return new AppException(
    HttpStatus.CONFLICT,
    ErrorCode.AlreadySignedUp,
    'You are already signed up for this meeting with that email.',
  );
}

function toDto(row: MeetingRow): InfoMeetingDto {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    url: row.url,
    capacity: row.capacity,
    description: row.description,
    signupCount: row.signup_count,
    placesLeft: Math.max(0, row.capacity - row.signup_count),
    cancelledAt: row.cancelled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toPublicDto(row: MeetingRow): PublicInfoMeetingDto {
  const placesLeft = Math.max(0, row.capacity - row.signup_count);
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    description: row.description,
    capacity: row.capacity,
    placesLeft,
    full: placesLeft === 0,
  };
}

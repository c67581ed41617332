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
import { InfoMeeting } from '../database/entities/applications';
import { MailProducer } from '../mail/mail.producer';
import { isUniqueViolation } from '../common/unique-violation';
import {
  CreateInfoMeetingBody,
  InfoMeetingListQueryDto,
  InfoMeetingSignupBody,
  UpdateInfoMeetingBody,
} from './applications.dto';
import { withinReminderWindow } from './info-meetings.constants';
import { InfoMeetingReminderProducer } from './info-meeting-reminders.producer';

/** The web page that cancels a sign-up. */
export function cancelUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/enrolment/info-meetings/cancel?token=${encodeURIComponent(token)}`;
}

interface MeetingRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  url: string;
  capacity: number;
  description: string;
  cancelled_at: Date | null;
  created_at: Date;
  updated_at: Date;
  signup_count: number;
}

const SELECT_MEETING = `
  SELECT m.*, (SELECT count(*)::int FROM info_meeting_signups s WHERE s.meeting_id = m.id) AS signup_count
    FROM info_meetings m`;

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
    const where = query.includePast ? '' : 'WHERE m.ends_at > now()';
    const { skip, take } = pageWindow(query);
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM info_meetings m ${where}`,
    );
    const rows = await this.dataSource.query<MeetingRow[]>(
      `${SELECT_MEETING} ${where} ORDER BY m.starts_at ${query.includePast ? 'DESC' : 'ASC'}, m.id
       LIMIT $1 OFFSET $2`,
      [take, skip],
    );
    return toPage(rows.map(toDto), n, query);
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
    const repo = this.dataSource.getRepository(InfoMeeting);
    const saved = await repo.save(
      repo.create({
        title: body.title,
        startsAt,
        endsAt,
        url: body.url,
        capacity: body.capacity,
        description: body.description ?? '',
        cancelledAt: null,
      }),
    );
    await this.reminders.schedule(saved.id, startsAt);
    return this.get(saved.id);
  }

  async update(id: string, body: UpdateInfoMeetingBody): Promise<InfoMeetingDto> {
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
      await em.getRepository(InfoMeeting).update(id, {
        ...(body.title !== undefined && { title: body.title }),
        ...(body.url !== undefined && { url: body.url }),
        ...(body.capacity !== undefined && { capacity: body.capacity }),
        ...(body.description !== undefined && { description: body.description }),
        startsAt,
        endsAt,
      });
      // A moved meeting reminds everyone again, for the new time.
      if (moved) {
        await em.query(`UPDATE info_meeting_signups SET reminded_at = NULL WHERE meeting_id = $1`, [
          id,
        ]);
      }
    });
    if (moved) {
      await this.reminders.unschedule(id, before.starts_at);
      await this.reminders.schedule(id, startsAt);
    }
    return this.get(id);
  }

  /** Cancels the meeting and tells everyone signed up. */
  async cancel(id: string): Promise<InfoMeetingDto> {
    const before = await this.row(id);
    if (!before.cancelled_at) {
      await this.dataSource.query(
        `UPDATE info_meetings SET cancelled_at = now(), updated_at = now() WHERE id = $1 AND cancelled_at IS NULL`,
        [id],
      );
      await this.reminders.unschedule(id, before.starts_at);
      if (before.starts_at.getTime() > Date.now()) {
        const signups = await this.dataSource.query<{ name: string; email: string }[]>(
          `SELECT name, email FROM info_meeting_signups WHERE meeting_id = $1`,
          [id],
        );
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
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM info_meeting_signups WHERE meeting_id = $1`,
      [id],
    );
    const rows = await this.dataSource.query<
      {
        id: string;
        name: string;
        email: string;
        village_name: string | null;
        municipality_name: string | null;
        reminded_at: Date | null;
        created_at: Date;
      }[]
    >(
      `SELECT id, name, email, village_name, municipality_name, reminded_at, created_at
         FROM info_meeting_signups WHERE meeting_id = $1
        ORDER BY created_at, id LIMIT $2 OFFSET $3`,
      [id, take, skip],
    );
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
    const where = 'WHERE m.cancelled_at IS NULL AND m.starts_at > now()';
    const { skip, take } = pageWindow(query);
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM info_meetings m ${where}`,
    );
    const rows = await this.dataSource.query<MeetingRow[]>(
      `${SELECT_MEETING} ${where} ORDER BY m.starts_at, m.id LIMIT $1 OFFSET $2`,
      [take, skip],
    );
    return toPage(rows.map(toPublicDto), n, query);
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
        const [m] = await em.query<
          {
            id: string;
            title: string;
            starts_at: Date;
            cancelled_at: Date | null;
            capacity: number;
          }[]
        >(
          `SELECT id, title, starts_at, cancelled_at, capacity FROM info_meetings WHERE id = $1 FOR UPDATE`,
          [id],
        );
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
        const [{ n }] = await em.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM info_meeting_signups WHERE meeting_id = $1`,
          [id],
        );
        const [dupe] = await em.query<unknown[]>(
          `SELECT 1 FROM info_meeting_signups WHERE meeting_id = $1 AND email = $2`,
          [id, body.email],
        );
        if (dupe) throw alreadySignedUp();
        if (n >= m.capacity) {
          throw new AppException(
            HttpStatus.CONFLICT,
            ErrorCode.InfoMeetingFull,
            'The info meeting is full. Choose another meeting.',
          );
        }
        await em.query(
          `INSERT INTO info_meeting_signups
             (meeting_id, name, email, village_name, municipality_name, cancel_token_hash, reminded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            id,
            body.name,
            body.email,
            body.villageName?.trim() || null,
            body.municipalityName?.trim() || null,
            hashToken(token),
            // Inside the last 24 hours the confirmation is the reminder.
            withinReminderWindow(m.starts_at, INFO_MEETING_LIMITS.reminderHoursBefore, now)
              ? now
              : null,
          ],
        );
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
    const [deleted] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM info_meeting_signups WHERE id = $1 RETURNING id`,
      [found.signup_id],
    );
    if (!deleted.length) throw cancelLinkGone();
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
    const [found] = await this.dataSource.query<
      { signup_id: string; name: string; title: string; starts_at: Date }[]
    >(
      `SELECT s.id AS signup_id, s.name, m.title, m.starts_at
         FROM info_meeting_signups s JOIN info_meetings m ON m.id = s.meeting_id
        WHERE s.cancel_token_hash = $1`,
      [hashToken(token)],
    );
    if (!found) throw cancelLinkGone();
    return found;
  }

  private async row(id: string): Promise<MeetingRow> {
    const [row] = await this.dataSource.query<MeetingRow[]>(`${SELECT_MEETING} WHERE m.id = $1`, [
      id,
    ]);
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

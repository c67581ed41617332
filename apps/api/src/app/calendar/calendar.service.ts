import { Inject, Injectable } from '@nestjs/common';
import type { CalendarFeedDto } from '@blup/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { canReadCircle } from '../access/circle-access-policy';
import type { AuthUser } from '../auth/auth-user';
import { loadCircleRefs } from '../circles/circles.queries';
import { notFound } from '../common/app-exception';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { icsFileName, toCalendarEvent, words } from './calendar-sessions';
import {
  ensureFeed,
  feedOwner,
  loadCalendarSessions,
  loadFeedSessions,
  replaceFeedToken,
} from './calendar.queries';
import { writeCalendar } from './ical-writer';

/** A feed token: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface IcsFile {
  body: string;
  fileName: string;
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The person's feed address, created on first ask. */
  async feed(user: AuthUser): Promise<CalendarFeedDto> {
    const row = await ensureFeed(this.dataSource.manager, user.id, newFeedToken());
    return this.toDto(row.token, row.created_at);
  }

  /** A new secret address; the old one answers 404 from now on. */
  async reset(user: AuthUser): Promise<CalendarFeedDto> {
    const row = await replaceFeedToken(this.dataSource.manager, user.id, newFeedToken());
    return this.toDto(row.token, row.created_at);
  }

  /** The feed behind a secret address: 404 when unknown, reset, or its owner is disabled. */
  async feedCalendar(token: string): Promise<string> {
    if (!TOKEN.test(token)) throw feedNotFound();
    const owner = await feedOwner(this.dataSource.manager, token);
    if (!owner) throw feedNotFound();
    const sessions = await loadFeedSessions(this.dataSource.manager, owner.user_id);
    return writeCalendar({
      name: words(owner.locale).calendarName,
      now: new Date(),
      events: sessions.map((s) => toCalendarEvent(s, owner.locale, this.config.publicUrl)),
    });
  }

  /** One session as a file, for those who may read its circle. */
  async sessionFile(user: AuthUser, sessionId: string): Promise<IcsFile> {
    const [session] = await loadCalendarSessions(this.dataSource.manager, [sessionId]);
    const refs = session
      ? await loadCircleRefs(this.dataSource.manager, [session.circleId])
      : new Map();
    const ref = session ? refs.get(session.circleId) : undefined;
    if (!session || !ref || !canReadCircle(user, ref)) {
      throw notFound('No such session, or not one of your circles.');
    }
    const body = writeCalendar({
      name: words(user.locale).calendarName,
      now: new Date(),
      events: [toCalendarEvent(session, user.locale, this.config.publicUrl)],
    });
    return { body, fileName: icsFileName(session) };
  }

  private toDto(token: string, createdAt: Date): CalendarFeedDto {
    const url = `${this.config.publicUrl}/api/calendar/${token}.ics`;
    return {
      url,
      webcalUrl: url.replace(/^https?:\/\//, 'webcal://'),
      createdAt: createdAt.toISOString(),
    };
  }
}

function newFeedToken(): string {
  return randomBytes(32).toString('base64url');
}

function feedNotFound() {
  return notFound('No calendar at this address. It may have been reset: copy the new address.');
}

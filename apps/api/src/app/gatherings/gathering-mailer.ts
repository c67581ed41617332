import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_LOCALE, GATHERING_LIMITS, GATHERING_PATHS } from '@blup/contracts';
import { toBuffer } from 'qrcode';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { MailProducer } from '../mail/mail.producer';
import { gatheringIcs } from './gathering-calendar';
import { gatheringById, registrationById, type GatheringRow } from './gatherings.queries';

const QR_CID = 'checkin-qr@blup-akademiet';

/**
 * The mails of gatherings (issue 16): the guest's confirmation link, the place (with the
 * calendar file and the check-in QR code), the waitlist, the move up from it, the reminder and
 * the cancellation. Plain Danish; each says where and when.
 */
@Injectable()
export class GatheringMailer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mail: MailProducer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private base(g: GatheringRow, name: string, withLink: boolean) {
    return {
      name,
      title: g.title,
      startsAt: g.starts_at.toISOString(),
      endsAt: g.ends_at.toISOString(),
      address: g.address,
      url: withLink ? g.url : null,
    };
  }

  private link(path: string): string {
    return `${this.config.publicUrl}${path}`;
  }

  async confirmLink(gatheringId: string, to: { name: string; email: string }, token: string) {
    const g = await gatheringById(this.dataSource.manager, gatheringId);
    if (!g) return;
    await this.mail.send({
      to: to.email,
      template: 'gathering_confirm_link',
      locale: DEFAULT_LOCALE,
      data: {
        ...this.base(g, to.name, false),
        confirmUrl: this.link(GATHERING_PATHS.confirm(token)),
        hours: GATHERING_LIMITS.confirmHours,
      },
    });
  }

  /** A confirmed place (`confirmed`), or one that came from the waitlist (`promoted`). */
  async place(
    registrationId: string,
    cancelToken: string | null,
    template: 'gathering_confirmed' | 'gathering_promoted' | 'gathering_reminder',
  ): Promise<void> {
    const db = this.dataSource.manager;
    const r = await registrationById(db, registrationId);
    const g = r && (await gatheringById(db, r.gathering_id));
    if (!r || !g) return;
    const qr = await toBuffer(this.link(GATHERING_PATHS.checkIn(g.id, r.check_in_code)), {
      type: 'png',
      width: 240,
      margin: 2,
    });
    await this.mail.send({
      to: r.email,
      template,
      locale: DEFAULT_LOCALE,
      data: {
        ...this.base(g, r.name, true),
        places: r.places,
        checkInCode: r.check_in_code,
        cancelUrl: cancelToken ? this.link(GATHERING_PATHS.cancel(cancelToken)) : null,
        pageUrl: r.user_id ? this.link(GATHERING_PATHS.page(g.id)) : null,
        qrCid: QR_CID,
      },
      calendar: { method: 'PUBLISH', filename: 'moede.ics', content: gatheringIcs(g, true) },
      attachments: [
        {
          filename: 'tjek-ind.png',
          contentType: 'image/png',
          content: qr.toString('base64'),
          cid: QR_CID,
        },
      ],
    });
  }

  async waitlisted(registrationId: string, cancelToken: string): Promise<void> {
    const db = this.dataSource.manager;
    const r = await registrationById(db, registrationId);
    const g = r && (await gatheringById(db, r.gathering_id));
    if (!r || !g) return;
    await this.mail.send({
      to: r.email,
      template: 'gathering_waitlisted',
      locale: DEFAULT_LOCALE,
      data: {
        ...this.base(g, r.name, false),
        position: r.waitlist_position ?? 1,
        cancelUrl: this.link(GATHERING_PATHS.cancel(cancelToken)),
      },
    });
  }

  async cancelled(g: GatheringRow, to: { name: string; email: string }[], reason: string | null) {
    for (const person of to) {
      await this.mail.send({
        to: person.email,
        template: 'gathering_cancelled',
        locale: DEFAULT_LOCALE,
        data: { ...this.base(g, person.name, false), reason },
        calendar: {
          method: 'PUBLISH',
          filename: 'aflyst.ics',
          content: gatheringIcs({ ...g, cancelled_at: g.cancelled_at ?? new Date() }, false),
        },
      });
    }
  }
}

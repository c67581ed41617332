import { Pipe, type PipeTransform, inject } from '@angular/core';
import type { SessionSummaryDto } from '@blup/contracts';
import { I18nService } from '@blup/web/core';
import { formatSessionTime } from './session-time';

/**
 * `{{ session | sessionTime }}`: "torsdag 25. marts kl. 19.00–20.30" in the current language.
 * Impure so it follows a language switch.
 */
@Pipe({ name: 'sessionTime', pure: false })
export class SessionTimePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(session: Pick<SessionSummaryDto, 'startsAt' | 'endsAt'> | null | undefined): string {
    return session ? formatSessionTime(session.startsAt, session.endsAt, this.i18n.locale()) : '';
  }
}

import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18nService } from '@blup/web/core';
import { formatSessionTime } from '../sessions/session-time';

/**
 * `{{ gathering | gatheringTime }}`: "lørdag 6. marts kl. 10.00–15.00" in Danish time and the
 * current language. Impure so it follows a language switch.
 */
@Pipe({ name: 'gatheringTime', pure: false })
export class GatheringTimePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(gathering: { startsAt: string; endsAt: string } | null | undefined): string {
    return gathering
      ? formatSessionTime(gathering.startsAt, gathering.endsAt, this.i18n.locale())
      : '';
  }
}

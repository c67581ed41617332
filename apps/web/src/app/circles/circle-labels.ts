import { Pipe, type PipeTransform, inject } from '@angular/core';
import { type AgendaItemKind, CIRCLE_TIME_ZONE, CircleKind, type Phase } from '@blup/contracts';
import { I18nService, type TranslationKey } from '@blup/web/core';

export { materialKindKey, sessionStatusKey } from '../sessions/session-labels';

/** Dictionary keys for the circle enums: `{{ kindKey(circle.kind) | t }}`. */
export const circleKindKey = (kind: CircleKind): TranslationKey => `circles.kinds.${kind}`;
/** The planners' names for agenda parts (the sessions pages word one of them differently). */
export const agendaKindKey = (kind: AgendaItemKind): TranslationKey =>
  `circles.agendaKinds.${kind}`;
export const phaseKey = (phase: Phase): TranslationKey => `courses.phases.${phase}`;

/** A circle's name: its village's, or "the coordinator circle". */
export function circleName(
  circle: { kind: CircleKind; villageName: string | null },
  i18n: I18nService,
): string {
  return circle.kind === CircleKind.Coordinator
    ? i18n.t('circles.coordinatorCircleName')
    : (circle.villageName ?? '');
}

const FORMATS = {
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/**
 * `{{ session.startsAt | circleTime }}`: a session's date and time in Danish time, written the
 * way the current language writes them ("torsdag den 25. marts 2027 kl. 19.00").
 * `'short'` gives "tor. 25. mar. 19.00", for tables and cells.
 */
@Pipe({ name: 'circleTime', pure: false })
export class CircleTimePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(iso: string | null | undefined, style: 'long' | 'short' = 'long'): string {
    if (!iso) return '';
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    const locale = this.i18n.locale() === 'da' ? 'da-DK' : 'en-GB';
    return new Intl.DateTimeFormat(locale, {
      ...FORMATS[style],
      hour: '2-digit',
      minute: '2-digit',
      timeZone: CIRCLE_TIME_ZONE,
    }).format(date);
  }
}

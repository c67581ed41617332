import { Pipe, type PipeTransform, inject } from '@angular/core';
import {
  CIRCLE_TIME_ZONE,
  type NewsletterBlockType,
  type NewsletterStatus,
  type NewsletterTargetDto,
  NewsletterTargetKind,
} from '@blup/contracts';
import { I18nService, type TranslationKey } from '@blup/web/core';

export const newsletterStatusKey = (status: NewsletterStatus): TranslationKey =>
  `newsletters.status.${status}`;
export const blockTypeKey = (type: NewsletterBlockType): TranslationKey =>
  `newsletters.blocks.${type}`;

/** A date and time in Danish time, written the way the current language writes them. */
export function formatWhen(iso: string | null | undefined, i18n: I18nService): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(i18n.locale() === 'da' ? 'da-DK' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: CIRCLE_TIME_ZONE,
  }).format(date);
}

/** `{{ iso | newsletterWhen }}`: "tor. 25. mar. 2027 19.00" in Danish time. */
@Pipe({ name: 'newsletterWhen', pure: false })
export class NewsletterWhenPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(iso: string | null | undefined): string {
    return formatWhen(iso, this.i18n);
  }
}

/** "Til mødet »Studiekreds 3« tor. 25. mar. 19.00 …": who a newsletter goes to, in words. */
export function targetText(target: NewsletterTargetDto, i18n: I18nService): string {
  switch (target.kind) {
    case NewsletterTargetKind.Plan:
      return i18n.t('newsletters.target.plan', {
        title: target.title,
        when: formatWhen(target.startsAt, i18n),
        cohort: target.cohortName,
      });
    case NewsletterTargetKind.Session:
      return i18n.t('newsletters.target.session', {
        title: target.title,
        when: formatWhen(target.startsAt, i18n),
      });
    case NewsletterTargetKind.Cohort:
      return i18n.t('newsletters.target.cohort', { name: target.title });
    case NewsletterTargetKind.Village:
      return i18n.t('newsletters.target.village', { name: target.title });
    default:
      return i18n.t('newsletters.target.course', { name: target.title });
  }
}

/** `{{ newsletter.target | newsletterTarget }}`. */
@Pipe({ name: 'newsletterTarget', pure: false })
export class NewsletterTargetPipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(target: NewsletterTargetDto | null | undefined): string {
    return target ? targetText(target, this.i18n) : '';
  }
}

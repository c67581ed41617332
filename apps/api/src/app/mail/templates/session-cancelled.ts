import type { Locale } from '@blup/contracts';
import { copenhagenClock, copenhagenLongDate } from '../../common/copenhagen-time';
import type { MailBody } from './layout';

/**
 * A study-circle session is cancelled (reminders/). The mail carries the calendar cancellation
 * (METHOD:CANCEL) so calendar apps take the session out. Times are ISO instants.
 */
export interface SessionCancelledMail {
  name: string;
  title: string;
  /** The village, or "Koordinatorkreds". */
  circleName: string;
  startsAt: string;
  endsAt: string;
  sessionUrl: string;
}

type Copy = (data: SessionCancelledMail) => { subject: string; body: MailBody };

function when(d: SessionCancelledMail, locale: Locale): string {
  const start = new Date(d.startsAt);
  const end = new Date(d.endsAt);
  return locale === 'en'
    ? `${copenhagenLongDate(start, 'en')}, ${copenhagenClock(start, ':')}–${copenhagenClock(end, ':')} (Danish time)`
    : `${copenhagenLongDate(start, 'da')} kl. ${copenhagenClock(start, '.')}–${copenhagenClock(end, '.')}`;
}

export const SESSION_CANCELLED_COPY: Record<Locale, Copy> = {
  da: (d) => ({
    subject: `Aflyst: ${d.title} ${when(d, 'da')}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Mødet i studiekredsen ${d.circleName} ${when(d, 'da')} er aflyst: ${d.title}.`,
        'Åbn den vedhæftede kalenderfil, så forsvinder mødet fra din kalender.',
      ],
      action: { label: 'Se mødesiden', url: d.sessionUrl },
      footer: 'Du får denne mail, fordi du er med i studiekredsen.',
    },
  }),
  en: (d) => ({
    subject: `Cancelled: ${d.title}, ${when(d, 'en')}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `The session of the study circle ${d.circleName} on ${when(d, 'en')} is cancelled: ${d.title}.`,
        'Open the attached calendar file to take the session out of your calendar.',
      ],
      action: { label: 'See the session page', url: d.sessionUrl },
      footer: 'You get this mail because you take part in the study circle.',
    },
  }),
};

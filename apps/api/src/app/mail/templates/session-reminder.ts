import type { Locale } from '@blup/contracts';
import { copenhagenClock, copenhagenLongDate } from '../../common/copenhagen-time';
import type { MailBody } from './layout';

/** The reminder before a study-circle session (reminders/). Times are ISO instants. */
export interface SessionReminderMail {
  name: string;
  title: string;
  /** The village, or "Koordinatorkreds". */
  circleName: string;
  startsAt: string;
  endsAt: string;
  /** The session's link, else its circle's room; null when neither is set yet. */
  joinUrl: string | null;
  sessionUrl: string;
  calendarUrl: string;
}

type Copy = (data: SessionReminderMail) => { subject: string; body: MailBody };

/** "torsdag den 25. marts 2027 kl. 19.00–20.30", in Danish time. */
function when(d: SessionReminderMail, locale: Locale): string {
  const start = new Date(d.startsAt);
  const end = new Date(d.endsAt);
  return locale === 'en'
    ? `${copenhagenLongDate(start, 'en')}, ${copenhagenClock(start, ':')}–${copenhagenClock(end, ':')} (Danish time)`
    : `${copenhagenLongDate(start, 'da')} kl. ${copenhagenClock(start, '.')}–${copenhagenClock(end, '.')}`;
}

export const SESSION_REMINDER_COPY: Record<Locale, Copy> = {
  da: (d) => ({
    subject: `Påmindelse: ${d.title} ${when(d, 'da')}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Studiekredsen ${d.circleName} mødes ${when(d, 'da')}: ${d.title}.`,
        d.joinUrl
          ? 'Tryk på knappen for at deltage, når mødet begynder.'
          : 'Linket til mødet kommer på mødesiden.',
        `Mødeside med dagsorden og materialer: ${d.sessionUrl}`,
        `Føj til kalender: ${d.calendarUrl}`,
      ],
      action: d.joinUrl
        ? { label: 'Deltag i mødet', url: d.joinUrl }
        : { label: 'Se mødet', url: d.sessionUrl },
      footer: 'Du får denne påmindelse, fordi du er med i studiekredsen.',
    },
  }),
  en: (d) => ({
    subject: `Reminder: ${d.title}, ${when(d, 'en')}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `The study circle ${d.circleName} meets ${when(d, 'en')}: ${d.title}.`,
        d.joinUrl
          ? 'Tap the button to join when the session begins.'
          : 'The meeting link will be on the session page.',
        `Session page with agenda and materials: ${d.sessionUrl}`,
        `Add to calendar: ${d.calendarUrl}`,
      ],
      action: d.joinUrl
        ? { label: 'Join the session', url: d.joinUrl }
        : { label: 'See the session', url: d.sessionUrl },
      footer: 'You get this reminder because you take part in the study circle.',
    },
  }),
};

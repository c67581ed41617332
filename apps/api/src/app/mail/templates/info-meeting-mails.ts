import type { Locale } from '@blup/contracts';
import { copenhagenClock, copenhagenLongDate } from '../../common/copenhagen-time';
import type { MailBody } from './layout';

type Copy<D> = (data: D) => { subject: string; body: MailBody };

/** Sign-up confirmation and the reminder 24 hours before (issue 6). Times are ISO instants. */
export interface InfoMeetingMail {
  name: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** The meeting link. */
  url: string;
  /** The page that cancels the sign-up; null in the reminder (only the hash is kept, so the confirmation's link is the one). */
  cancelUrl: string | null;
}

/** The secretariat cancelled the meeting. */
export interface InfoMeetingCancelledMail {
  name: string;
  title: string;
  startsAt: string;
  /** Where to pick another meeting. */
  meetingsUrl: string;
}

function when(startsAt: string, endsAt: string | null, locale: Locale): string {
  const start = new Date(startsAt);
  const end = endsAt ? new Date(endsAt) : null;
  return locale === 'en'
    ? `${copenhagenLongDate(start, 'en')}, ${copenhagenClock(start, ':')}${end ? `–${copenhagenClock(end, ':')}` : ''} (Danish time)`
    : `${copenhagenLongDate(start, 'da')} kl. ${copenhagenClock(start, '.')}${end ? `–${copenhagenClock(end, '.')}` : ''}`;
}

const cancelDa = (url: string | null): string =>
  url
    ? `Kan du alligevel ikke? Afmeld dig her: ${url}`
    : 'Kan du alligevel ikke? Brug linket til at afmelde dig i mailen, der bekræftede din tilmelding.';
const cancelEn = (url: string | null): string =>
  url
    ? `Cannot come after all? Cancel here: ${url}`
    : 'Cannot come after all? Use the cancel link in the mail that confirmed your sign-up.';

export const INFO_MEETING_CONFIRMATION_COPY: Record<Locale, Copy<InfoMeetingMail>> = {
  da: (d) => ({
    subject: `Du er tilmeldt: ${d.title}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Du er tilmeldt informationsmødet »${d.title}« ${when(d.startsAt, d.endsAt, 'da')}.`,
        'Mødet er online. Tryk på knappen, når mødet begynder. Vi sender en påmindelse dagen før.',
        cancelDa(d.cancelUrl),
      ],
      action: { label: 'Gå til mødet', url: d.url },
      footer: 'Du får denne mail, fordi du har tilmeldt dig informationsmødet.',
    },
  }),
  en: (d) => ({
    subject: `You are signed up: ${d.title}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `You are signed up for the info meeting "${d.title}", ${when(d.startsAt, d.endsAt, 'en')}.`,
        'The meeting is online. Tap the button when it begins. We send a reminder the day before.',
        cancelEn(d.cancelUrl),
      ],
      action: { label: 'Go to the meeting', url: d.url },
      footer: 'You get this mail because you signed up for the info meeting.',
    },
  }),
};

export const INFO_MEETING_REMINDER_COPY: Record<Locale, Copy<InfoMeetingMail>> = {
  da: (d) => ({
    subject: `Påmindelse: ${d.title} ${when(d.startsAt, d.endsAt, 'da')}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `I morgen er der informationsmøde: »${d.title}« ${when(d.startsAt, d.endsAt, 'da')}.`,
        'Tryk på knappen, når mødet begynder.',
        cancelDa(d.cancelUrl),
      ],
      action: { label: 'Gå til mødet', url: d.url },
      footer: 'Du får denne påmindelse, fordi du har tilmeldt dig informationsmødet.',
    },
  }),
  en: (d) => ({
    subject: `Reminder: ${d.title}, ${when(d.startsAt, d.endsAt, 'en')}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `Tomorrow there is an info meeting: "${d.title}", ${when(d.startsAt, d.endsAt, 'en')}.`,
        'Tap the button when the meeting begins.',
        cancelEn(d.cancelUrl),
      ],
      action: { label: 'Go to the meeting', url: d.url },
      footer: 'You get this reminder because you signed up for the info meeting.',
    },
  }),
};

export const INFO_MEETING_CANCELLED_COPY: Record<Locale, Copy<InfoMeetingCancelledMail>> = {
  da: (d) => ({
    subject: `Aflyst: ${d.title}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Informationsmødet »${d.title}« ${when(d.startsAt, null, 'da')} er desværre aflyst.`,
        'Du kan tilmelde dig et andet møde.',
      ],
      action: { label: 'Se andre møder', url: d.meetingsUrl },
    },
  }),
  en: (d) => ({
    subject: `Cancelled: ${d.title}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `Unfortunately the info meeting "${d.title}", ${when(d.startsAt, null, 'en')}, has been cancelled.`,
        'You can sign up for another meeting.',
      ],
      action: { label: 'See other meetings', url: d.meetingsUrl },
    },
  }),
};

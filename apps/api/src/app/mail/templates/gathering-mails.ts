import type { Locale } from '@blup/contracts';
import { copenhagenClock, copenhagenLongDate } from '../../common/copenhagen-time';
import type { MailBody } from './layout';

type Copy<D> = (data: D) => { subject: string; body: MailBody };

/** What every gathering mail says about the gathering (issue 16). Times are ISO instants. */
export interface GatheringMailBase {
  name: string;
  title: string;
  startsAt: string;
  endsAt: string;
  /** The address (in person, hybrid). */
  address: string | null;
  /** The meeting link (online, hybrid), only to people with a place. */
  url: string | null;
}

/** A guest's first mail: confirm with the link (the place is held once confirmed). */
export interface GatheringConfirmLinkMail extends GatheringMailBase {
  confirmUrl: string;
  hours: number;
}

/** Confirmed, promoted from the waitlist, or the reminder. */
export interface GatheringPlaceMail extends GatheringMailBase {
  places: number;
  checkInCode: string;
  /** The cancel link; null in the reminder (the confirmation's link is the one). */
  cancelUrl: string | null;
  /** The gathering's page for signed-in people, else null. */
  pageUrl: string | null;
  /** The content id of the inline QR code picture, when attached. */
  qrCid: string | null;
}

export interface GatheringWaitlistMail extends GatheringMailBase {
  position: number;
  cancelUrl: string;
}

export interface GatheringCancelledMail extends GatheringMailBase {
  reason: string | null;
}

function when(startsAt: string, endsAt: string, locale: Locale): string {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  return locale === 'en'
    ? `${copenhagenLongDate(start, 'en')}, ${copenhagenClock(start, ':')}–${copenhagenClock(end, ':')} (Danish time)`
    : `${copenhagenLongDate(start, 'da')} kl. ${copenhagenClock(start, '.')}–${copenhagenClock(end, '.')}`;
}

function whereDa(d: GatheringMailBase): string[] {
  return [
    ...(d.address ? [`Sted: ${d.address}`] : []),
    ...(d.url ? [`Link til mødet: ${d.url}`] : []),
  ];
}

function whereEn(d: GatheringMailBase): string[] {
  return [
    ...(d.address ? [`Place: ${d.address}`] : []),
    ...(d.url ? [`Meeting link: ${d.url}`] : []),
  ];
}

const peopleDa = (n: number): string => (n === 1 ? '1 plads' : `${n} pladser`);
const peopleEn = (n: number): string => (n === 1 ? '1 place' : `${n} places`);

function placeDa(d: GatheringPlaceMail, opening: string): MailBody {
  return {
    paragraphs: [
      `Hej ${d.name}`,
      opening,
      ...whereDa(d),
      `Du har ${peopleDa(d.places)}. Vis QR-koden eller koden ${d.checkInCode}, når du kommer.`,
      d.cancelUrl
        ? `Kan du alligevel ikke? Meld afbud her, så får en anden pladsen: ${d.cancelUrl}`
        : 'Kan du alligevel ikke? Brug afbudslinket i mailen, der bekræftede din plads.',
    ],
    ...(d.qrCid
      ? { image: { cid: d.qrCid, alt: `QR-kode til indtjekning: ${d.checkInCode}` } }
      : {}),
    ...(d.pageUrl ? { action: { label: 'Se mødet', url: d.pageUrl } } : {}),
    footer: 'Kalenderfilen er vedhæftet. Du får denne mail, fordi du er tilmeldt.',
  };
}

function placeEn(d: GatheringPlaceMail, opening: string): MailBody {
  return {
    paragraphs: [
      `Hello ${d.name}`,
      opening,
      ...whereEn(d),
      `You have ${peopleEn(d.places)}. Show the QR code or the code ${d.checkInCode} when you arrive.`,
      d.cancelUrl
        ? `Cannot come after all? Cancel here, so someone else gets the place: ${d.cancelUrl}`
        : 'Cannot come after all? Use the cancel link in the mail that confirmed your place.',
    ],
    ...(d.qrCid ? { image: { cid: d.qrCid, alt: `QR code for check-in: ${d.checkInCode}` } } : {}),
    ...(d.pageUrl ? { action: { label: 'See the gathering', url: d.pageUrl } } : {}),
    footer: 'The calendar file is attached. You get this mail because you are registered.',
  };
}

export const GATHERING_CONFIRM_LINK_COPY: Record<Locale, Copy<GatheringConfirmLinkMail>> = {
  da: (d) => ({
    subject: `Bekræft din tilmelding: ${d.title}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Tak for din tilmelding til »${d.title}« ${when(d.startsAt, d.endsAt, 'da')}.`,
        'Tryk på knappen for at bekræfte. Først når du har bekræftet, har du en plads.',
      ],
      action: { label: 'Bekræft tilmelding', url: d.confirmUrl },
      footer: `Linket virker i ${d.hours} timer. Har du ikke tilmeldt dig, kan du se bort fra mailen.`,
    },
  }),
  en: (d) => ({
    subject: `Confirm your registration: ${d.title}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `Thank you for registering for "${d.title}", ${when(d.startsAt, d.endsAt, 'en')}.`,
        'Tap the button to confirm. You have a place only once you have confirmed.',
      ],
      action: { label: 'Confirm registration', url: d.confirmUrl },
      footer: `The link works for ${d.hours} hours. If you did not register, ignore this mail.`,
    },
  }),
};

export const GATHERING_CONFIRMED_COPY: Record<Locale, Copy<GatheringPlaceMail>> = {
  da: (d) => ({
    subject: `Du har en plads: ${d.title}`,
    body: placeDa(d, `Du er tilmeldt »${d.title}« ${when(d.startsAt, d.endsAt, 'da')}.`),
  }),
  en: (d) => ({
    subject: `You have a place: ${d.title}`,
    body: placeEn(d, `You are registered for "${d.title}", ${when(d.startsAt, d.endsAt, 'en')}.`),
  }),
};

export const GATHERING_PROMOTED_COPY: Record<Locale, Copy<GatheringPlaceMail>> = {
  da: (d) => ({
    subject: `Der er blevet plads til dig: ${d.title}`,
    body: placeDa(
      d,
      `Godt nyt: Der er blevet en plads ledig, og du er nu tilmeldt »${d.title}« ${when(d.startsAt, d.endsAt, 'da')}.`,
    ),
  }),
  en: (d) => ({
    subject: `A place has opened for you: ${d.title}`,
    body: placeEn(
      d,
      `Good news: a place has opened, and you are now registered for "${d.title}", ${when(d.startsAt, d.endsAt, 'en')}.`,
    ),
  }),
};

export const GATHERING_REMINDER_COPY: Record<Locale, Copy<GatheringPlaceMail>> = {
  da: (d) => ({
    subject: `Påmindelse: ${d.title} ${when(d.startsAt, d.endsAt, 'da')}`,
    body: placeDa(
      d,
      `Vi glæder os til at se dig til »${d.title}« ${when(d.startsAt, d.endsAt, 'da')}.`,
    ),
  }),
  en: (d) => ({
    subject: `Reminder: ${d.title}, ${when(d.startsAt, d.endsAt, 'en')}`,
    body: placeEn(
      d,
      `We look forward to seeing you at "${d.title}", ${when(d.startsAt, d.endsAt, 'en')}.`,
    ),
  }),
};

export const GATHERING_WAITLISTED_COPY: Record<Locale, Copy<GatheringWaitlistMail>> = {
  da: (d) => ({
    subject: `Du er på ventelisten: ${d.title}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `»${d.title}« ${when(d.startsAt, d.endsAt, 'da')} er fuldt booket. Du er nummer ${d.position} på ventelisten.`,
        'Bliver der en plads ledig, rykker du op af dig selv, og vi sender dig en mail.',
        `Vil du ikke stå på ventelisten? Afmeld her: ${d.cancelUrl}`,
      ],
    },
  }),
  en: (d) => ({
    subject: `You are on the waitlist: ${d.title}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `"${d.title}", ${when(d.startsAt, d.endsAt, 'en')}, is full. You are number ${d.position} on the waitlist.`,
        'If a place opens, you move up by yourself and we send you a mail.',
        `Do not want to wait? Cancel here: ${d.cancelUrl}`,
      ],
    },
  }),
};

export const GATHERING_CANCELLED_COPY: Record<Locale, Copy<GatheringCancelledMail>> = {
  da: (d) => ({
    subject: `Aflyst: ${d.title}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `»${d.title}« ${when(d.startsAt, d.endsAt, 'da')} er aflyst. Din tilmelding er slettet.`,
        ...(d.reason ? [`Besked fra arrangøren: ${d.reason}`] : []),
        'Vi beklager.',
      ],
    },
  }),
  en: (d) => ({
    subject: `Cancelled: ${d.title}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `"${d.title}", ${when(d.startsAt, d.endsAt, 'en')}, is cancelled. Your registration is removed.`,
        ...(d.reason ? [`Message from the organiser: ${d.reason}`] : []),
        'We are sorry.',
      ],
    },
  }),
};

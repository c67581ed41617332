import type { Locale } from '@blup/contracts';
import type { MailBody } from './layout';

/**
 * A copy of someone's data is ready (issue 17): to whoever asked for it, so nobody has to keep
 * the page open while it is built. The mail carries no download link (a mailbox is not a safe
 * place for one); `url` is the page where the signed-in asker downloads it: their profile for
 * their own copy, the personal-data page when the secretariat asked for `about`.
 */
export interface ExportReadyMail {
  name: string;
  /** Whose data, when the asker asked for someone else's (name or email); null for their own. */
  about: string | null;
  /** Until when it can be downloaded, in words ("9. december 2026 kl. 14.30"), in the mail's language. */
  until: string;
  url: string;
}

type Copy = (data: ExportReadyMail) => { subject: string; body: MailBody };

export const EXPORT_READY_COPY: Record<Locale, Copy> = {
  da: (d) => ({
    subject: d.about
      ? `Kopien af oplysningerne om ${d.about} er klar`
      : 'Din kopi af dine oplysninger er klar',
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        d.about
          ? `Kopien af det, BLUP Akademiet har gemt om ${d.about}, er klar. Hent den under Persondata, når du er logget ind.`
          : 'Kopien af det, BLUP Akademiet har gemt om dig, er klar. Hent den på din profil, når du er logget ind.',
        `Den kan hentes indtil ${d.until}. Derefter bliver den slettet, og du kan bede om en ny.`,
      ],
      action: { label: 'Hent kopien', url: d.url },
    },
  }),
  en: (d) => ({
    subject: d.about ? `The copy of ${d.about}’s data is ready` : 'Your copy of your data is ready',
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        d.about
          ? `The copy of what BLUP Akademiet keeps about ${d.about} is ready. Download it under Personal data once you are signed in.`
          : 'The copy of what BLUP Akademiet keeps about you is ready. Download it on your profile once you are signed in.',
        `It can be downloaded until ${d.until}. Then it is deleted, and you can ask for a new one.`,
      ],
      action: { label: 'Get the copy', url: d.url },
    },
  }),
};

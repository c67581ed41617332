import type { Locale } from '@blup/contracts';
import type { MailBody } from './layout';

/** A place came free: the person (or the village's steering group) moved up from the waitlist. */
export interface EnrolmentPromotedMail {
  name: string;
  offeringName: string;
  /** The place waits for the secretariat's approval. */
  pending: boolean;
  url: string;
}

type Copy = (data: EnrolmentPromotedMail) => { subject: string; body: MailBody };

export const ENROLMENT_PROMOTED_COPY: Record<Locale, Copy> = {
  da: (d) => ({
    subject: `Der er blevet plads til dig på »${d.offeringName}«`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Der er blevet en plads ledig på »${d.offeringName}«, og I var de næste på ventelisten.`,
        d.pending
          ? 'Pladsen er holdt til jer, til sekretariatet har godkendt tilmeldingen.'
          : 'I er nu tilmeldt og kan gå i gang.',
      ],
      action: { label: 'Se mine tilmeldinger', url: d.url },
      footer: 'Kan I alligevel ikke, så afmeld jer, så pladsen går videre til den næste.',
    },
  }),
  en: (d) => ({
    subject: `A place came free for you on “${d.offeringName}”`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `A place came free on “${d.offeringName}”, and you were next on the waitlist.`,
        d.pending
          ? 'The place is held for you until the secretariat approves the enrolment.'
          : 'You are now enrolled and can start.',
      ],
      action: { label: 'See my enrolments', url: d.url },
      footer: 'If you cannot take part after all, cancel so the place goes to the next in line.',
    },
  }),
};

import type { Locale } from '@blup/contracts';
import type { MailBody } from './layout';

/**
 * A village is enrolled in a mini-BLUP: what it has now (the module online) and what it does
 * not have yet (the evenings, which the secretariat agrees with the village afterwards).
 */
export interface MiniBlupEnrolledMail {
  name: string;
  villageName: string;
  offeringName: string;
  url: string;
}

type Copy = (data: MiniBlupEnrolledMail) => { subject: string; body: MailBody };

export const MINI_BLUP_ENROLLED_COPY: Record<Locale, Copy> = {
  da: (d) => ({
    subject: `${d.villageName} er tilmeldt »${d.offeringName}«`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `${d.villageName} er nu tilmeldt »${d.offeringName}«. Modulets videoer, tekster og skabeloner i BLUP Akademiet er åbent for jer nu.`,
        'Forløbets aftener er ikke lagt i kalenderen endnu. Sekretariatet kontakter jer inden for en uge for at aftale datoer, sted og mødelink med jer.',
      ],
      action: { label: 'Se mine tilmeldinger', url: d.url },
      footer: 'Kan I alligevel ikke, så afmeld jer, så pladsen går videre til den næste.',
    },
  }),
  en: (d) => ({
    subject: `${d.villageName} is enrolled in “${d.offeringName}”`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `${d.villageName} is now enrolled in “${d.offeringName}”. The module’s videos, texts and templates in BLUP Akademiet are open to you now.`,
        'The evenings of the course are not in the calendar yet. The secretariat will contact you within a week to agree dates, place and meeting link with you.',
      ],
      action: { label: 'See my enrolments', url: d.url },
      footer: 'If you cannot take part after all, cancel so the place goes to the next in line.',
    },
  }),
};

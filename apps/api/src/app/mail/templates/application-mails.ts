import type { Locale } from '@blup/contracts';
import type { MailBody } from './layout';

type Copy<D> = (data: D) => { subject: string; body: MailBody };

/** To the applicant: the application has arrived (issue 6). */
export interface ApplicationReceivedMail {
  name: string;
  villageName: string;
  offeringName: string;
}

/** To the municipality's contact person when the secretariat approves (issue 6). */
export interface ApplicationApprovedMail {
  contactName: string;
  villageName: string;
  municipalityName: string;
  offeringName: string;
  /** ISO date or null. */
  startsOn: string | null;
  priceDkk: number;
  /** The coordination group invited. */
  people: string[];
}

/** To the applicant when the secretariat rejects (issue 6). */
export interface ApplicationRejectedMail {
  name: string;
  villageName: string;
  offeringName: string;
  note: string;
}

const dkk = (amount: number, locale: Locale): string =>
  `${amount.toLocaleString(locale === 'en' ? 'en-GB' : 'da-DK')} kr.`;

export const APPLICATION_RECEIVED_COPY: Record<Locale, Copy<ApplicationReceivedMail>> = {
  da: (d) => ({
    subject: `Vi har modtaget ansøgningen fra ${d.villageName}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Tak for ansøgningen om et BLUP-forløb for ${d.villageName} på holdet ${d.offeringName}.`,
        'Sekretariatet læser den og vender tilbage, når den er behandlet.',
      ],
      footer: 'Du får denne mail, fordi du har sendt ansøgningen.',
    },
  }),
  en: (d) => ({
    subject: `We have received the application from ${d.villageName}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `Thank you for applying for a BLUP process for ${d.villageName} in the cohort ${d.offeringName}.`,
        'The secretariat will read it and get back to you once it has been decided.',
      ],
      footer: 'You get this mail because you sent the application.',
    },
  }),
};

export const APPLICATION_APPROVED_COPY: Record<Locale, Copy<ApplicationApprovedMail>> = {
  da: (d) => ({
    subject: `${d.villageName} er optaget på BLUP-holdet ${d.offeringName}`,
    body: {
      paragraphs: [
        `Hej ${d.contactName}`,
        `Sekretariatet har godkendt ansøgningen fra ${d.villageName} i ${d.municipalityName} Kommune. Landsbyen er nu med på holdet ${d.offeringName}${d.startsOn ? `, der begynder ${d.startsOn}` : ''}.`,
        `Prisen er ${dkk(d.priceDkk, 'da')} for landsbyen, som kommunen betaler efter aftalen. Sekretariatet sender fakturaen.`,
        d.people.length
          ? `Koordinationsgruppen er inviteret til BLUP Akademiet: ${d.people.join(', ')}.`
          : 'Koordinationsgruppen bliver inviteret til BLUP Akademiet.',
      ],
      footer: 'Du får denne mail, fordi du er kommunens kontaktperson i ansøgningen.',
    },
  }),
  en: (d) => ({
    subject: `${d.villageName} has a place in the BLUP cohort ${d.offeringName}`,
    body: {
      paragraphs: [
        `Hello ${d.contactName}`,
        `The secretariat has approved the application from ${d.villageName} in ${d.municipalityName} Municipality. The village is now in the cohort ${d.offeringName}${d.startsOn ? `, starting ${d.startsOn}` : ''}.`,
        `The price is ${dkk(d.priceDkk, 'en')} for the village, paid by the municipality under the agreement. The secretariat sends the invoice.`,
        d.people.length
          ? `The coordination group has been invited to BLUP Akademiet: ${d.people.join(', ')}.`
          : 'The coordination group will be invited to BLUP Akademiet.',
      ],
      footer:
        "You get this mail because you are the municipality's contact person in the application.",
    },
  }),
};

export const APPLICATION_REJECTED_COPY: Record<Locale, Copy<ApplicationRejectedMail>> = {
  da: (d) => ({
    subject: `Svar på ansøgningen fra ${d.villageName}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Sekretariatet kan desværre ikke give ${d.villageName} en plads på holdet ${d.offeringName} denne gang.`,
        `Begrundelse: ${d.note}`,
        'Skriv gerne til sekretariatet, hvis I vil søge igen eller har spørgsmål.',
      ],
      footer: 'Du får denne mail, fordi du har sendt ansøgningen.',
    },
  }),
  en: (d) => ({
    subject: `About the application from ${d.villageName}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `Unfortunately the secretariat cannot give ${d.villageName} a place in the cohort ${d.offeringName} this time.`,
        `Reason: ${d.note}`,
        'Do write to the secretariat if you want to apply again or have questions.',
      ],
      footer: 'You get this mail because you sent the application.',
    },
  }),
};

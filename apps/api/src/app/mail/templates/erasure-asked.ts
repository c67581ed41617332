import type { Locale } from '@blup/contracts';
import type { MailBody } from './layout';

/**
 * Erasure asked for (issue 17): to the person, whoever asked (they themselves or the secretariat
 * for them), so an erasure nobody meant is seen in time. Says the day, what goes and what stays,
 * and how to undo it; `url` is the profile for an account, null for somebody without one.
 */
export interface ErasureAskedMail {
  name: string | null;
  /** The day it happens, in words ("21. december 2026"), in the mail's language. */
  day: string;
  url: string | null;
}

type Copy = (data: ErasureAskedMail) => { subject: string; body: MailBody };

export const ERASURE_ASKED_COPY: Record<Locale, Copy> = {
  da: (d) => ({
    subject: `Dine oplysninger slettes den ${d.day}`,
    body: {
      paragraphs: [
        d.name ? `Hej ${d.name}` : 'Hej',
        `Der er bedt om at slette dine oplysninger i BLUP Akademiet. Det sker den ${d.day}.`,
        'Dit navn og din e-mail fjernes alle steder. Landsbyens arbejde, som mål og planer, bliver, men uden dit navn. Tal som fremmøde bliver også, men uden dit navn.',
        d.url
          ? 'Har du ikke selv bedt om det, eller har du fortrudt, så fortryd det på din profil inden da.'
          : 'Har du ikke selv bedt om det, så svar sekretariatet inden da.',
      ],
      ...(d.url ? { action: { label: 'Gå til min profil', url: d.url } } : {}),
    },
  }),
  en: (d) => ({
    subject: `Your data will be erased on ${d.day}`,
    body: {
      paragraphs: [
        d.name ? `Hello ${d.name}` : 'Hello',
        `Someone asked to erase your data in BLUP Akademiet. It happens on ${d.day}.`,
        'Your name and email are removed everywhere. The village’s work, such as goals and plans, stays, but without your name. Numbers such as attendance stay too, without your name.',
        d.url
          ? 'If you did not ask for this, or have changed your mind, undo it on your profile before then.'
          : 'If you did not ask for this, answer the secretariat before then.',
      ],
      ...(d.url ? { action: { label: 'Go to my profile', url: d.url } } : {}),
    },
  }),
};

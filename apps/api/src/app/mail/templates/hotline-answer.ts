import type { Locale } from '@blup/contracts';
import type { MailBody } from './layout';

/** The secretariat answered a hotline question; the asker may reply to the mail. */
export interface HotlineAnswerMail {
  name: string;
  subject: string;
  answer: string;
  url: string;
}

type Copy = (data: HotlineAnswerMail) => { subject: string; body: MailBody };

/** The answer's paragraphs, as written (blank lines part them). */
function paragraphs(answer: string): string[] {
  return answer
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export const HOTLINE_ANSWER_COPY: Record<Locale, Copy> = {
  da: (d) => ({
    subject: `Svar på dit spørgsmål: ${d.subject}`,
    body: {
      paragraphs: [
        `Hej ${d.name}`,
        `Sekretariatet har svaret på dit spørgsmål »${d.subject}«:`,
        ...paragraphs(d.answer),
      ],
      action: { label: 'Se svaret og skriv tilbage', url: d.url },
      footer: 'Du kan også bare svare på denne mail. Dit svar kommer med i samme sag.',
    },
  }),
  en: (d) => ({
    subject: `Answer to your question: ${d.subject}`,
    body: {
      paragraphs: [
        `Hello ${d.name}`,
        `The secretariat has answered your question “${d.subject}”:`,
        ...paragraphs(d.answer),
      ],
      action: { label: 'See the answer and reply', url: d.url },
      footer: 'You can also just reply to this mail. Your reply joins the same request.',
    },
  }),
};

import type { Locale } from '@blup/contracts';
import { counted, type MailBody } from './layout';

/** The double opt-in mail of the citizen panel: one link that confirms the sign-up. */
export interface PanelConfirmMail {
  /** May be empty: the name is optional on the sign-up form. */
  name: string;
  villageName: string;
  url: string;
  days: number;
}

type Copy = (data: PanelConfirmMail) => { subject: string; body: MailBody };

export const PANEL_CONFIRM_COPY: Record<Locale, Copy> = {
  da: (d) => ({
    subject: `Bekræft, at du vil være med i borgerpanelet for ${d.villageName}`,
    body: {
      paragraphs: [
        d.name ? `Hej ${d.name}` : 'Hej',
        `Tak, fordi du vil være med i borgerpanelet for ${d.villageName}.`,
        'Tryk på knappen for at bekræfte. Først da kommer du på listen.',
      ],
      action: { label: 'Bekræft tilmelding', url: d.url },
      footer: `Linket virker i ${counted(d.days, 'da', 'dag', 'dage')} og kun én gang. Har du ikke meldt dig til, skal du ikke gøre noget: så kommer du ikke på listen.`,
    },
  }),
  en: (d) => ({
    subject: `Confirm that you want to join the citizen panel of ${d.villageName}`,
    body: {
      paragraphs: [
        d.name ? `Hello ${d.name}` : 'Hello',
        `Thank you for joining the citizen panel of ${d.villageName}.`,
        'Tap the button to confirm. Only then are you on the list.',
      ],
      action: { label: 'Confirm sign-up', url: d.url },
      footer: `The link works for ${counted(d.days, 'en', 'day', 'days')} and only once. If you did not sign up, do nothing: you will not be put on the list.`,
    },
  }),
};

import type { Locale } from '@blup/contracts';
import { counted, MailBody, renderHtml, renderText } from './layout';
import { SESSION_REMINDER_COPY, type SessionReminderMail } from './session-reminder';
import { SESSION_CANCELLED_COPY, type SessionCancelledMail } from './session-cancelled';
// applications and info meetings (issue 6)
import {
  APPLICATION_APPROVED_COPY,
  APPLICATION_RECEIVED_COPY,
  APPLICATION_REJECTED_COPY,
  type ApplicationApprovedMail,
  type ApplicationReceivedMail,
  type ApplicationRejectedMail,
} from './application-mails';
import {
  INFO_MEETING_CANCELLED_COPY,
  INFO_MEETING_CONFIRMATION_COPY,
  INFO_MEETING_REMINDER_COPY,
  type InfoMeetingCancelledMail,
  type InfoMeetingMail,
} from './info-meeting-mails';
// gatherings (issue 16)
import {
  GATHERING_CANCELLED_COPY,
  GATHERING_CONFIRM_LINK_COPY,
  GATHERING_CONFIRMED_COPY,
  GATHERING_PROMOTED_COPY,
  GATHERING_REMINDER_COPY,
  GATHERING_WAITLISTED_COPY,
  type GatheringCancelledMail,
  type GatheringConfirmLinkMail,
  type GatheringPlaceMail,
  type GatheringWaitlistMail,
} from './gathering-mails';
import { PANEL_CONFIRM_COPY, type PanelConfirmMail } from './panel-confirm';
import { ENROLMENT_PROMOTED_COPY, type EnrolmentPromotedMail } from './enrolment-promoted';
import { MINI_BLUP_ENROLLED_COPY, type MiniBlupEnrolledMail } from './mini-blup-enrolled';
import { HOTLINE_ANSWER_COPY, type HotlineAnswerMail } from './hotline-answer';
import { ERASURE_ASKED_COPY, type ErasureAskedMail } from './erasure-asked';
import { EXPORT_READY_COPY, type ExportReadyMail } from './export-ready';

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Every mail the platform sends, with the data each needs. */
export interface MailTemplates {
  sign_in_link: { name: string; url: string; minutes: number };
  password_reset: { name: string; url: string; minutes: number };
  invitation: { name: string; url: string; invitedBy: string; place: string | null; days: number };
  session_reminder: SessionReminderMail;
  session_cancelled: SessionCancelledMail;
  // citizen panel (issue 5)
  panel_confirm: PanelConfirmMail;
  // enrolment (issue 6)
  enrolment_promoted: EnrolmentPromotedMail;
  mini_blup_enrolled: MiniBlupEnrolledMail;
  // applications and info meetings (issue 6)
  application_received: ApplicationReceivedMail;
  application_approved: ApplicationApprovedMail;
  application_rejected: ApplicationRejectedMail;
  info_meeting_confirmation: InfoMeetingMail;
  info_meeting_reminder: InfoMeetingMail;
  info_meeting_cancelled: InfoMeetingCancelledMail;
  // gatherings (issue 16)
  gathering_confirm_link: GatheringConfirmLinkMail;
  gathering_confirmed: GatheringPlaceMail;
  gathering_promoted: GatheringPlaceMail;
  gathering_reminder: GatheringPlaceMail;
  gathering_waitlisted: GatheringWaitlistMail;
  gathering_cancelled: GatheringCancelledMail;
  // hotline (issue 16)
  hotline_answer: HotlineAnswerMail;
  // personal data (issue 17)
  erasure_asked: ErasureAskedMail;
  export_ready: ExportReadyMail;
}

export type MailTemplate = keyof MailTemplates;

type Copy<D> = (data: D) => { subject: string; body: MailBody };

const COPY: { [T in MailTemplate]: Record<Locale, Copy<MailTemplates[T]>> } = {
  sign_in_link: {
    da: (d) => ({
      subject: 'Dit link til at logge ind på BLUP Akademiet',
      body: {
        paragraphs: [`Hej ${d.name}`, 'Tryk på knappen for at logge ind. Linket virker én gang.'],
        action: { label: 'Log ind', url: d.url },
        footer: `Linket udløber om ${counted(d.minutes, 'da', 'minut', 'minutter')}. Har du ikke bedt om det, kan du se bort fra denne mail.`,
      },
    }),
    en: (d) => ({
      subject: 'Your sign-in link for BLUP Akademiet',
      body: {
        paragraphs: [`Hello ${d.name}`, 'Tap the button to sign in. The link works once.'],
        action: { label: 'Sign in', url: d.url },
        footer: `The link expires in ${counted(d.minutes, 'en', 'minute', 'minutes')}. If you did not ask for it, you can ignore this mail.`,
      },
    }),
  },
  password_reset: {
    da: (d) => ({
      subject: 'Vælg en ny adgangskode til BLUP Akademiet',
      body: {
        paragraphs: [
          `Hej ${d.name}`,
          'Nogen (forhåbentlig dig) har bedt om at nulstille din adgangskode.',
        ],
        action: { label: 'Vælg ny adgangskode', url: d.url },
        footer: `Linket udløber om ${counted(d.minutes, 'da', 'minut', 'minutter')} og virker én gang. Har du ikke bedt om det, skal du ikke gøre noget.`,
      },
    }),
    en: (d) => ({
      subject: 'Choose a new password for BLUP Akademiet',
      body: {
        paragraphs: [`Hello ${d.name}`, 'Someone (hopefully you) asked to reset your password.'],
        action: { label: 'Choose a new password', url: d.url },
        footer: `The link expires in ${counted(d.minutes, 'en', 'minute', 'minutes')} and works once. If you did not ask for it, do nothing.`,
      },
    }),
  },
  invitation: {
    da: (d) => ({
      subject: 'Du er inviteret til BLUP Akademiet',
      body: {
        paragraphs: [
          `Hej ${d.name}`,
          d.place
            ? `${d.invitedBy} har inviteret dig til BLUP Akademiet for ${d.place}.`
            : `${d.invitedBy} har inviteret dig til BLUP Akademiet.`,
          'Tryk på knappen, skriv dit navn og vælg en adgangskode.',
        ],
        action: { label: 'Tag imod invitationen', url: d.url },
        footer: `Invitationen udløber om ${counted(d.days, 'da', 'dag', 'dage')}.`,
      },
    }),
    en: (d) => ({
      subject: 'You are invited to BLUP Akademiet',
      body: {
        paragraphs: [
          `Hello ${d.name}`,
          d.place
            ? `${d.invitedBy} has invited you to BLUP Akademiet for ${d.place}.`
            : `${d.invitedBy} has invited you to BLUP Akademiet.`,
          'Tap the button, enter your name and choose a password.',
        ],
        action: { label: 'Accept the invitation', url: d.url },
        footer: `The invitation expires in ${counted(d.days, 'en', 'day', 'days')}.`,
      },
    }),
  },
  session_reminder: SESSION_REMINDER_COPY,
  session_cancelled: SESSION_CANCELLED_COPY,
  // citizen panel (issue 5)
  panel_confirm: PANEL_CONFIRM_COPY,
  // enrolment (issue 6)
  enrolment_promoted: ENROLMENT_PROMOTED_COPY,
  mini_blup_enrolled: MINI_BLUP_ENROLLED_COPY,
  // applications and info meetings (issue 6)
  application_received: APPLICATION_RECEIVED_COPY,
  application_approved: APPLICATION_APPROVED_COPY,
  application_rejected: APPLICATION_REJECTED_COPY,
  info_meeting_confirmation: INFO_MEETING_CONFIRMATION_COPY,
  info_meeting_reminder: INFO_MEETING_REMINDER_COPY,
  info_meeting_cancelled: INFO_MEETING_CANCELLED_COPY,
  // gatherings (issue 16)
  gathering_confirm_link: GATHERING_CONFIRM_LINK_COPY,
  gathering_confirmed: GATHERING_CONFIRMED_COPY,
  gathering_promoted: GATHERING_PROMOTED_COPY,
  gathering_reminder: GATHERING_REMINDER_COPY,
  gathering_waitlisted: GATHERING_WAITLISTED_COPY,
  gathering_cancelled: GATHERING_CANCELLED_COPY,
  // hotline (issue 16)
  hotline_answer: HOTLINE_ANSWER_COPY,
  // personal data (issue 17)
  erasure_asked: ERASURE_ASKED_COPY,
  export_ready: EXPORT_READY_COPY,
};

export function renderMail<T extends MailTemplate>(
  template: T,
  locale: Locale,
  data: MailTemplates[T],
): RenderedMail {
  const copy = (COPY[template][locale] ?? COPY[template].da) as Copy<MailTemplates[T]>;
  const { subject, body } = copy(data);
  return { subject, text: renderText(subject, body), html: renderHtml(subject, body, locale) };
}

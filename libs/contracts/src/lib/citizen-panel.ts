/** Citizen panel (issue 5): a village mailing list for people without accounts. */
import type { Page, PageQuery } from './common';
import type { Locale } from './roles';

/** Bump when the consent wording changes; every consent record names the version it agreed to. */
export const CONSENT_TEXT_VERSION = '2026-11';

/** What a person agrees to when they join a village's citizen panel ({landsby} = the village). */
export const PANEL_CONSENT_TEXT: Record<Locale, string> = {
  da:
    'Jeg vil gerne være med i borgerpanelet for {landsby}. Jeg får nyhedsbreve, invitationer til ' +
    'høringer og korte spørgeskemaer om landsbyens udvikling på mail. BLUP-sekretariatet og ' +
    'landsbyens styregruppe gemmer min mailadresse og mit navn til det formål og intet andet. ' +
    'Jeg kan melde mig ud når som helst via linket i hver mail.',
  en:
    'I would like to join the citizen panel of {landsby}. I will get newsletters, invitations to ' +
    'hearings and short surveys about the village’s development by email. The BLUP secretariat ' +
    'and the village’s steering group keep my email address and name for that purpose and no ' +
    'other. I can leave at any time through the link in every mail.',
};

/** What an importer attests to (stored with the import, beside the importer's name). */
export const PANEL_IMPORT_ATTESTATION: Record<Locale, string> = {
  da: 'Jeg bekræfter, at alle på listen selv har sagt ja til at være med i borgerpanelet og til at få mails fra det.',
  en: 'I confirm that everyone on the list has agreed to join the citizen panel and to get its mails.',
};

/** How long a confirmation link works. */
export const PANEL_CONFIRM_DAYS = 7;
/** The most rows one CSV import may hold. */
export const PANEL_IMPORT_MAX_ROWS = 10_000;

export type PanelSubscriberStatus = 'pending' | 'subscribed' | 'unsubscribed';
export const PANEL_SUBSCRIBER_STATUSES: readonly PanelSubscriberStatus[] = [
  'pending',
  'subscribed',
  'unsubscribed',
];
export type PanelSubscriberSource = 'signup' | 'import';

/** The public sign-up page's facts: `GET /api/panel/villages/:villageId`. */
export interface PanelVillageDto {
  villageId: string;
  villageName: string;
  municipalityName: string;
  /** The consent text with the village filled in. */
  consentText: Record<Locale, string>;
  consentTextVersion: string;
}

/** `POST /api/panel/villages/:villageId/sign-up`. */
export interface PanelSignUpRequest {
  email: string;
  name?: string;
  /** Must be true: the person ticked the consent box. */
  consent: boolean;
  locale?: Locale;
}

/** The same answer whoever signs up, so the form never reveals who is on a list. */
export interface PanelSignUpResponse {
  status: 'check_mail';
}

/** `POST /api/panel/confirm`. */
export interface PanelConfirmRequest {
  token: string;
}

export interface PanelConfirmResponse {
  villageId: string;
  villageName: string;
  email: string;
  status: PanelSubscriberStatus;
  /** For the "change or leave" link shown after confirming (the newsletters' unsubscribe token). */
  preferencesToken: string;
}

/**
 * `GET /api/panel/preferences?token=` and `POST /api/panel/preferences`. The token is the signed
 * unsubscribe token in every newsletter; it names a panel subscriber or a circle member.
 */
export interface PanelPreferencesDto {
  kind: 'subscriber' | 'user';
  email: string;
  name: string;
  /** The panel's village (subscribers) or the member's village (null for those without one). */
  villageName: string | null;
  subscribed: boolean;
}

export interface PanelPreferencesRequest {
  token: string;
  subscribed: boolean;
}

/** `POST /api/unsubscribe/:token` (RFC 8058 one-click). */
export interface UnsubscribeResponse {
  unsubscribed: true;
}

export interface PanelSubscriberDto {
  id: string;
  email: string;
  name: string;
  status: PanelSubscriberStatus;
  source: PanelSubscriberSource;
  confirmedAt: string | null;
  unsubscribedAt: string | null;
  createdAt: string;
}

export interface PanelSubscribersQuery extends PageQuery {
  status?: PanelSubscriberStatus;
}

export type PanelCounts = Record<PanelSubscriberStatus, number>;

/** One page of a village's panel, with how many are in each state across the whole panel. */
export interface PanelSubscriberPage extends Page<PanelSubscriberDto> {
  villageName: string;
  counts: PanelCounts;
}

/** `POST /api/panel/villages/:villageId/import` as JSON (multipart sends the file as `file`). */
export interface PanelImportRequest {
  csv: string;
  /** Must be true: the importer attests that everyone on the list agreed. */
  attestation: boolean;
  /** The words the importer attested to; PANEL_IMPORT_ATTESTATION when left out. */
  attestationText?: string;
}

export type PanelImportReason =
  'invalid_email' | 'name_too_long' | 'too_many_columns' | 'skipped_unsubscribed';

/** A row that was not added, and why. `row` counts from 1, the header row included. */
export interface PanelImportRowReport {
  row: number;
  value: string;
  reason: PanelImportReason;
}

export interface PanelImportResult {
  id: string;
  /** New subscribers. */
  added: number;
  /** Rows that named someone already on the list or earlier in the file. */
  merged: number;
  /** Rows refused as malformed. */
  invalid: number;
  /** People who left the panel earlier: an import does not bring them back. */
  skipped: number;
  /** Every row not added (invalid and skipped), in file order. */
  report: PanelImportRowReport[];
}

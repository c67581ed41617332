import {
  ErrorCode,
  Role,
  type SessionUser,
  type PanelImportReason,
  type PanelSubscriberSource,
  type PanelSubscriberStatus,
} from '@blup/contracts';
import { ApiError, type TranslationKey } from '@blup/web/core';

/** Dictionary keys for the panel's enums, for `{{ statusKey(s) | t }}`. */
export const panelStatusKey = (status: PanelSubscriberStatus): TranslationKey =>
  `panel.status.${status}`;
export const panelCountKey = (status: PanelSubscriberStatus): TranslationKey =>
  `panel.counts.${status}`;
export const panelSourceKey = (source: PanelSubscriberSource): TranslationKey =>
  `panel.source.${source}`;
export const panelReasonKey = (reason: PanelImportReason): TranslationKey =>
  `panel.reasons.${reason}`;

/** The address people sign up at; the same origin as the app. */
export function joinUrl(origin: string, villageId: string): string {
  return `${origin}/panel/join/${encodeURIComponent(villageId)}`;
}

/** Mirrors the API: the secretariat, the municipality's coordinators, the village's coordination group. */
export function canManagePanel(
  user: SessionUser | null,
  village: { id: string; municipalityId: string },
): boolean {
  switch (user?.role) {
    case Role.Secretariat:
      return true;
    case Role.Coordinator:
      return user.municipalityId === village.municipalityId;
    case Role.SteeringMember:
      return user.coordinationGroup && user.villageId === village.id;
    default:
      return false;
  }
}

/**
 * Whether "erase me" failed because the address is an account's (or the link is): the person
 * signs in and asks under their profile, with the cool-off, instead.
 */
export function isAccountAddress(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.code === ErrorCode.ErasureNotOpen &&
    error.params['state'] === 'account'
  );
}

import {
  ErasureState,
  type ErasureRequestDto,
  type PrivacyExportDto,
  type PrivacySubjectKind,
  PrivacyExportStatus,
} from '@blup/contracts';
import type { ErasureAction, TranslationKey, TranslationParams } from '@blup/web/core';

export function exportStatusKey(status: PrivacyExportStatus): TranslationKey {
  return `privacy.exportStatus.${status}`;
}

export function subjectKindKey(kind: PrivacySubjectKind): TranslationKey {
  return `privacy.subjectKind.${kind}`;
}

export function erasureStateKey(state: ErasureState): TranslationKey {
  return `privacy.erasureState.${state}`;
}

/** A list row's name: the person's, or words for why it is gone. */
export type SubjectText = { text: string } | { key: TranslationKey };

/**
 * Whom a request is about. The name goes when the erasure is done (the person is erased) and
 * when it is undone (the person stays, but the request no longer keeps who asked).
 */
export function erasureSubjectText(
  request: Pick<ErasureRequestDto, 'subjectLabel' | 'state'>,
): SubjectText {
  if (request.subjectLabel !== null) return { text: request.subjectLabel };
  return {
    key: request.state === ErasureState.Done ? 'privacy.erasedSubject' : 'privacy.forgottenSubject',
  };
}

/**
 * Whom an export is about. An expired copy for an address forgets the address; an erased
 * person's copies go with them, so a missing name never means the person was erased.
 */
export function exportSubjectText(item: Pick<PrivacyExportDto, 'subjectLabel'>): SubjectText {
  return item.subjectLabel !== null
    ? { text: item.subjectLabel }
    : { key: 'privacy.forgottenSubject' };
}

/** Queued or running: still worth asking again how far it is. */
export function isExportActive(item: Pick<PrivacyExportDto, 'status'>): boolean {
  return item.status === PrivacyExportStatus.Queued || item.status === PrivacyExportStatus.Running;
}

/** What the person reads about their export as it goes: the live region's text. */
export function exportMessageKey(status: PrivacyExportStatus): TranslationKey {
  switch (status) {
    case PrivacyExportStatus.Queued:
      return 'privacy.exportQueued';
    case PrivacyExportStatus.Running:
      return 'privacy.exportRunning';
    case PrivacyExportStatus.Ready:
      return 'privacy.exportReady';
    case PrivacyExportStatus.Failed:
      return 'privacy.exportFailed';
    case PrivacyExportStatus.Expired:
      return 'privacy.exportExpired';
  }
}

/**
 * Where the person's own erasure stands: nothing open (they may ask), asked and still undoable,
 * or under way (approved, running or stopped part-way: no longer theirs to undo).
 */
export type MyErasureView = 'none' | 'pending' | 'underway';

export function myErasureView(request: Pick<ErasureRequestDto, 'state'> | null): MyErasureView {
  switch (request?.state) {
    case ErasureState.CoolingOff:
      return 'pending';
    case ErasureState.Approved:
    case ErasureState.Running:
    case ErasureState.Failed:
      return 'underway';
    default:
      return 'none';
  }
}

/** The secretariat's buttons for a request in `state` (the API refuses the others). */
export function erasureActions(state: ErasureState): readonly ErasureAction[] {
  switch (state) {
    case ErasureState.CoolingOff:
      return ['approve', 'cancel'];
    case ErasureState.Approved:
      return ['cancel'];
    case ErasureState.Failed:
      return ['retry'];
    default:
      return [];
  }
}

/** An audit event (`requested`, `step:users`, …) in words; unknown events as they are. */
export function auditEventText(event: string): { key: TranslationKey; params: TranslationParams } {
  if (event.startsWith('step:')) {
    return { key: 'privacy.auditStep', params: { name: event.slice('step:'.length) } };
  }
  const known: Readonly<Record<string, TranslationKey>> = {
    requested: 'privacy.auditEvent.requested',
    approved: 'privacy.auditEvent.approved',
    cancelled: 'privacy.auditEvent.cancelled',
    started: 'privacy.auditEvent.started',
    retried: 'privacy.auditEvent.retried',
    'cool-off-ended': 'privacy.auditEvent.coolOffEnded',
    done: 'privacy.auditEvent.done',
    failed: 'privacy.auditEvent.failed',
  };
  return Object.hasOwn(known, event)
    ? { key: known[event], params: {} }
    : { key: 'privacy.auditOther', params: { event } };
}

/** "7. dec. 2026 kl. 12.00" / "7 Dec 2026, 12:00", in Danish time. */
export function dateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(iso));
}

/** "21. december 2026" / "21 December 2026", in Danish time. */
export function longDate(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Copenhagen',
  }).format(new Date(iso));
}

/** "1,2 MB" / "1.2 MB". */
export function fileSize(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const number = new Intl.NumberFormat(locale === 'da' ? 'da-DK' : 'en-GB', {
    maximumFractionDigits: digits,
  }).format(value);
  return `${number} ${units[unit]}`;
}

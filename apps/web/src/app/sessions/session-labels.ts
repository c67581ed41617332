import type {
  AgendaItemKind,
  AttendanceStatus,
  MaterialKind,
  RsvpAnswer,
  SessionStatus,
  SessionSummaryDto,
} from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

/** Dictionary keys for the circle enums, for `{{ rsvpKey(answer) | t }}`. */
export const rsvpKey = (answer: RsvpAnswer): TranslationKey => `sessions.rsvp.${answer}`;
export const sessionStatusKey = (status: SessionStatus): TranslationKey =>
  `sessions.status.${status}`;
export const attendanceKey = (status: AttendanceStatus): TranslationKey =>
  `sessions.attendanceKinds.${status}`;
export const agendaKindKey = (kind: AgendaItemKind): TranslationKey =>
  `sessions.agendaKinds.${kind}`;
export const materialKindKey = (kind: MaterialKind): TranslationKey =>
  `sessions.materialKinds.${kind}`;

/** Which circle a session belongs to, as a key and its params. */
export function circleLabel(session: Pick<SessionSummaryDto, 'villageName'>): {
  key: TranslationKey;
  params: { village: string | null };
} {
  return session.villageName
    ? { key: 'sessions.villageCircle', params: { village: session.villageName } }
    : { key: 'sessions.coordinatorCircle', params: { village: null } };
}

import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';

/**
 * Who may do what with personal data (issue 17):
 * - a person exports their own data and asks for (and undoes) their own erasure;
 * - the secretariat exports anyone's data (a panel member who asked by mail, say), opens erasure
 *   requests for anyone, approves, cancels and re-runs them, and reads the audit log;
 * - nobody else sees another person's exports or erasure requests (they are 404, not 403).
 */
export function canExportFor(actor: Actor, subject: { userId: string | null }): boolean {
  if (actor.role === Role.Secretariat) return true;
  return subject.userId !== null && subject.userId === actor.id;
}

/** Exports and erasures for somebody else, by account or by email; the lists of all of them. */
export function canManagePersonalData(actor: Actor): boolean {
  return actor.role === Role.Secretariat;
}

/** Whether erasing this person would leave the platform without an active secretariat member. */
export function isLastSecretariat(
  subject: { role: Role; disabledAt: Date | null },
  activeSecretariatCount: number,
): boolean {
  return subject.role === Role.Secretariat && !subject.disabledAt && activeSecretariatCount <= 1;
}

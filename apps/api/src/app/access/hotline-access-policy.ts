import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';

/**
 * Who may use the hotline (issue 16, point 2):
 * - a steering member, coordinator or learner asks, and sees and replies to only their own requests;
 * - the secretariat sees every request, answers, changes states, and keeps the FAQ;
 * - published FAQ entries are for every signed-in person; drafts only for the secretariat.
 */
export type HotlineRequestAccess = 'answer' | 'own' | 'hidden';

export interface HotlineRequestRef {
  askerId: string;
}

const ASKERS: readonly Role[] = [Role.SteeringMember, Role.Coordinator, Role.Learner];

export function canAskHotline(actor: Actor): boolean {
  return ASKERS.includes(actor.role);
}

export function hotlineRequestAccess(
  actor: Actor,
  request: HotlineRequestRef,
): HotlineRequestAccess {
  if (actor.role === Role.Secretariat) return 'answer';
  if (request.askerId === actor.id) return 'own';
  return 'hidden';
}

/** The queue, the counts, state changes other than closing one's own, and the yearly stats. */
export function canWorkHotline(actor: Actor): boolean {
  return actor.role === Role.Secretariat;
}

export function canReadHotlineFaq(actor: Actor, faq: { published: boolean }): boolean {
  return faq.published || actor.role === Role.Secretariat;
}

export function canWriteHotlineFaq(actor: Actor): boolean {
  return actor.role === Role.Secretariat;
}

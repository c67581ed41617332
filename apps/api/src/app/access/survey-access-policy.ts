import { Role } from '@blup/contracts';
import { canReadVillage, type Actor } from './access-policy';

/** Who owns a survey, as the rules need it. */
export type SurveyOwnerRef =
  | { kind: 'village'; villageId: string; municipalityId: string }
  | { kind: 'municipality'; municipalityId: string }
  | { kind: 'template' };

/**
 * Who may see and change a questionnaire and its results:
 * - a village's survey: its steering group and the secretariat write it, the coordinators of
 *   the village's municipality read it and its results, nobody else sees it;
 * - a municipality's survey (its copy of the needs analysis): its coordinators and the
 *   secretariat write it; steering members, learners and other municipalities do not see it;
 * - a template: the secretariat writes it; coordinators and steering members read it (to copy
 *   it); learners do not see it.
 */
export type SurveyAccess = 'edit' | 'read' | 'hidden';

export function surveyAccess(actor: Actor, owner: SurveyOwnerRef): SurveyAccess {
  if (actor.role === Role.Secretariat) return 'edit';
  switch (owner.kind) {
    case 'village': {
      const village = { id: owner.villageId, municipalityId: owner.municipalityId };
      if (!canReadVillage(actor, village)) return 'hidden';
      return actor.role === Role.SteeringMember && actor.villageId === owner.villageId
        ? 'edit'
        : 'read';
    }
    case 'municipality':
      return actor.role === Role.Coordinator && actor.municipalityId === owner.municipalityId
        ? 'edit'
        : 'hidden';
    case 'template':
      return actor.role === Role.Coordinator || actor.role === Role.SteeringMember
        ? 'read'
        : 'hidden';
  }
}

/**
 * The needs analysis side by side across municipalities (every copy of a template) is the
 * secretariat's alone: a coordinator sees only their own municipality's copy.
 */
export function canCompareSurveys(actor: Actor): boolean {
  return actor.role === Role.Secretariat;
}

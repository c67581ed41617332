import { LearnerKind, Role } from '@blup/contracts';
import type { VillageRef } from '../access/access-policy';

/** Where a person belongs and what their role-specific flags are: what `users_scope` guards. */
export interface Placement {
  role: Role;
  municipalityId: string | null;
  villageId: string | null;
  coordinationGroup: boolean;
  contactPerson: boolean;
  learnerKind: LearnerKind | null;
}

/** What a request asks to change: left out = keep, `null` = clear. */
export type PlacementChange = Partial<Placement>;

export interface PlacementRefusal {
  field: keyof Placement;
  message: string;
}

/**
 * The placement after a change, or why it cannot be made. Pure, so every rule is unit-tested:
 * - the secretariat belongs nowhere; coordinators and learners to a municipality; steering
 *   members to a village, and to that village's municipality;
 * - flags belong to one role each (coordination group: steering members; contact person:
 *   coordinators; learner kind: learners) and are cleared when the role changes, unless the
 *   request sets them for the new role;
 * - a municipality carries over a role change where the new role has one (a steering member
 *   who becomes a coordinator keeps their municipality).
 *
 * `village` is the village the person would be in afterwards (the requested one, else their
 * current one), as the caller looked it up; null when there is none.
 */
export function nextPlacement(
  current: Placement,
  change: PlacementChange,
  village: VillageRef | null,
): Placement | PlacementRefusal {
  const role = change.role ?? current.role;
  const keepFlags = role === current.role;
  const coordinationGroup = change.coordinationGroup ?? (keepFlags && current.coordinationGroup);
  const contactPerson = change.contactPerson ?? (keepFlags && current.contactPerson);
  const learnerKind =
    change.learnerKind !== undefined ? change.learnerKind : keepFlags ? current.learnerKind : null;

  if (coordinationGroup && role !== Role.SteeringMember) {
    return refuse(
      'coordinationGroup',
      'Only steering-group members can be in a coordination group.',
    );
  }
  if (contactPerson && role !== Role.Coordinator) {
    return refuse(
      'contactPerson',
      'Only municipal coordinators can be a municipality’s contact person.',
    );
  }
  if (learnerKind && role !== Role.Learner) {
    return refuse('learnerKind', 'Only academy learners have a learner kind.');
  }

  const flags = { coordinationGroup, contactPerson, learnerKind };
  switch (role) {
    case Role.Secretariat:
      if (change.municipalityId) {
        return refuse('municipalityId', 'The secretariat does not belong to a municipality.');
      }
      if (change.villageId)
        return refuse('villageId', 'The secretariat does not belong to a village.');
      return { role, municipalityId: null, villageId: null, ...flags };

    case Role.SteeringMember: {
      const villageId = change.villageId !== undefined ? change.villageId : current.villageId;
      if (!villageId) {
        return refuse(
          'villageId',
          'A steering-group member belongs to a village: choose one (villageId).',
        );
      }
      if (!village || village.id !== villageId) {
        return refuse('villageId', 'There is no village with that id.');
      }
      if (change.municipalityId !== undefined && change.municipalityId !== village.municipalityId) {
        return refuse(
          'municipalityId',
          'A steering-group member belongs to their village’s municipality. To move them, choose a village in the other municipality (villageId).',
        );
      }
      return { role, municipalityId: village.municipalityId, villageId, ...flags };
    }

    default: {
      const who = role === Role.Coordinator ? 'A municipal coordinator' : 'An academy learner';
      if (change.villageId) {
        return refuse(
          'villageId',
          `${who} belongs to a municipality, not a village: choose a municipality (municipalityId) instead.`,
        );
      }
      const municipalityId =
        change.municipalityId !== undefined ? change.municipalityId : current.municipalityId;
      if (!municipalityId) {
        return refuse(
          'municipalityId',
          `${who} belongs to a municipality: choose one (municipalityId).`,
        );
      }
      return { role, municipalityId, villageId: null, ...flags };
    }
  }
}

export function isRefusal(result: Placement | PlacementRefusal): result is PlacementRefusal {
  return 'message' in result;
}

function refuse(field: keyof Placement, message: string): PlacementRefusal {
  return { field, message };
}

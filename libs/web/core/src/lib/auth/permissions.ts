import { Role, type SessionUser } from '@blup/contracts';

/** The roles a person may invite; empty when they may not invite at all. Mirrors the API's rules. */
export function invitableRoles(user: SessionUser | null): Role[] {
  switch (user?.role) {
    case Role.Secretariat:
      return [Role.Secretariat, Role.Coordinator, Role.SteeringMember, Role.Learner];
    case Role.Coordinator:
      return [Role.Coordinator, Role.SteeringMember, Role.Learner];
    case Role.SteeringMember:
      return user.coordinationGroup ? [Role.SteeringMember] : [];
    default:
      return [];
  }
}

export function isSecretariat(user: SessionUser | null): boolean {
  return user?.role === Role.Secretariat;
}

/** Everyone signed in but the secretariat asks the secretariat (the hotline, as the API). */
export function canAskHotline(user: SessionUser | null): boolean {
  return !!user && user.role !== Role.Secretariat;
}

/** Secretariat everywhere; a coordinator in their own municipality. */
export function canEditVillage(user: SessionUser | null, municipalityId: string): boolean {
  return (
    isSecretariat(user) ||
    (user?.role === Role.Coordinator && user.municipalityId === municipalityId)
  );
}

/** The village's steering group and the secretariat change its goals (as the API's goalAccess). */
export function canEditGoals(user: SessionUser | null, villageId: string): boolean {
  return (
    isSecretariat(user) || (user?.role === Role.SteeringMember && user.villageId === villageId)
  );
}

/** Who sees a municipality's overview: the secretariat and its own coordinators (as the API). */
export function canSeeMunicipalityOverview(
  user: SessionUser | null,
  municipalityId: string,
): boolean {
  return canEditVillage(user, municipalityId);
}

/**
 * Who may create a gathering (as the API's gathering policy): the secretariat, a coordinator,
 * and a steering member for their own village.
 */
export function canCreateGathering(user: SessionUser | null): boolean {
  return (
    user?.role === Role.Secretariat ||
    user?.role === Role.Coordinator ||
    (user?.role === Role.SteeringMember && user.villageId !== null)
  );
}

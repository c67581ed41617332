import { ErrorCode, Role } from '@blup/contracts';

/**
 * Who may see and change what. Pure functions over the few facts each rule needs, so every
 * service asks the same questions and the matrix can be tested without a database.
 *
 * Steering members carry their village's municipality id too (kept in step by the services),
 * so "same municipality" is one comparison for every role.
 */
export interface Actor {
  id: string;
  role: Role;
  municipalityId: string | null;
  villageId: string | null;
  coordinationGroup: boolean;
}

export interface VillageRef {
  id: string;
  municipalityId: string;
}

export interface PersonRef {
  id: string;
  role: Role;
  municipalityId: string | null;
  villageId: string | null;
}

/** The slice of the organisation a person may list. */
export type Scope =
  | { kind: 'all' }
  | { kind: 'municipality'; municipalityId: string }
  | { kind: 'village'; municipalityId: string; villageId: string }
  | { kind: 'self'; municipalityId: string | null };

export function scopeOf(actor: Actor): Scope {
  switch (actor.role) {
    case Role.Secretariat:
      return { kind: 'all' };
    case Role.Coordinator:
      return actor.municipalityId
        ? { kind: 'municipality', municipalityId: actor.municipalityId }
        : { kind: 'self', municipalityId: null };
    case Role.SteeringMember:
      return actor.villageId && actor.municipalityId
        ? { kind: 'village', municipalityId: actor.municipalityId, villageId: actor.villageId }
        : { kind: 'self', municipalityId: actor.municipalityId };
    default:
      return { kind: 'self', municipalityId: actor.municipalityId };
  }
}

const isSecretariat = (actor: Actor): boolean => actor.role === Role.Secretariat;

/** Everyone may see their own municipality (its name and contact people). */
export function canReadMunicipality(actor: Actor, municipalityId: string): boolean {
  return (
    isSecretariat(actor) ||
    (actor.municipalityId !== null && actor.municipalityId === municipalityId)
  );
}

export function canWriteMunicipality(actor: Actor): boolean {
  return isSecretariat(actor);
}

export function canReadVillage(actor: Actor, village: VillageRef): boolean {
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'municipality':
      return village.municipalityId === scope.municipalityId;
    case 'village':
      return village.id === scope.villageId;
    default:
      return false;
  }
}

export function canCreateVillage(actor: Actor): boolean {
  return isSecretariat(actor);
}

/** The secretariat, and the coordinators of the village's municipality. */
export function canUpdateVillage(actor: Actor, village: VillageRef): boolean {
  return (
    isSecretariat(actor) ||
    (actor.role === Role.Coordinator && actor.municipalityId === village.municipalityId)
  );
}

/** A cohort is visible to whoever may see at least one of its villages. */
export function canReadCohort(actor: Actor, villages: VillageRef[]): boolean {
  return isSecretariat(actor) || villages.some((v) => canReadVillage(actor, v));
}

export function canWriteCohort(actor: Actor): boolean {
  return isSecretariat(actor);
}

export function canReadPerson(actor: Actor, person: PersonRef): boolean {
  if (person.id === actor.id) return true;
  const scope = scopeOf(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'municipality':
      return person.municipalityId === scope.municipalityId;
    case 'village':
      return person.villageId === scope.villageId;
    default:
      return false;
  }
}

/** Changing someone's role, place or status is the secretariat's; everyone edits their own profile elsewhere. */
export function canUpdatePerson(actor: Actor): boolean {
  return isSecretariat(actor);
}

export interface InviteTarget {
  role: Role;
  municipalityId: string | null;
  /** For steering members: the village and its municipality. */
  village: VillageRef | null;
}

/** Why an invitation is refused: the code the client translates and the English words. */
export interface InviteRefusal {
  code: ErrorCode;
  message: string;
}

const refuse = (code: ErrorCode, message: string): InviteRefusal => ({ code, message });

/**
 * The secretariat invites anyone; a coordinator invites coordinators, learners and steering
 * members within their municipality; a coordination-group member invites steering members of
 * their own village. Returns the reason when the answer is no.
 */
export function inviteRefusal(actor: Actor, target: InviteTarget): InviteRefusal | null {
  if (isSecretariat(actor)) return null;
  if (actor.role === Role.Coordinator) {
    if (target.role === Role.Secretariat)
      return refuse(
        ErrorCode.InviteRoleNotAllowed,
        'Only the secretariat can invite people to the secretariat.',
      );
    const municipalityId = target.village?.municipalityId ?? target.municipalityId;
    return municipalityId === actor.municipalityId
      ? null
      : refuse(
          ErrorCode.InviteOutsideMunicipality,
          'You can only invite people within your own municipality.',
        );
  }
  if (actor.role === Role.SteeringMember && actor.coordinationGroup) {
    if (target.role !== Role.SteeringMember)
      return refuse(
        ErrorCode.InviteRoleNotAllowed,
        'You can only invite members of your village’s steering group.',
      );
    return target.village?.id === actor.villageId
      ? null
      : refuse(ErrorCode.InviteOutsideVillage, 'You can only invite people to your own village.');
  }
  return refuse(
    ErrorCode.InviteNotAllowed,
    'Only the secretariat, municipal coordinators and coordination groups can invite people.',
  );
}

/** The slice of a pipeline list or report (applications, enrolments, progress) a person sees. */
export type PipelineScope = Extract<Scope, { kind: 'all' } | { kind: 'municipality' }>;

/**
 * Pipeline lists and reports (applications, enrolments, progress) are the secretariat's (all)
 * and the municipal coordinators' (their municipality's). Null = the person may not see them (a
 * 403).
 */
export function pipelineScope(actor: Actor): PipelineScope | null {
  const scope = scopeOf(actor);
  return scope.kind === 'all' || scope.kind === 'municipality' ? scope : null;
}

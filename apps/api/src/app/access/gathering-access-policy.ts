import { GatheringAudience, Role } from '@blup/contracts';
import type { Actor } from './access-policy';

/**
 * Who may see, organise and register for a gathering (issue 16).
 *
 * A gathering belongs to one place: a village (`villageId`, with its municipality), a cohort
 * (`cohortId`), a municipality's academy (`municipalityId` only), or nobody in particular.
 * - The secretariat sees and organises every gathering.
 * - A coordinator sees their municipality's gatherings (its villages' and its academy's) and the
 *   cohorts their villages are in; they organise their municipality's (not the cohorts').
 * - A steering member sees their village's and their cohort's; they organise their own
 *   village's `steering_group` and `village_panel` gatherings.
 * - A learner sees their municipality's academy gatherings.
 * - Everyone signed in sees `anyone` gatherings.
 * Registering follows the audience: the steering group of the village, anyone who sees a
 * village-panel gathering, the steering members of the cohort, the learners and coordinators of
 * the municipality, or anyone.
 */
export interface GatheringRef {
  audience: GatheringAudience;
  villageId: string | null;
  /** The village's municipality for a village gathering, else the academy's municipality. */
  municipalityId: string | null;
  cohortId: string | null;
  /** The municipalities of the cohort's villages (cohort gatherings). */
  cohortMunicipalityIds: string[];
}

/** The actor with the cohort of their village (steering members), which cohort rules need. */
export type GatheringActor = Actor & { cohortId: string | null };

export type GatheringAccess = 'organise' | 'read' | 'hidden';

function placeVisible(actor: GatheringActor, g: GatheringRef): boolean {
  switch (actor.role) {
    case Role.Secretariat:
      return true;
    case Role.Coordinator:
      return (
        actor.municipalityId !== null &&
        (g.municipalityId === actor.municipalityId ||
          (g.cohortId !== null && g.cohortMunicipalityIds.includes(actor.municipalityId)))
      );
    case Role.SteeringMember:
      return (
        (g.villageId !== null && g.villageId === actor.villageId) ||
        (g.cohortId !== null && g.cohortId === actor.cohortId)
      );
    case Role.Learner:
      return (
        g.villageId === null &&
        g.cohortId === null &&
        g.municipalityId !== null &&
        g.municipalityId === actor.municipalityId
      );
    default:
      return false;
  }
}

export function gatheringAccess(actor: GatheringActor, g: GatheringRef): GatheringAccess {
  if (canOrganiseGathering(actor, g)) return 'organise';
  if (g.audience === GatheringAudience.Anyone || placeVisible(actor, g)) return 'read';
  return 'hidden';
}

/** Whether the actor may create (or change) a gathering placed like `g`. */
export function canOrganiseGathering(actor: GatheringActor, g: GatheringRef): boolean {
  switch (actor.role) {
    case Role.Secretariat:
      return true;
    case Role.Coordinator:
      return (
        actor.municipalityId !== null &&
        g.cohortId === null &&
        g.municipalityId === actor.municipalityId
      );
    case Role.SteeringMember:
      return (
        g.villageId !== null &&
        g.villageId === actor.villageId &&
        (g.audience === GatheringAudience.SteeringGroup ||
          g.audience === GatheringAudience.VillagePanel)
      );
    default:
      return false;
  }
}

/** Whether the signed-in actor belongs to the gathering's audience (may register). */
export function inGatheringAudience(actor: GatheringActor, g: GatheringRef): boolean {
  switch (g.audience) {
    case GatheringAudience.Anyone:
      return true;
    case GatheringAudience.VillagePanel:
      return gatheringAccess(actor, g) !== 'hidden';
    case GatheringAudience.SteeringGroup:
      return (
        actor.role === Role.SteeringMember &&
        g.villageId !== null &&
        actor.villageId === g.villageId
      );
    case GatheringAudience.Cohort:
      return (
        actor.role === Role.SteeringMember && g.cohortId !== null && actor.cohortId === g.cohortId
      );
    case GatheringAudience.MunicipalityAcademy:
      return (
        (actor.role === Role.Learner || actor.role === Role.Coordinator) &&
        g.municipalityId !== null &&
        actor.municipalityId === g.municipalityId
      );
    default:
      return false;
  }
}

/**
 * The SQL twin of the read rule for lists, on the gatherings alias `g`: binds the actor's
 * municipality, village and cohort at the given placeholders (pass null where not set).
 */
export function visibleGatheringsSql(
  actor: GatheringActor,
  p: { municipality: string; village: string; cohort: string },
): string {
  const anyone = `g.audience = 'anyone'`;
  switch (actor.role) {
    case Role.Secretariat:
      return `(TRUE OR ${p.municipality}::uuid IS NULL OR ${p.village}::uuid IS NULL OR ${p.cohort}::uuid IS NULL)`;
    case Role.Coordinator:
      return `(${anyone} OR g.municipality_id = ${p.municipality}::uuid OR (g.cohort_id IS NOT NULL AND EXISTS (
        SELECT 1 FROM villages cv WHERE cv.cohort_id = g.cohort_id AND cv.municipality_id = ${p.municipality}::uuid))
        OR (${p.village}::uuid IS NULL AND ${p.cohort}::uuid IS NULL AND FALSE))`;
    case Role.SteeringMember:
      return `(${anyone} OR g.village_id = ${p.village}::uuid OR g.cohort_id = ${p.cohort}::uuid
        OR (${p.municipality}::uuid IS NULL AND FALSE))`;
    case Role.Learner:
      return `(${anyone} OR (g.village_id IS NULL AND g.cohort_id IS NULL AND g.municipality_id = ${p.municipality}::uuid)
        OR (${p.village}::uuid IS NULL AND ${p.cohort}::uuid IS NULL AND FALSE))`;
    default:
      return `(${anyone} OR (${p.municipality}::uuid IS NULL AND ${p.village}::uuid IS NULL AND ${p.cohort}::uuid IS NULL AND FALSE))`;
  }
}

/** The four kinds of people BLUP serves. One role per account. */
export enum Role {
  /** The BLUP secretariat (facilitators): may do everything. */
  Secretariat = 'secretariat',
  /** A municipal contact person / rural-district coordinator: their municipality. */
  Coordinator = 'coordinator',
  /** A member of a village steering group: their village. */
  SteeringMember = 'steering_member',
  /** A BLUP Akademiet learner tied to a municipality. */
  Learner = 'learner',
}

export const ROLES: readonly Role[] = /* @__PURE__ */ Object.values(Role);

/** What kind of academy learner someone is. */
export enum LearnerKind {
  LocalCouncil = 'local_council',
  MunicipalStaff = 'municipal_staff',
  Politician = 'politician',
}

export const LEARNER_KINDS: readonly LearnerKind[] = /* @__PURE__ */ Object.values(LearnerKind);

export type Locale = 'da' | 'en';
export const LOCALES: readonly Locale[] = ['da', 'en'];
export const DEFAULT_LOCALE: Locale = 'da';

/** The kick-off and the four course modules of a BLUP process. */
export enum Phase {
  KickOff = 'kickoff',
  Mobilisation = 'mobilisation',
  Mapping = 'mapping',
  Facilitation = 'facilitation',
  Organisation = 'organisation',
}

export const PHASES: readonly Phase[] = /* @__PURE__ */ Object.values(Phase);

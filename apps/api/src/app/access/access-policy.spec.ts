import { ErrorCode, Role } from '@blup/contracts';
import {
  Actor,
  canCreateVillage,
  canReadCohort,
  canReadMunicipality,
  canReadPerson,
  canReadVillage,
  canUpdatePerson,
  canUpdateVillage,
  canWriteMunicipality,
  inviteRefusal,
  pipelineScope,
  scopeOf,
} from './access-policy';

const NAESTVED = 'm-naestved';
const SONDERBORG = 'm-sonderborg';
const glumso = { id: 'v-glumso', municipalityId: NAESTVED };
const tybjerg = { id: 'v-tybjerg', municipalityId: NAESTVED };
const broager = { id: 'v-broager', municipalityId: SONDERBORG };

const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  id: `u-${role}`,
  role,
  municipalityId: null,
  villageId: null,
  coordinationGroup: false,
  ...extra,
});
const secretariat = actor(Role.Secretariat);
const coordinator = actor(Role.Coordinator, { municipalityId: NAESTVED });
const member = actor(Role.SteeringMember, { municipalityId: NAESTVED, villageId: glumso.id });
const leader = actor(Role.SteeringMember, {
  municipalityId: NAESTVED,
  villageId: glumso.id,
  coordinationGroup: true,
});
const learner = actor(Role.Learner, { municipalityId: NAESTVED });

describe('access policy', () => {
  it('scopes each role', () => {
    expect(scopeOf(secretariat)).toEqual({ kind: 'all' });
    expect(scopeOf(coordinator)).toEqual({ kind: 'municipality', municipalityId: NAESTVED });
    expect(scopeOf(member)).toEqual({
      kind: 'village',
      municipalityId: NAESTVED,
      villageId: glumso.id,
    });
    expect(scopeOf(learner)).toEqual({ kind: 'self', municipalityId: NAESTVED });
  });

  it.each([
    ['secretariat', secretariat, [true, true, true]],
    ['coordinator', coordinator, [true, true, false]],
    ['steering member', member, [true, false, false]],
    ['learner', learner, [false, false, false]],
  ] as const)(
    '%s reads villages: own, same municipality, other municipality',
    (_, who, expected) => {
      expect([
        canReadVillage(who, glumso),
        canReadVillage(who, tybjerg),
        canReadVillage(who, broager),
      ]).toEqual(expected);
    },
  );

  it.each([
    ['the secretariat', secretariat, { kind: 'all' }],
    ['a coordinator', coordinator, { kind: 'municipality', municipalityId: NAESTVED }],
    ['a coordinator without a municipality', actor(Role.Coordinator), null],
    ['a steering member', member, null],
    ['a coordination-group member', leader, null],
    ['a learner', learner, null],
  ])('gives %s this slice of the pipeline lists: %o', (_, who, expected) => {
    expect(pipelineScope(who)).toEqual(expected);
  });

  it('lets only the secretariat and the own coordinator change a village', () => {
    expect(canUpdateVillage(secretariat, broager)).toBe(true);
    expect(canUpdateVillage(coordinator, glumso)).toBe(true);
    expect(canUpdateVillage(coordinator, broager)).toBe(false);
    expect(canUpdateVillage(leader, glumso)).toBe(false);
    expect(canCreateVillage(coordinator)).toBe(false);
    expect(canCreateVillage(secretariat)).toBe(true);
  });

  it('shows each their own municipality only', () => {
    for (const who of [coordinator, member, learner]) {
      expect(canReadMunicipality(who, NAESTVED)).toBe(true);
      expect(canReadMunicipality(who, SONDERBORG)).toBe(false);
    }
    expect(canWriteMunicipality(coordinator)).toBe(false);
  });

  it('shows a cohort to whoever sees one of its villages', () => {
    expect(canReadCohort(member, [broager, glumso])).toBe(true);
    expect(canReadCohort(member, [broager, tybjerg])).toBe(false);
    expect(canReadCohort(coordinator, [tybjerg])).toBe(true);
  });

  it('shows people within scope and always oneself', () => {
    const neighbour = {
      id: 'p1',
      role: Role.SteeringMember,
      municipalityId: NAESTVED,
      villageId: tybjerg.id,
    };
    const southern = {
      id: 'p2',
      role: Role.SteeringMember,
      municipalityId: SONDERBORG,
      villageId: broager.id,
    };
    expect(canReadPerson(coordinator, neighbour)).toBe(true);
    expect(canReadPerson(coordinator, southern)).toBe(false);
    expect(canReadPerson(member, neighbour)).toBe(false);
    expect(canReadPerson(learner, { ...learner })).toBe(true);
    expect(canUpdatePerson(coordinator)).toBe(false);
  });

  it('limits invitations to the inviter’s scope', () => {
    const steering = (village: typeof glumso) => ({
      role: Role.SteeringMember,
      municipalityId: village.municipalityId,
      village,
    });
    expect(
      inviteRefusal(secretariat, { role: Role.Secretariat, municipalityId: null, village: null }),
    ).toBeNull();
    expect(inviteRefusal(coordinator, steering(tybjerg))).toBeNull();
    expect(inviteRefusal(coordinator, steering(broager))).toEqual({
      code: ErrorCode.InviteOutsideMunicipality,
      message: expect.stringMatching(/own municipality/),
    });
    expect(
      inviteRefusal(coordinator, { role: Role.Secretariat, municipalityId: null, village: null }),
    ).toEqual({
      code: ErrorCode.InviteRoleNotAllowed,
      message: expect.stringMatching(/secretariat/),
    });
    expect(inviteRefusal(leader, steering(glumso))).toBeNull();
    expect(inviteRefusal(leader, steering(tybjerg))).toEqual({
      code: ErrorCode.InviteOutsideVillage,
      message: expect.stringMatching(/own village/),
    });
    expect(
      inviteRefusal(leader, { role: Role.Learner, municipalityId: NAESTVED, village: null }),
    ).toEqual({
      code: ErrorCode.InviteRoleNotAllowed,
      message: expect.stringMatching(/steering group/),
    });
    for (const actor of [member, learner]) {
      expect(inviteRefusal(actor, steering(glumso))).toEqual({
        code: ErrorCode.InviteNotAllowed,
        message: expect.stringMatching(/Only the secretariat/),
      });
    }
  });
});

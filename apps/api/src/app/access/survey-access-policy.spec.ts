import { Role } from '@blup/contracts';
import { actor, village, villageWorkMatrix } from '../../../test/village-access-matrix';
import { canCompareSurveys, surveyAccess, type SurveyOwnerRef } from './survey-access-policy';

const ofVillage: SurveyOwnerRef = {
  kind: 'village',
  villageId: village.id,
  municipalityId: village.municipalityId,
};
const ofMunicipality: SurveyOwnerRef = { kind: 'municipality', municipalityId: 'm1' };
const template: SurveyOwnerRef = { kind: 'template' };

describe(surveyAccess.name, () => {
  it.each(villageWorkMatrix)('decides a village’s survey for %s', (_who, sut, expected) => {
    expect(surveyAccess(sut, ofVillage)).toBe(expected);
  });

  it.each([
    ['the secretariat', actor(Role.Secretariat, null), 'edit'],
    ['a coordinator of the municipality', actor(Role.Coordinator, 'm1'), 'edit'],
    ['a coordinator of another municipality', actor(Role.Coordinator, 'm2'), 'hidden'],
    ['a coordinator without a municipality', actor(Role.Coordinator, null), 'hidden'],
    ['a steering member there', actor(Role.SteeringMember, 'm1', 'v1'), 'hidden'],
    ['a learner there', actor(Role.Learner, 'm1'), 'hidden'],
  ] as const)('decides a municipality’s survey for %s', (_who, sut, expected) => {
    expect(surveyAccess(sut, ofMunicipality)).toBe(expected);
  });

  it.each([
    ['the secretariat', actor(Role.Secretariat, null), 'edit'],
    ['a coordinator', actor(Role.Coordinator, 'm1'), 'read'],
    ['a steering member', actor(Role.SteeringMember, 'm1', 'v1'), 'read'],
    ['a learner', actor(Role.Learner, 'm1'), 'hidden'],
  ] as const)('decides a template for %s', (_who, sut, expected) => {
    expect(surveyAccess(sut, template)).toBe(expected);
  });

  it('lets only the secretariat compare the copies of a template', () => {
    expect(canCompareSurveys(actor(Role.Secretariat, null))).toBe(true);
    expect(canCompareSurveys(actor(Role.Coordinator, 'm1'))).toBe(false);
    expect(canCompareSurveys(actor(Role.SteeringMember, 'm1', 'v1'))).toBe(false);
  });
});

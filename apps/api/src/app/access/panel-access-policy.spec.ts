import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';
import { canManagePanel, canSeePanelVillage } from './panel-access-policy';

const village = { id: 'v1', municipalityId: 'm1' };

function actor(overrides: Partial<Actor>): Actor {
  return {
    id: 'a',
    role: Role.SteeringMember,
    municipalityId: 'm1',
    villageId: 'v1',
    coordinationGroup: false,
    ...overrides,
  };
}

describe('canManagePanel', () => {
  it('lets the secretariat manage every panel', () => {
    const sut = actor({ role: Role.Secretariat, municipalityId: null, villageId: null });
    expect(canManagePanel(sut, village)).toBe(true);
  });

  it('lets coordinators manage the panels of their own municipality only', () => {
    expect(canManagePanel(actor({ role: Role.Coordinator, villageId: null }), village)).toBe(true);
    const other = actor({ role: Role.Coordinator, municipalityId: 'm2', villageId: null });
    expect(canManagePanel(other, village)).toBe(false);
    expect(canSeePanelVillage(other, village)).toBe(false);
  });

  it('lets the coordination group manage its own village, not plain steering members', () => {
    expect(canManagePanel(actor({ coordinationGroup: true }), village)).toBe(true);
    expect(canManagePanel(actor({ coordinationGroup: true, villageId: 'v2' }), village)).toBe(
      false,
    );
    const member = actor({});
    expect(canManagePanel(member, village)).toBe(false);
    expect(canSeePanelVillage(member, village)).toBe(true);
  });

  it('never lets learners manage a panel', () => {
    const learner = actor({ role: Role.Learner, villageId: null });
    expect(canManagePanel(learner, village)).toBe(false);
    expect(canSeePanelVillage(learner, village)).toBe(false);
  });
});

import { Role } from '@blup/contracts';
import { actor } from '../../../test/village-access-matrix';
import {
  canAskHotline,
  canReadHotlineFaq,
  canWorkHotline,
  canWriteHotlineFaq,
  hotlineRequestAccess,
} from './hotline-access-policy';

const secretariat = actor(Role.Secretariat, null);
const member = actor(Role.SteeringMember, 'm1', 'v1');
const coordinator = actor(Role.Coordinator, 'm1');
const learner = actor(Role.Learner, 'm1');
const ASKERS = [
  ['a steering member', member],
  ['a coordinator', coordinator],
  ['a learner', learner],
] as const;

describe('hotline access', () => {
  it.each(ASKERS)('lets %s ask, see only their own requests, and read published FAQ', (_, who) => {
    expect(canAskHotline(who)).toBe(true);
    expect(hotlineRequestAccess(who, { askerId: who.id })).toBe('own');
    expect(hotlineRequestAccess(who, { askerId: 'someone else' })).toBe('hidden');
    expect(canWorkHotline(who)).toBe(false);
    expect(canReadHotlineFaq(who, { published: true })).toBe(true);
    expect(canReadHotlineFaq(who, { published: false })).toBe(false);
    expect(canWriteHotlineFaq(who)).toBe(false);
  });

  it('lets the secretariat answer every request and keep the FAQ, not ask', () => {
    expect(canAskHotline(secretariat)).toBe(false);
    expect(hotlineRequestAccess(secretariat, { askerId: 'someone' })).toBe('answer');
    expect(canWorkHotline(secretariat)).toBe(true);
    expect(canReadHotlineFaq(secretariat, { published: false })).toBe(true);
    expect(canWriteHotlineFaq(secretariat)).toBe(true);
  });
});

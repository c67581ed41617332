import { Role } from '@blup/contracts';
import type { Actor } from './access-policy';
import { readableCirclesSql, readableCirclesWhere } from './circle-visibility';

const actor = (role: Role): Actor => ({
  id: '00000000-0000-4000-8000-000000000001',
  role,
  municipalityId: null,
  villageId: null,
  coordinationGroup: false,
});

describe(readableCirclesWhere.name, () => {
  it('lets the secretariat read every circle and everyone else the ones the view names them in', () => {
    expect(readableCirclesWhere(actor(Role.Secretariat)).sql).toBe('TRUE');
    for (const role of [Role.Coordinator, Role.SteeringMember, Role.Learner]) {
      const { sql, params } = readableCirclesWhere(actor(role), 'k');
      expect(sql).toContain('circle_participants cp WHERE cp.circle_id = k.id');
      expect(params.actorId).toBe(actor(role).id);
    }
  });
});

describe(readableCirclesSql.name, () => {
  it('puts the actor’s placeholder in, typed even where the secretariat needs no condition', () => {
    expect(readableCirclesSql(actor(Role.Secretariat), 'c', '$2')).toBe('($2::uuid IS NOT NULL)');
    const member = readableCirclesSql(actor(Role.SteeringMember), 'c', '$2');
    expect(member).toContain('cp.user_id = $2');
    expect(member).not.toContain(':actorId');
  });
});

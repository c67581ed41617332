import { LearnerKind, Role, type HomeResponse } from '@blup/contracts';
import { startTestApp, TestApp } from './harness';
import { signInAs } from './sign-in';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const homeOf = async (user: { id: string }): Promise<HomeResponse> => {
  const res = await (await signInAs(t, user)).get<HomeResponse>('/api/home');
  expect(res.status).toBe(200);
  return res.body;
};

describe('GET /api/home', () => {
  it('gives the secretariat the counts of every list, matching the lists', async () => {
    const me = await t.factory.user({ role: Role.Secretariat });
    const home = await homeOf(me);
    expect(home.user).toMatchObject({
      id: me.id,
      email: me.email,
      role: Role.Secretariat,
      municipalityId: null,
    });
    expect(home.cards.map((c) => [c.kind, c.link])).toEqual([
      ['municipality', '/municipalities'],
      ['village', '/villages'],
      ['cohort', '/cohorts'],
      ['people', '/people'],
    ]);
    const client = await signInAs(t, me);
    for (const [card, path] of [
      [home.cards[0], '/api/municipalities'],
      [home.cards[1], '/api/villages'],
      [home.cards[2], '/api/cohorts'],
      [home.cards[3], '/api/people'],
    ] as const) {
      expect(card.count).toBe((await client.get<{ total: number }>(path)).body.total);
    }
  });

  it('shows a coordinator their municipality and its village count', async () => {
    const m = await t.factory.municipality();
    await t.factory.village(m);
    await t.factory.village(m);
    const me = await t.factory.user({
      role: Role.Coordinator,
      municipality: m,
      contactPerson: true,
    });
    const home = await homeOf(me);
    expect(home.user).toMatchObject({ municipalityId: m.id, municipalityName: m.name });
    expect(home.cards).toEqual([
      {
        kind: 'municipality',
        title: m.name,
        subtitle: 'Din kommune',
        link: `/municipalities/${m.id}`,
      },
      {
        kind: 'village',
        title: `Landsbyer i ${m.name} Kommune`,
        subtitle: '2 landsbyer',
        link: '/villages',
        count: 2,
      },
    ]);
  });

  it('shows a steering member their village, and its cohort when it has one', async () => {
    const m = await t.factory.municipality();
    const village = await t.factory.village(m, 'Glumsø og Omegn');
    const me = await t.factory.user({
      role: Role.SteeringMember,
      village,
      coordinationGroup: true,
    });
    const before = await homeOf(me);
    expect(before.user).toMatchObject({
      villageId: village.id,
      villageName: 'Glumsø og Omegn',
      coordinationGroup: true,
    });
    expect(before.cards.map((c) => c.kind)).toEqual(['village']);

    const cohort = await t.factory.cohort([village]);
    const after = await homeOf(me);
    expect(after.cards[0]).toMatchObject({
      kind: 'village',
      title: 'Glumsø og Omegn',
      link: `/villages/${village.id}`,
    });
    expect(after.cards[1]).toEqual({
      kind: 'cohort',
      title: cohort.name,
      subtitle: 'Dit hold starter 1. februar 2027',
      link: `/cohorts/${cohort.id}`,
    });
  });

  it('welcomes a learner', async () => {
    const me = await t.factory.user({ role: Role.Learner, learnerKind: LearnerKind.Politician });
    const home = await homeOf(me);
    expect(home.user.learnerKind).toBe(LearnerKind.Politician);
    expect(home.cards).toEqual([
      expect.objectContaining({ kind: 'welcome', title: 'Velkommen til BLUP Akademiet' }),
    ]);
  });
});

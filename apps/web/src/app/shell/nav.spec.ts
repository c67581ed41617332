import { Role, type SessionUser } from '@blup/contracts';
import { navFor } from './nav';

describe(navFor.name, () => {
  const user = (overrides: Partial<SessionUser>): SessionUser => ({
    id: 'u',
    email: 'x@example.dk',
    name: 'X',
    role: Role.Learner,
    locale: 'da',
    municipalityId: 'm1',
    municipalityName: 'Næstved',
    villageId: null,
    villageName: null,
    coordinationGroup: false,
    learnerKind: null,
    ...overrides,
  });
  const links = (u: SessionUser) => navFor(u).map((item) => item.link);

  it('gives the secretariat every list', () => {
    expect(links(user({ role: Role.Secretariat, municipalityId: null }))).toEqual([
      '/',
      '/moeder',
      '/sessions',
      '/circles',
      '/newsletters',
      '/enrolment/intake',
      '/courses',
      '/bibliotek',
      '/authoring',
      '/progress',
      '/municipalities',
      '/villages',
      '/cohorts',
      '/people',
      '/hotline',
      '/persondata',
      '/profile',
    ]);
  });

  it('gives a coordinator their own municipality and its lists', () => {
    expect(links(user({ role: Role.Coordinator }))).toEqual([
      '/',
      '/moeder',
      '/sessions',
      '/circles',
      '/newsletters',
      '/enrolment/intake',
      '/courses',
      '/bibliotek',
      '/progress',
      '/municipalities/m1',
      '/villages',
      '/cohorts',
      '/people',
      '/hjaelp',
      '/profile',
    ]);
  });

  it('gives a steering member their sessions, newsletters, enrolment and village, not the circle lists', () => {
    expect(
      links(user({ role: Role.SteeringMember, municipalityId: 'm1', villageId: 'v1' })),
    ).toEqual([
      '/',
      '/moeder',
      '/sessions',
      '/newsletters',
      '/courses',
      '/bibliotek',
      '/enrolment',
      '/villages/v1',
      '/villages/v1/goals',
      '/people',
      '/hjaelp',
      '/profile',
    ]);
  });

  it('gives a learner home, gatherings, courses, enrolment, their municipality and profile', () => {
    expect(links(user({ role: Role.Learner }))).toEqual([
      '/',
      '/moeder',
      '/courses',
      '/bibliotek',
      '/enrolment',
      '/municipalities/m1',
      '/hjaelp',
      '/profile',
    ]);
  });
});

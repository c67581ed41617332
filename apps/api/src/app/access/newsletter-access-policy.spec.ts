import { NewsletterStatus, Role } from '@blup/contracts';
import type { Actor } from './access-policy';
import {
  canReadNewsletter,
  canReadVillageCopy,
  canWriteNewsletters,
  type NewsletterReadRef,
} from './newsletter-access-policy';

const M1 = 'm1';
const M2 = 'm2';
const actor = (role: Role, extra: Partial<Actor> = {}): Actor => ({
  id: 'u',
  role,
  municipalityId: null,
  villageId: null,
  coordinationGroup: false,
  ...extra,
});

const villageNewsletter = (status = NewsletterStatus.Sent): NewsletterReadRef => ({
  status,
  villages: [{ id: 'vA', municipalityId: M1 }],
  coordinatorMunicipalityIds: [],
  courseAccess: false,
});

describe('newsletter access policy', () => {
  it('lets only the secretariat write', () => {
    expect(canWriteNewsletters(actor(Role.Secretariat))).toBe(true);
    for (const role of [Role.Coordinator, Role.SteeringMember, Role.Learner]) {
      expect(canWriteNewsletters(actor(role))).toBe(false);
    }
  });

  it('shows drafts and scheduled ones to the secretariat only', () => {
    for (const status of [
      NewsletterStatus.Draft,
      NewsletterStatus.Scheduled,
      NewsletterStatus.Sending,
    ]) {
      expect(canReadNewsletter(actor(Role.Secretariat), villageNewsletter(status))).toBe(true);
      expect(
        canReadNewsletter(
          actor(Role.SteeringMember, { villageId: 'vA', municipalityId: M1 }),
          villageNewsletter(status),
        ),
      ).toBe(false);
    }
  });

  it("lets steering members read their own village's sent newsletters (partly failed too)", () => {
    const member = actor(Role.SteeringMember, { villageId: 'vA', municipalityId: M1 });
    expect(canReadNewsletter(member, villageNewsletter())).toBe(true);
    expect(canReadNewsletter(member, villageNewsletter(NewsletterStatus.PartlyFailed))).toBe(true);
    expect(
      canReadNewsletter(
        actor(Role.SteeringMember, { villageId: 'vB', municipalityId: M1 }),
        villageNewsletter(),
      ),
    ).toBe(false);
  });

  it("lets coordinators read their municipality's villages' and their coordinator circle's", () => {
    expect(
      canReadNewsletter(actor(Role.Coordinator, { municipalityId: M1 }), villageNewsletter()),
    ).toBe(true);
    expect(
      canReadNewsletter(actor(Role.Coordinator, { municipalityId: M2 }), villageNewsletter()),
    ).toBe(false);
    const coordinatorCircle: NewsletterReadRef = {
      status: NewsletterStatus.Sent,
      villages: [],
      coordinatorMunicipalityIds: [M1, M2],
      courseAccess: false,
    };
    expect(
      canReadNewsletter(actor(Role.Coordinator, { municipalityId: M2 }), coordinatorCircle),
    ).toBe(true);
    expect(
      canReadNewsletter(actor(Role.Coordinator, { municipalityId: 'm3' }), coordinatorCircle),
    ).toBe(false);
    expect(
      canReadNewsletter(
        actor(Role.SteeringMember, { villageId: 'vA', municipalityId: M1 }),
        coordinatorCircle,
      ),
    ).toBe(false);
  });

  it('lets people with access to a course read its newsletters', () => {
    const course: NewsletterReadRef = {
      status: NewsletterStatus.Sent,
      villages: [],
      coordinatorMunicipalityIds: [],
      courseAccess: true,
    };
    expect(canReadNewsletter(actor(Role.Learner, { municipalityId: M1 }), course)).toBe(true);
    expect(
      canReadNewsletter(actor(Role.Learner, { municipalityId: M1 }), {
        ...course,
        courseAccess: false,
      }),
    ).toBe(false);
  });
});

describe(canReadVillageCopy.name, () => {
  const village = { id: 'vA', municipalityId: M1 };
  it.each([
    ['the secretariat', actor(Role.Secretariat), true],
    [
      'a steering member of the village',
      actor(Role.SteeringMember, { villageId: 'vA', municipalityId: M1 }),
      true,
    ],
    [
      'a steering member of another village in the municipality',
      actor(Role.SteeringMember, { villageId: 'vB', municipalityId: M1 }),
      false,
    ],
    [
      'a steering member without a village',
      actor(Role.SteeringMember, { municipalityId: M1 }),
      false,
    ],
    ['a coordinator of its municipality', actor(Role.Coordinator, { municipalityId: M1 }), true],
    [
      'a coordinator of another municipality',
      actor(Role.Coordinator, { municipalityId: M2 }),
      false,
    ],
    ['a coordinator without a municipality', actor(Role.Coordinator), false],
    ['a learner of its municipality', actor(Role.Learner, { municipalityId: M1 }), false],
  ])('%s', (_who, reader, expected) => {
    expect(canReadVillageCopy(reader, village)).toBe(expected);
  });
});

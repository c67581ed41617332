import {
  applicationChecklist,
  FundingStatus,
  RequirementKey,
  RequirementProblem,
  RequirementState,
  type ChecklistInput,
} from '@blup/contracts';
import { checklistOf, unmetRequirements } from './application-checklist';

const complete: ChecklistInput = {
  contactName: 'Karen Kommune',
  contactEmail: 'karen@kommune.dk',
  fundingStatus: FundingStatus.Agreed,
  hasAgreement: false,
  people: [
    { name: 'Anne', email: 'anne@example.dk' },
    { name: 'Bo', email: 'bo@example.dk' },
  ],
  cooperationText: 'Vi har en stærk forening og mange frivillige.',
  cooperationConfirmed: true,
};

const item = (input: ChecklistInput, key: RequirementKey) =>
  applicationChecklist(input).items.find((i) => i.key === key);

describe(applicationChecklist.name, () => {
  it('meets all three with a contact, agreed funding, two people and confirmed cooperation', () => {
    const sut = applicationChecklist(complete);
    expect(sut.allMet).toBe(true);
    expect(sut.items.map((i) => [i.key, i.state])).toEqual([
      [RequirementKey.Municipality, RequirementState.Met],
      [RequirementKey.Locals, RequirementState.Met],
      [RequirementKey.Cooperation, RequirementState.Met],
    ]);
    expect(sut.items.every((i) => i.problems.length === 0)).toBe(true);
  });

  describe('municipality', () => {
    it('is missing while funding is only requested', () => {
      expect(
        item({ ...complete, fundingStatus: FundingStatus.Requested }, RequirementKey.Municipality),
      ).toEqual({
        key: RequirementKey.Municipality,
        state: RequirementState.Missing,
        problems: [RequirementProblem.FundingNotAgreed],
      });
    });

    it('needs the uploaded agreement when funding is signed', () => {
      const signed = { ...complete, fundingStatus: FundingStatus.Signed };
      expect(item(signed, RequirementKey.Municipality)?.problems).toEqual([
        RequirementProblem.AgreementMissing,
      ]);
      expect(item({ ...signed, hasAgreement: true }, RequirementKey.Municipality)?.state).toBe(
        RequirementState.Met,
      );
    });

    it('names a missing contact name and an invalid contact email', () => {
      expect(
        item(
          { ...complete, contactName: '  ', contactEmail: 'karen@' },
          RequirementKey.Municipality,
        )?.problems,
      ).toEqual([RequirementProblem.ContactNameMissing, RequirementProblem.ContactEmailInvalid]);
    });
  });

  describe('locals', () => {
    it('is missing with one person', () => {
      expect(
        item({ ...complete, people: [complete.people[0]] }, RequirementKey.Locals),
      ).toMatchObject({
        state: RequirementState.Missing,
        problems: [RequirementProblem.TooFewPeople],
      });
    });

    it('does not count a person without a valid email or a name', () => {
      const people = [
        complete.people[0],
        { name: 'Bo', email: 'bo' },
        { name: '', email: 'c@d.dk' },
      ];
      expect(item({ ...complete, people }, RequirementKey.Locals)?.problems).toEqual([
        RequirementProblem.TooFewPeople,
      ]);
    });

    it('says when two people share an email (case does not matter)', () => {
      const people = [
        { name: 'Anne', email: 'anne@example.dk' },
        { name: 'Anne igen', email: 'ANNE@example.dk ' },
      ];
      expect(item({ ...complete, people }, RequirementKey.Locals)?.problems).toEqual([
        RequirementProblem.EmailsNotDistinct,
      ]);
    });
  });

  describe('cooperation', () => {
    it('is to be assessed while the secretariat has not confirmed it', () => {
      expect(
        item({ ...complete, cooperationConfirmed: false }, RequirementKey.Cooperation),
      ).toEqual({
        key: RequirementKey.Cooperation,
        state: RequirementState.ToAssess,
        problems: [RequirementProblem.CooperationNotConfirmed],
      });
    });

    it('is missing when empty, and when shorter than 20 characters even if confirmed', () => {
      expect(item({ ...complete, cooperationText: ' ' }, RequirementKey.Cooperation)).toMatchObject(
        {
          state: RequirementState.Missing,
          problems: [RequirementProblem.CooperationTextMissing],
        },
      );
      expect(
        item({ ...complete, cooperationText: 'Vi er gode.' }, RequirementKey.Cooperation),
      ).toMatchObject({
        state: RequirementState.Missing,
        problems: [RequirementProblem.CooperationTextTooShort],
      });
    });

    it('counts characters, not bytes (æøå)', () => {
      expect(
        item({ ...complete, cooperationText: 'æøåæøåæøåæøåæøåæøåæø' }, RequirementKey.Cooperation)
          ?.state,
      ).toBe(RequirementState.Met);
    });
  });

  it('is not all met when any one requirement is not', () => {
    expect(applicationChecklist({ ...complete, cooperationConfirmed: false }).allMet).toBe(false);
  });
});

describe(checklistOf.name, () => {
  it('reads a stored application and names the unmet requirements', () => {
    const sut = checklistOf(
      {
        contactName: 'Karen',
        contactEmail: 'karen@kommune.dk',
        fundingStatus: FundingStatus.Signed,
        agreementKey: null,
        cooperationText: 'Vi har en stærk forening og mange frivillige.',
        cooperationConfirmedAt: null,
      },
      complete.people.map((p) => ({ name: p.name ?? '', email: p.email ?? '' })),
    );
    expect(unmetRequirements(sut)).toEqual([
      RequirementKey.Municipality,
      RequirementKey.Cooperation,
    ]);
  });
});

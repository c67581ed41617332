import type { NextStep } from '@blup/contracts';
import { OTHER_OWNER, stepFields, toNextStep } from './outcome-form';

const names = new Map([['u1', 'Signe Møller Holst']]);

function step(overrides: Partial<NextStep>): NextStep {
  return {
    text: 'Book hallen',
    ownerId: null,
    ownerName: null,
    dueDate: null,
    done: false,
    ...overrides,
  };
}

describe('next steps in the outcome form', () => {
  it('reads and sends the goal or initiative a step points at', () => {
    const fields = stepFields(step({ link: { kind: 'initiative', id: 'i1', title: 'Delebil' } }));
    expect(fields.link).toBe('initiative:i1');
    expect(toNextStep(fields, names).link).toEqual({ kind: 'initiative', id: 'i1' });
    expect(toNextStep({ ...fields, link: 'goal:g1' }, names).link).toEqual({
      kind: 'goal',
      id: 'g1',
    });
    expect(toNextStep({ ...fields, link: '' }, names)).not.toHaveProperty('link');
  });

  it('reads a participant owner, a typed owner and no owner', () => {
    expect(stepFields(step({ ownerId: 'u1', ownerName: 'Signe Møller Holst' }))).toMatchObject({
      owner: 'u1',
      ownerName: '',
    });
    expect(stepFields(step({ ownerName: 'Madgruppen' }))).toMatchObject({
      owner: OTHER_OWNER,
      ownerName: 'Madgruppen',
    });
    expect(stepFields(step({}))).toMatchObject({ owner: '', ownerName: '' });
  });

  it('sends a chosen participant with their name, and a typed name without an id', () => {
    const fields = stepFields(step({ dueDate: '2027-04-01', done: true }));
    expect(toNextStep({ ...fields, owner: 'u1' }, names)).toEqual({
      text: 'Book hallen',
      ownerId: 'u1',
      ownerName: 'Signe Møller Holst',
      dueDate: '2027-04-01',
      done: true,
    });
    expect(
      toNextStep({ ...fields, owner: OTHER_OWNER, ownerName: '  Madgruppen ' }, names),
    ).toMatchObject({ ownerId: null, ownerName: 'Madgruppen' });
  });

  it('sends no owner and no date when none are given', () => {
    const fields = {
      text: ' Ring til kommunen ',
      owner: '',
      ownerName: 'x',
      dueDate: '',
      done: false,
      link: '',
    };
    expect(toNextStep(fields, names)).toEqual({
      text: 'Ring til kommunen',
      ownerId: null,
      ownerName: null,
      dueDate: null,
      done: false,
    });
  });
});

import { Role, ROLES } from '@blup/contracts';
import {
  DEMO_COHORTS,
  DEMO_MUNICIPALITIES,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_SIGN_INS,
  DEMO_VILLAGES,
} from './demo-data';

describe('demo data', () => {
  it('has the six partner municipalities and the five Næstved villages', () => {
    expect(DEMO_MUNICIPALITIES).toHaveLength(6);
    expect(DEMO_VILLAGES.filter((v) => v.municipality === 'Næstved').map((v) => v.name)).toEqual([
      'Tappernøje, Snesere og Everdrup sogne',
      'Glumsø og Omegn',
      'Vestlandet 4700',
      'Lokalområdet 4262',
      'Tybjerg og Omegn',
    ]);
  });

  it('fills the running cohort with ten villages from every municipality', () => {
    const running = DEMO_VILLAGES.filter((v) => v.cohort === 'running');
    expect(running).toHaveLength(10);
    expect(new Set(running.map((v) => v.municipality))).toEqual(new Set(DEMO_MUNICIPALITIES));
    expect(DEMO_COHORTS).toEqual(['earlier', 'running']);
  });

  it('writes a Danish description for every village, unique within its municipality', () => {
    const keys = DEMO_VILLAGES.map((v) => `${v.municipality}/${v.name.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const v of DEMO_VILLAGES) expect(v.description.length).toBeGreaterThan(40);
  });

  it('gives every person a unique lower-case blup.test email and a valid place', () => {
    const emails = DEMO_PEOPLE.map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    const villages = new Set(DEMO_VILLAGES.map((v) => v.name));
    for (const p of DEMO_PEOPLE) {
      expect(p.email).toMatch(/^[a-z0-9.-]+@blup\.test$/);
      if (p.role === Role.SteeringMember) expect(villages.has(p.village ?? '')).toBe(true);
      if (p.role === Role.Coordinator || p.role === Role.Learner)
        expect(p.municipality).toBeDefined();
    }
  });

  it('names a contact person in every municipality and a coordination group of two in Glumsø', () => {
    for (const m of DEMO_MUNICIPALITIES) {
      expect(DEMO_PEOPLE.filter((p) => p.municipality === m && p.contactPerson)).toHaveLength(1);
    }
    expect(
      DEMO_PEOPLE.filter((p) => p.village === 'Glumsø og Omegn' && p.coordinationGroup),
    ).toHaveLength(2);
    expect(DEMO_PEOPLE.filter((p) => p.village === 'Glumsø og Omegn')).toHaveLength(4);
  });

  it('has a village outside any cohort, with a steering member on the sign-in list (mini-BLUP)', () => {
    const outside = DEMO_VILLAGES.filter((v) => v.cohort === null).map((v) => v.name);
    expect(outside).toEqual(['Ferritslev']);
    const member = DEMO_PEOPLE.find((p) => p.village === 'Ferritslev');
    expect(member).toMatchObject({ role: Role.SteeringMember, signIn: expect.any(String) });
    expect(DEMO_SIGN_INS.map((s) => s.email)).toContain(member?.email);
  });

  it('offers a demo sign-in for every role, with a password that is not a common one', () => {
    expect(new Set(DEMO_SIGN_INS.map((s) => s.role))).toEqual(new Set(ROLES));
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(12);
    expect(DEMO_PASSWORD).not.toMatch(/^(password|123456|qwerty|letmein)/i);
  });
});

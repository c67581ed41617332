import type { DemoCohortKey } from './demo-calendar';
import { LearnerKind, Role, type DemoSignIn } from '@blup/contracts';

/**
 * The demo data: the six partner municipalities of BLUP Akademiet and the Næstved villages
 * named in the project's sources, plus a few real small places in the other municipalities.
 * Every person is invented; every email is on the reserved `blup.test` domain.
 */

/** One password for every demo account: long, and on no list of common passwords. */
export const DEMO_PASSWORD = 'landsby-demo-2026';

export const DEMO_MUNICIPALITIES = [
  'Faaborg-Midtfyn',
  'Sønderborg',
  'Kerteminde',
  'Næstved',
  'Nordfyns',
  'Slagelse',
] as const;

export type DemoMunicipality = (typeof DEMO_MUNICIPALITIES)[number];

/**
 * The demo's two cohorts with villages, oldest first: their names and start dates come from
 * the calendar (demo-calendar.ts), relative to the moment of seeding.
 */
export const DEMO_COHORTS: readonly DemoCohortKey[] = ['earlier', 'running'];

export type DemoCohort = DemoCohortKey;

export interface DemoVillage {
  name: string;
  municipality: DemoMunicipality;
  description: string;
  cohort: DemoCohort | null;
}

export const DEMO_VILLAGES: readonly DemoVillage[] = [
  {
    name: 'Tappernøje, Snesere og Everdrup sogne',
    municipality: 'Næstved',
    description:
      'Tre sogne syd for Næstved, samlet i ét lokalråd. De gennemførte BLUP i 2022 og tager nu fat på næste runde landsbymål.',
    cohort: 'running',
  },
  {
    name: 'Glumsø og Omegn',
    municipality: 'Næstved',
    description:
      'Stationsby ved Glumsø Sø med skole, hal og et rigt foreningsliv. Koordinationsgruppen vil samle foreningerne om én fælles plan.',
    cohort: 'running',
  },
  {
    name: 'Vestlandet 4700',
    municipality: 'Næstved',
    description:
      'Landsbyerne vest for Næstved, der vil styrke fællesskabet, binde byerne sammen med stier og skabe nye mødesteder.',
    cohort: 'running',
  },
  {
    name: 'Lokalområdet 4262',
    municipality: 'Næstved',
    description:
      'Sandved og landsbyerne omkring, med et stærkt sammenhold og et ønske om flere unge familier og nye frivillige.',
    cohort: 'running',
  },
  {
    name: 'Tybjerg og Omegn',
    municipality: 'Næstved',
    description:
      'Landsbyer og sogne omkring Tybjerg, som vil mobilisere flere frivillige og sætte gang i bæredygtige initiativer.',
    cohort: 'running',
  },
  {
    name: 'Korinth',
    municipality: 'Faaborg-Midtfyn',
    description:
      'Landsby mellem Faaborg og Ringe med friskole, forsamlingshus og et aktivt borgerlaug.',
    cohort: 'running',
  },
  {
    name: 'Kegnæs',
    municipality: 'Sønderborg',
    description:
      'Halvøen syd for Als, hvor landsbyerne ligger tæt ved vandet og fællesskabet om natur og hav står stærkt.',
    cohort: 'running',
  },
  {
    name: 'Dalby',
    municipality: 'Kerteminde',
    description:
      'Landsby på vejen ud til Hindsholm med skole, hal og mange foreninger, som vil arbejde mere sammen.',
    cohort: 'running',
  },
  {
    name: 'Morud',
    municipality: 'Nordfyns',
    description:
      'Landsby midt på Nordfyn, der vil skabe nye mødesteder og gode rammer for tilflyttere.',
    cohort: 'running',
  },
  {
    name: 'Dalmose',
    municipality: 'Slagelse',
    description:
      'Stationsby syd for Slagelse med et aktivt lokalråd og lyst til at gå forrest i den grønne omstilling.',
    cohort: 'running',
  },
  {
    name: 'Broager',
    municipality: 'Sønderborg',
    description:
      'By på Broagerland med udsigt over Flensborg Fjord, hvor foreningerne vil samles om en ny landsbyfortælling.',
    cohort: 'earlier',
  },
  {
    name: 'Martofte',
    municipality: 'Kerteminde',
    description:
      'Landsby yderst på Hindsholm, der vil samle borgerne om fælles mål for natur, fællesskab og bosætning.',
    cohort: 'earlier',
  },
  {
    name: 'Ferritslev',
    municipality: 'Faaborg-Midtfyn',
    description:
      'Landsby øst for Ringe med friskole og fritidscenter. Den er ikke på et hold endnu og vil begynde med en mini-BLUP: kortlægningen.',
    cohort: null,
  },
];

export interface DemoPerson {
  email: string;
  name: string;
  role: Role;
  /** Coordinators and learners. */
  municipality?: DemoMunicipality;
  /** Steering members; their municipality is the village's. */
  village?: string;
  coordinationGroup?: boolean;
  contactPerson?: boolean;
  learnerKind?: LearnerKind;
  /** Listed on the sign-in page outside production, with this description (Danish). */
  signIn?: string;
}

const coordinator = (
  municipality: DemoMunicipality,
  slug: string,
  name: string,
  signIn?: string,
): DemoPerson => ({
  email: `koordinator.${slug}@blup.test`,
  name,
  role: Role.Coordinator,
  municipality,
  contactPerson: true,
  signIn,
});

export const DEMO_PEOPLE: readonly DemoPerson[] = [
  {
    email: 'sekretariat@blup.test',
    name: 'Karen Lund Nielsen',
    role: Role.Secretariat,
    signIn: 'Facilitator i BLUP-sekretariatet: ser og ændrer alt',
  },
  { email: 'facilitator@blup.test', name: 'Mads Vinther', role: Role.Secretariat },
  coordinator('Faaborg-Midtfyn', 'faaborg-midtfyn', 'Lise Dam'),
  coordinator('Sønderborg', 'soenderborg', 'Peter Frost Hansen'),
  coordinator('Kerteminde', 'kerteminde', 'Birgitte Skou'),
  coordinator(
    'Næstved',
    'naestved',
    'Rasmus Krogh',
    'Landdistriktskoordinator og kontaktperson i Næstved Kommune',
  ),
  coordinator('Nordfyns', 'nordfyns', 'Camilla Bech'),
  coordinator('Slagelse', 'slagelse', 'Henrik Lykke'),
  {
    email: 'styregruppe.glumsoe@blup.test',
    name: 'Signe Møller Holst',
    role: Role.SteeringMember,
    village: 'Glumsø og Omegn',
    coordinationGroup: true,
    signIn: 'Koordinationsgruppen i Glumsø og Omegn: leder styregruppen og kan invitere medlemmer',
  },
  {
    email: 'koordinationsgruppe.glumsoe@blup.test',
    name: 'Ole Kjær',
    role: Role.SteeringMember,
    village: 'Glumsø og Omegn',
    coordinationGroup: true,
  },
  {
    email: 'medlem.glumsoe@blup.test',
    name: 'Trine Svendsen',
    role: Role.SteeringMember,
    village: 'Glumsø og Omegn',
    signIn: 'Medlem af styregruppen i Glumsø og Omegn',
  },
  {
    email: 'medlem2.glumsoe@blup.test',
    name: 'Niels Brandt',
    role: Role.SteeringMember,
    village: 'Glumsø og Omegn',
  },
  {
    email: 'styregruppe.kegnaes@blup.test',
    name: 'Anders Juhl',
    role: Role.SteeringMember,
    village: 'Kegnæs',
    signIn: 'Medlem af styregruppen på Kegnæs i Sønderborg Kommune',
  },
  {
    email: 'styregruppe.ferritslev@blup.test',
    name: 'Lone Høj Madsen',
    role: Role.SteeringMember,
    village: 'Ferritslev',
    coordinationGroup: true,
    signIn:
      'Styregruppen i Ferritslev (Faaborg-Midtfyn): ikke på et hold, kan tilmelde landsbyen en mini-BLUP',
  },
  {
    email: 'lokalraad.naestved@blup.test',
    name: 'Inge Thomsen',
    role: Role.Learner,
    municipality: 'Næstved',
    learnerKind: LearnerKind.LocalCouncil,
    signIn: 'Deltager i BLUP Akademiet fra et lokalråd i Næstved Kommune',
  },
  {
    email: 'politiker.kerteminde@blup.test',
    name: 'Jesper Vestergaard',
    role: Role.Learner,
    municipality: 'Kerteminde',
    learnerKind: LearnerKind.Politician,
    signIn: 'Deltager i BLUP Akademiet: kommunalpolitiker i Kerteminde',
  },
];

/** The accounts the sign-in page offers outside production. */
export const DEMO_SIGN_INS: readonly DemoSignIn[] = DEMO_PEOPLE.filter((p) => p.signIn).map(
  (p) => ({
    role: p.role,
    description: p.signIn as string,
    email: p.email,
    password: DEMO_PASSWORD,
  }),
);

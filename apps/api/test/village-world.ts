import { Role } from '@blup/contracts';
import type { Cohort, Municipality, User, Village } from '../src/app/database/entities';
import type { TestApp } from './harness';
import type { TestClient } from './http-client';
import { signInAs } from './sign-in';

/** The people of a village world: one of each role that reads or writes a village's work. */
export type VillagePerson =
  'secretariat' | 'member' | 'otherMember' | 'coordinator' | 'otherCoordinator' | 'learner';

/**
 * Two municipalities, three villages and a cohort, and a signed-in client for each person:
 * `member` sits in Glumsø's steering group and `otherMember` in Tybjerg's (both in Næstved, whose
 * coordinator is `coordinator`); Kegnæs lies in Sønderborg, whose coordinator is
 * `otherCoordinator`; `learner` is a learner in Næstved.
 */
export interface VillageWorld {
  naestved: Municipality;
  sonderborg: Municipality;
  glumso: Village;
  tybjerg: Village;
  kegnaes: Village;
  cohort: Cohort;
  users: Record<'member' | 'otherMember', User>;
  as: Record<VillagePerson, TestClient>;
}

/** Builds the village world; `suffix` keeps its names apart from other specs' in one database. */
export async function villageWorld(
  t: TestApp,
  suffix: string,
  cohortOf: ('glumso' | 'tybjerg' | 'kegnaes')[],
): Promise<VillageWorld> {
  const f = t.factory;
  const naestved = await f.municipality(`Næstved ${suffix}`);
  const sonderborg = await f.municipality(`Sønderborg ${suffix}`);
  const villages = {
    glumso: await f.village(naestved, 'Glumsø og Omegn'),
    tybjerg: await f.village(naestved, 'Tybjerg'),
    kegnaes: await f.village(sonderborg, 'Kegnæs'),
  };
  const cohort = await f.cohort(
    cohortOf.map((name) => villages[name]),
    `Forår ${suffix}`,
  );
  const users = {
    member: await f.user({ role: Role.SteeringMember, village: villages.glumso }),
    otherMember: await f.user({ role: Role.SteeringMember, village: villages.tybjerg }),
  };
  const as = {
    secretariat: await signInAs(t, await f.user({ role: Role.Secretariat })),
    member: await signInAs(t, users.member),
    otherMember: await signInAs(t, users.otherMember),
    coordinator: await signInAs(
      t,
      await f.user({ role: Role.Coordinator, municipality: naestved }),
    ),
    otherCoordinator: await signInAs(
      t,
      await f.user({ role: Role.Coordinator, municipality: sonderborg }),
    ),
    learner: await signInAs(t, await f.user({ role: Role.Learner, municipality: naestved })),
  };
  return { naestved, sonderborg, ...villages, cohort, users, as };
}

import { LearnerKind, Role } from '@blup/contracts';
import { hash } from 'argon2';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Cohort, Municipality, User, Village } from '../src/app/database/entities';

export const TEST_PASSWORD = 'grøn-landsby-2026';
let passwordHash: Promise<string> | null = null;

const unique = (): string => randomBytes(4).toString('hex');

export interface UserSpec {
  role?: Role;
  email?: string;
  name?: string;
  municipality?: Municipality;
  village?: Village;
  coordinationGroup?: boolean;
  contactPerson?: boolean;
  learnerKind?: LearnerKind;
  /** Defaults to TEST_PASSWORD; null for an invited person without one. */
  password?: string | null;
  activated?: boolean;
}

/** Writes test data through the real repositories. Names are unique per call. */
export class Factory {
  constructor(private readonly dataSource: DataSource) {}

  municipality(name = `Kommune ${unique()}`): Promise<Municipality> {
    const repo = this.dataSource.getRepository(Municipality);
    return repo.save(repo.create({ name }));
  }

  async village(municipality?: Municipality, name = `Landsby ${unique()}`): Promise<Village> {
    const m = municipality ?? (await this.municipality());
    const repo = this.dataSource.getRepository(Village);
    return repo.save(repo.create({ name, municipalityId: m.id, description: '' }));
  }

  async cohort(villages: Village[] = [], name = `Hold ${unique()}`): Promise<Cohort> {
    const repo = this.dataSource.getRepository(Cohort);
    const cohort = await repo.save(repo.create({ name, startDate: '2027-02-01' }));
    for (const v of villages)
      await this.dataSource.getRepository(Village).update(v.id, { cohortId: cohort.id });
    return cohort;
  }

  async user(spec: UserSpec = {}): Promise<User & { password: string }> {
    const role = spec.role ?? Role.SteeringMember;
    const village =
      spec.village ??
      (role === Role.SteeringMember ? await this.village(spec.municipality) : undefined);
    const municipalityId =
      role === Role.Secretariat
        ? null
        : (village?.municipalityId ?? spec.municipality?.id ?? (await this.municipality()).id);
    const password = spec.password === undefined ? TEST_PASSWORD : spec.password;
    let hashed: string | null = null;
    if (password === TEST_PASSWORD)
      hashed = await (passwordHash ??= hash(TEST_PASSWORD, { type: 2 }));
    else if (password) hashed = await hash(password, { type: 2 });
    const repo = this.dataSource.getRepository(User);
    const user = await repo.save(
      repo.create({
        email: (spec.email ?? `${role}-${unique()}@example.dk`).toLowerCase(),
        name: spec.name ?? `Test ${role} ${unique()}`,
        passwordHash: hashed,
        role,
        locale: 'da',
        municipalityId,
        villageId: role === Role.SteeringMember ? (village?.id ?? null) : null,
        coordinationGroup: spec.coordinationGroup ?? false,
        contactPerson: spec.contactPerson ?? false,
        learnerKind: role === Role.Learner ? (spec.learnerKind ?? LearnerKind.LocalCouncil) : null,
        activatedAt: spec.activated === false || password === null ? null : new Date(),
      }),
    );
    return Object.assign(user, { password: password ?? '' });
  }
}

import { ErrorCode, Role } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/app-exception';
import { checkPeople } from './application-people';
import type { AccountRow } from './applications.queries';

/** A manager whose one query answers with these existing accounts. */
function dbWith(accounts: AccountRow[]): EntityManager {
  return { query: jest.fn().mockResolvedValue(accounts) } as unknown as EntityManager;
}

async function refusal(
  people: { email: string }[],
  accounts: AccountRow[],
  villageId: string | null = null,
): Promise<AppException | null> {
  return checkPeople(dbWith(accounts), people, villageId).then(
    () => null,
    (error: AppException) => error,
  );
}

const steering = (email: string, village: string): AccountRow => ({
  email,
  role: Role.SteeringMember,
  village_id: village,
  village_name: `Village ${village}`,
});

describe(checkPeople.name, () => {
  it('accepts new people and members of the same village', async () => {
    expect(await refusal([{ email: 'a@x.dk' }, { email: 'b@x.dk' }], [])).toBeNull();
    expect(await refusal([{ email: 'a@x.dk' }], [steering('a@x.dk', 'v1')], 'v1')).toBeNull();
  });

  it('refuses an email given twice, ignoring case', async () => {
    const error = await refusal([{ email: 'a@x.dk' }, { email: 'A@x.dk' }], []);
    expect(error?.getResponse()).toMatchObject({ code: ErrorCode.ValidationFailed });
  });

  it('names the other village of a steering member', async () => {
    const error = await refusal([{ email: 'a@x.dk' }], [steering('a@x.dk', 'v2')], 'v1');
    expect(error?.getResponse()).toMatchObject({
      code: ErrorCode.PersonInOtherVillage,
      params: { email: 'a@x.dk', village: 'Village v2' },
    });
  });

  it('refuses an account with another role', async () => {
    const coordinator: AccountRow = {
      email: 'a@x.dk',
      role: Role.Coordinator,
      village_id: null,
      village_name: null,
    };
    const error = await refusal([{ email: 'a@x.dk' }], [coordinator]);
    expect(error?.getResponse()).toMatchObject({ code: ErrorCode.EmailTaken });
  });
});

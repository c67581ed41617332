import { HttpStatus } from '@nestjs/common';
import { ErrorCode, Role } from '@blup/contracts';
import type { EntityManager } from 'typeorm';
import { AppException } from '../common/app-exception';
import { accountsByEmail } from './applications.queries';

/**
 * Each person: distinct emails in the list, and nobody with an account that does not fit
 * (a steering member of another village, or another role). Problems are per row. Checked when
 * the application comes in and again at approval (someone may have joined another village since).
 */
export async function checkPeople(
  db: EntityManager,
  people: readonly { email: string }[],
  villageId: string | null,
): Promise<void> {
  const details: Record<string, string[]> = {};
  let code = ErrorCode.ValidationFailed;
  let params: Record<string, string> | undefined;
  const seen = new Map<string, number>();
  people.forEach((p, i) => {
    const email = p.email.toLowerCase();
    const first = seen.get(email);
    if (first !== undefined) {
      details[`people.${i}.email`] = [`${p.email} is already given for person ${first + 1}`];
    } else seen.set(email, i);
  });
  for (const account of await accountsByEmail(db, [...seen.keys()])) {
    const i = seen.get(account.email) ?? 0;
    if (account.role === Role.SteeringMember && account.village_id === villageId) continue;
    if (account.role === Role.SteeringMember) {
      details[`people.${i}.email`] = [
        `${account.email} is already in the steering group of ${account.village_name ?? 'another village'}`,
      ];
      code = ErrorCode.PersonInOtherVillage;
      params = { email: account.email, village: account.village_name ?? '' };
    } else {
      details[`people.${i}.email`] = [
        `${account.email} already has an account with another role; use another email for this person`,
      ];
      code = code === ErrorCode.PersonInOtherVillage ? code : ErrorCode.EmailTaken;
    }
  }
  if (Object.keys(details).length) {
    const only = Object.keys(details).length === 1;
    throw new AppException(
      HttpStatus.BAD_REQUEST,
      only ? code : ErrorCode.ValidationFailed,
      Object.values(details).flat().join('; '),
      { details, ...(only && params ? { params } : {}) },
    );
  }
}

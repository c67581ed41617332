import { HttpStatus, type INestApplicationContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AppException } from '../common/app-exception';
import { EmailField, NameField } from './dto/fields';
import { InvitationService } from './invitation.service';

/** What `main.js invite-secretariat <email> <name>` takes, checked as the API checks an invitation. */
export class FirstSecretariatInput {
  @EmailField()
  email: string;

  @NameField()
  name: string;
}

/** Why the input cannot be used, in words a person can act on; null when it can. */
export async function firstSecretariatProblem(
  input: FirstSecretariatInput,
): Promise<string | null> {
  const errors = await validate(input);
  const messages = errors.flatMap((error) => Object.values(error.constraints ?? {}));
  return messages.length ? messages.join('; ') : null;
}

/**
 * The first secretariat account of a new installation: an invitation mailed to it (the worker
 * sends it), and its link returned, for the operator to pass on should the mail not arrive.
 * `app` is any application context of the API (main.ts starts one without HTTP).
 */
export async function inviteFirstSecretariat(
  app: INestApplicationContext,
  raw: { email?: string; name?: string },
): Promise<{ url: string } | { problem: string }> {
  const input = plainToInstance(FirstSecretariatInput, raw);
  const problem = await firstSecretariatProblem(input);
  if (problem) return { problem };
  try {
    return {
      url: await app.get(InvitationService).inviteFirstSecretariat(input.email, input.name),
    };
  } catch (error) {
    if (error instanceof AppException && error.getStatus() === HttpStatus.CONFLICT) {
      return { problem: `${input.email} already has an account: sign in, or reset its password.` };
    }
    throw error;
  }
}

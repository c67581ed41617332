import { ArgumentMetadata, HttpException } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@blup/contracts';
import { IsString } from 'class-validator';
import { NewPasswordField } from '../auth/dto/fields';
import { createValidationPipe } from './validation';

class ChoosePassword {
  @IsString({ message: 'token must be text' })
  token: string;

  @NewPasswordField()
  password: string;
}

const metadata: ArgumentMetadata = { type: 'body', metatype: ChoosePassword };

/** The response object of the 400 the pipe throws for `body`. */
async function refusal(body: object): Promise<Partial<ErrorBody>> {
  try {
    await createValidationPipe().transform(body, metadata);
  } catch (error) {
    if (error instanceof HttpException) return error.getResponse() as Partial<ErrorBody>;
    throw error;
  }
  throw new Error('expected the pipe to refuse the body');
}

describe(createValidationPipe.name, () => {
  it.each([
    ['too common', 'password', ErrorCode.PasswordTooCommon, undefined],
    ['too short', 'k7#vQ!2', ErrorCode.PasswordTooShort, { min: 8 }],
    ['too long', 'x'.repeat(257), ErrorCode.PasswordTooLong, { max: 256 }],
  ])('names a password that is %s with its own code', async (_, password, code, params) => {
    const response = await refusal({ token: 't', password });

    expect(response.code).toBe(code);
    expect(response.params).toEqual(params);
    expect(Object.keys(response.details ?? {})).toEqual(['password']);
  });

  it('says validation_failed, with every field in details, when more than one field is wrong', async () => {
    const response = await refusal({ token: 42, password: 'password' });

    expect(response.code).toBe(ErrorCode.ValidationFailed);
    expect(response.details).toEqual({
      token: ['token must be text'],
      password: [expect.stringMatching(/too common/)],
    });
    expect(response.message).toMatch(/^token must be text; This password is too common/);
  });

  it('says validation_failed for a constraint without a code of its own', async () => {
    const response = await refusal({ token: 't', password: 'long enough, fine', extra: 1 });

    expect(response).toMatchObject({
      code: ErrorCode.ValidationFailed,
      details: { extra: ['extra is not a field this request accepts'] },
    });
  });
});

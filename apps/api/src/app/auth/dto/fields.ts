import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMAIL_MAX_LENGTH,
  LOCALES,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
} from '@blup/contracts';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, ValidateIf, IsString, Matches, MaxLength } from 'class-validator';
import { MailAddressField, MaxCharacters, NoControlCharacters } from '../../common/text-fields';
import { IsNewPassword } from '../password-policy';

/** Field decorators shared by the auth and invitation DTOs, each with messages a person can act on. */

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function EmailField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'anna@example.dk', maxLength: EMAIL_MAX_LENGTH }),
    MailAddressField('email', EMAIL_MAX_LENGTH),
  );
}

/** A person's name: trimmed, not blank. */
export function NameField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ example: 'Anna Jensen', maxLength: NAME_MAX_LENGTH }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: 'name must be text' }),
    IsNotEmpty({ message: 'name cannot be empty' }),
    MaxCharacters('name', NAME_MAX_LENGTH),
    NoControlCharacters('name'),
  );
}

/** May be left out, but not sent as null: a name cannot be removed. */
export function OptionalNameField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ example: 'Anna Jensen', maxLength: NAME_MAX_LENGTH }),
    ValidateIf((_object, value) => value !== undefined),
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: 'name must be text' }),
    IsNotEmpty({ message: 'name cannot be empty' }),
    MaxCharacters('name', NAME_MAX_LENGTH),
    NoControlCharacters('name'),
  );
}

/** May be left out, but not sent as null. */
export function LocaleField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: LOCALES }),
    ValidateIf((_object, value) => value !== undefined),
    IsIn(LOCALES, { message: `locale must be one of ${LOCALES.join(', ')}` }),
  );
}

/** The token from a mailed link: 43 URL-safe characters. Anything else is a 400, not a 410. */
export function TokenField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description: 'The token from the link in the email', example: 'q3X9…' }),
    IsString({ message: 'token must be text' }),
    Matches(TOKEN_PATTERN, {
      message:
        'token is not a complete link token: open the link in the email again, or copy all of it',
    }),
  );
}

/** A password someone signs in with: no policy, since it was chosen under earlier rules. */
export function CurrentPasswordField(name: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ format: 'password', maxLength: PASSWORD_MAX_LENGTH }),
    IsString({ message: `${name} must be text` }),
    IsNotEmpty({ message: `${name} cannot be empty` }),
    MaxLength(PASSWORD_MAX_LENGTH, {
      message: `${name} can be at most ${PASSWORD_MAX_LENGTH} characters`,
    }),
  );
}

/** A password being chosen now: 8–256 characters, not a common one. */
export function NewPasswordField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      format: 'password',
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
      description: 'Any characters; refused when it is on a list of common passwords',
    }),
    IsNewPassword(),
  );
}

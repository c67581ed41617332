import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsString, MaxLength, ValidateBy, ValidateIf } from 'class-validator';

/**
 * The field may be left out, but when it is sent it must be valid: unlike `@IsOptional()`,
 * an explicit `null` is checked (and refused by the field's type rules).
 */
export const Optional = (): PropertyDecorator => ValidateIf((_, value) => value !== undefined);

/** The field may be left out or sent as `null` (which clears it); other values are checked. */
export const Nullable = (): PropertyDecorator =>
  ValidateIf((_, value) => value !== undefined && value !== null);

/** Trims surrounding white space from a string; other values pass through for the type check. */
export const Trim = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * An email address a mail server takes as it is: `isEmail` without a quoted local part
 * (`"a b"@x.dk` is valid by RFC 5321, but transports refuse or rewrite it). Every email field
 * of the API uses this one rule.
 */
export function IsMailAddress(field: string): PropertyDecorator {
  return IsEmail(
    { blacklisted_chars: '"' },
    { message: `${field} must be an email address, like anna@example.dk` },
  );
}

/**
 * Invisible format characters (zero-width space and joiners, soft hyphen, word joiner, BOM,
 * direction marks) that a copy from a mail or web page brings along. In an address they make
 * another address that looks the same: a lookup, an export or an erasure would miss the person.
 */
const INVISIBLE = /\p{Cf}/gu;

/**
 * A trimmed, lower-cased email address of at most `max` characters (RFC 5321 allows 254),
 * without invisible characters: the address as the person sees it.
 */
export function MailAddressField(field: string, max = 254): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.replace(INVISIBLE, '').trim().toLowerCase() : value,
    ),
    IsString({ message: `${field} must be text` }),
    MaxLength(max, { message: `${field} can be at most ${max} characters` }),
    IsMailAddress(field),
  );
}

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Whether the text holds a C0 control character or DEL (PostgreSQL cannot even store NUL). */
export function hasControlCharacter(text: string, allowLineBreaks: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x20 && code !== 0x7f) continue;
    if (allowLineBreaks && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) {
      continue;
    }
    return true;
  }
  return false;
}

/** Refuses text holding control characters (line breaks and tabs too, unless `multiline`). */
export function NoControlCharacters(field: string, multiline = false): PropertyDecorator {
  return ValidateBy(
    {
      name: 'noControlCharacters',
      validator: {
        validate: (value) => typeof value !== 'string' || !hasControlCharacter(value, multiline),
      },
    },
    {
      message: multiline
        ? `${field} cannot contain control characters other than line breaks and tabs`
        : `${field} must be one line of text without control characters`,
    },
  );
}

/**
 * At most `max` characters as PostgreSQL counts them (code points). class-validator's
 * MaxLength skips variation selectors, so "❤️" × 120 would pass it and overflow varchar(120).
 */
export function MaxCharacters(field: string, max: number): PropertyDecorator {
  return ValidateBy(
    {
      name: 'maxCharacters',
      validator: { validate: (value) => typeof value !== 'string' || [...value].length <= max },
    },
    { message: `${field} can be at most ${max} characters` },
  );
}

export interface TextFieldOptions {
  allowEmpty?: boolean;
  /** Tabs and line breaks allowed (descriptions). */
  multiline?: boolean;
}

/**
 * A trimmed text field of at most `maxLength` characters, non-empty unless `allowEmpty`.
 * The checks run in this order and stop at the first failure, so a number gets "must be text",
 * not a complaint about its length.
 */
export function TextField(
  field: string,
  maxLength: number,
  { allowEmpty = false, multiline = false }: TextFieldOptions = {},
): PropertyDecorator {
  return applyDecorators(
    Trim(),
    IsString({ message: `${field} must be text` }),
    ...(allowEmpty ? [] : [IsNotEmpty({ message: `${field} cannot be empty` })]),
    MaxCharacters(field, maxLength),
    NoControlCharacters(field, multiline),
  );
}

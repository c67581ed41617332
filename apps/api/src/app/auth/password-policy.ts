import { ErrorCode, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@blup/contracts';
import { dictionary } from '@zxcvbn-ts/language-common';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { type CodedFailure, codedConstraint } from '../common/validation';
import { DANISH_COMMON_PASSWORDS } from './danish-passwords';

/**
 * What we ask of a new password, following NIST SP 800-63B: 8 to 256 characters, no rules about
 * character classes, and not one that attackers try first. "Common" means: on a list of leaked
 * passwords (the ~49,000 of @zxcvbn-ts/language-common) or of Danish and BLUP words, compared
 * without regard to case, also with separators left out ("hej med dig") and with a few digits
 * or symbols added around a listed word ("Sommer2024!"), or one short run repeated ("abababab").
 */

export const TOO_COMMON_MESSAGE =
  'This password is too common, so it is among the first an attacker would try. Choose another one: a few words that mean something to you make a strong password that is easy to remember.';

/** How passwords are compared with the lists: one Unicode form, lower case. */
function fold(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

const COMMON = new Set<string>(
  [...dictionary['passwords-common'], ...DANISH_COMMON_PASSWORDS].map(fold),
);

/** Leading non-letters, the word, trailing non-letters. */
const AFFIXED = /^(\P{L}*)(.*?)(\P{L}*)$/su;
const SEPARATORS = /[\s._-]+/gu;
const REPEATED_RUN = /^(.{1,4})\1+$/su;
/** People add digits freely, but only a symbol or two ("!", "#") around a word. */
const MAX_AFFIX_SYMBOLS = 2;
const MIN_WORD_LENGTH = 3;

function isListedWordWithAffixes(candidate: string): boolean {
  if (COMMON.has(candidate)) return true;
  const [, before, word, after] = AFFIXED.exec(candidate) ?? [];
  if (!word || [...word].length < MIN_WORD_LENGTH || !COMMON.has(word)) return false;
  const symbols = (before + after).replace(/\d/g, '');
  return [...symbols].length <= MAX_AFFIX_SYMBOLS;
}

export function isCommonPassword(password: string): boolean {
  const folded = fold(password);
  if (REPEATED_RUN.test(folded)) return true;
  return isListedWordWithAffixes(folded) || isListedWordWithAffixes(folded.replace(SEPARATORS, ''));
}

/** Why a new password is not acceptable: the code the client translates and the English words. */
export interface PasswordProblem extends CodedFailure {
  message: string;
}

/** Why a new password is not acceptable, in words for the person choosing it; null when it is fine. */
export function passwordProblem(password: unknown): PasswordProblem | null {
  if (typeof password !== 'string')
    return { code: ErrorCode.ValidationFailed, message: 'The password must be text.' };
  // Characters as people count them (code points), not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return {
      code: ErrorCode.PasswordTooShort,
      params: { min: PASSWORD_MIN_LENGTH },
      message: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
    };
  if (length > PASSWORD_MAX_LENGTH)
    return {
      code: ErrorCode.PasswordTooLong,
      params: { max: PASSWORD_MAX_LENGTH },
      message: `The password can be at most ${PASSWORD_MAX_LENGTH} characters long.`,
    };
  if (isCommonPassword(password))
    return { code: ErrorCode.PasswordTooCommon, message: TOO_COMMON_MESSAGE };
  return null;
}

/**
 * class-validator: the field holds a password someone is choosing now (not one they sign in with).
 * A refusal carries its code (password_too_short, _too_long, _too_common) to the error body.
 */
export function IsNewPassword(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'isNewPassword',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { context: codedConstraint((value) => passwordProblem(value)) },
      validator: {
        validate: (value: unknown) => passwordProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) =>
          passwordProblem(args?.value)?.message ?? 'The password is not acceptable.',
      },
    });
  };
}

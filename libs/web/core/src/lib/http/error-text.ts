import { ErrorCode, type ErrorBody } from '@blup/contracts';
import type { TranslationKey } from '../i18n/dictionary';
import type { I18nService } from '../i18n/i18n.service';

/**
 * The dictionary key of an error code's text. Typed so that an `ErrorCode` without a Danish
 * text under `errors.<code>` does not compile (the key-parity test then covers English).
 */
export function errorKey(code: ErrorCode): TranslationKey {
  return `errors.${code}`;
}

/** What a person reads for a failed call, and the field messages that go with it. */
export interface ErrorText {
  message: string;
  details: Record<string, string[]>;
}

/**
 * Turns the API's ErrorBody into text in the current language: the `errors.<code>` text with
 * its params filled in when the language has one, else the API's English `message`.
 * With a code other than `validation_failed` the details are about that one problem, so the
 * fields get the translated text too; validation details keep the API's words.
 */
export function errorText(
  body: Pick<ErrorBody, 'message' | 'code' | 'params' | 'details'>,
  i18n: I18nService,
): ErrorText {
  const details = body.details ?? {};
  const translated = body.code ? i18n.lookup(`errors.${body.code}`, body.params) : null;
  if (translated === null) return { message: body.message, details };
  const fieldsTranslated = body.code !== ErrorCode.ValidationFailed;
  return {
    message: translated,
    details: fieldsTranslated
      ? Object.fromEntries(Object.keys(details).map((field) => [field, [translated]]))
      : details,
  };
}

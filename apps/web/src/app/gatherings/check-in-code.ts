import { ErrorCode, type RegistrationDto } from '@blup/contracts';
import { ApiError } from '@blup/web/core';

/**
 * The check-in code in what was scanned or typed: the QR code holds the check-in page's address
 * (`…/moeder/<id>/check-in?code=AB12CD34`), a person types the code as printed, perhaps in
 * lower case or with spaces or a dash. Null when nothing usable is left.
 */
export function codeFrom(raw: string): string | null {
  let text = raw.trim();
  if (/^https?:\/\//i.test(text) || text.includes('code=')) {
    try {
      text = new URL(text, 'https://x.invalid').searchParams.get('code') ?? '';
    } catch {
      return null;
    }
  }
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  return /^[A-Z0-9]{1,40}$/.test(code) ? code : null;
}

/** What the facilitator sees after a check-in attempt: one big, clear line. */
export type CheckInOutcome =
  | { kind: 'checked-in'; name: string }
  | { kind: 'already'; name: string | null; at: string }
  | { kind: 'not-confirmed' }
  | { kind: 'unknown' }
  | { kind: 'failed'; error: unknown };

export function checkedIn(registration: RegistrationDto): CheckInOutcome {
  return { kind: 'checked-in', name: registration.name };
}

/** The outcome of a refused check-in, from the API's error code. */
export function refused(error: unknown, name: string | null = null): CheckInOutcome {
  if (!(error instanceof ApiError)) return { kind: 'failed', error };
  switch (error.code) {
    case ErrorCode.AlreadyCheckedIn:
      return { kind: 'already', name, at: String(error.params['at'] ?? '') };
    case ErrorCode.NotConfirmed:
      return { kind: 'not-confirmed' };
    case ErrorCode.RegistrationNotFound:
      return { kind: 'unknown' };
    default:
      return error.status === 404 ? { kind: 'unknown' } : { kind: 'failed', error };
  }
}

import { HttpContext, HttpContextToken } from '@angular/common/http';
import type { ErrorBody, ErrorParams } from '@blup/contracts';

/** A failed API call, in words a person can read. Every API service call fails with this. */
export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    /** Quote this to the secretariat; it is in the server logs too. */
    readonly requestId: string | null = null,
    /** Per-field problems from validation, keyed by field name. */
    readonly details: Readonly<Record<string, string[]>> = {},
    /** The API's error code (an `ErrorCode`, or one this client does not know yet). */
    readonly code: string | null = null,
    /** The values the code's wording needs. */
    readonly params: Readonly<ErrorParams> = {},
    /** With a 409 on a document: what was saved in between (`DocumentConflict`). */
    readonly current: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Set on a request whose 401 is expected and handled where it was made (sign-in, session check). */
export const HANDLES_UNAUTHORIZED = new HttpContextToken<boolean>(() => false);

/** Request options for a call whose 401 its caller handles: no redirect to sign-in. */
export const OWN_401 = { context: new HttpContext().set(HANDLES_UNAUTHORIZED, true) };

export function isErrorBody(value: unknown): value is ErrorBody {
  const body = value as Partial<ErrorBody> | null;
  return (
    typeof body === 'object' &&
    body !== null &&
    typeof body.statusCode === 'number' &&
    typeof body.message === 'string'
  );
}

import { HttpStatus, Param, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { AppException } from './app-exception';

function invalidId(what: string, hint: string): AppException {
  return new AppException(
    HttpStatus.BAD_REQUEST,
    ErrorCode.InvalidId,
    `That is not a valid ${what} id: ${hint}`,
  );
}

/**
 * A route param that must be a UUID (every entity's primary key is one): anything else is a
 * readable 400 `invalid_id` naming what the id is of, before any query runs.
 * `name` is the param in the route path (`:id` unless told).
 */
export function IdParam(what: string, name = 'id'): ParameterDecorator {
  return Param(name, idPipe(what));
}

/** The pipe behind IdParam, for a route answered outside Nest's router (the heartbeat lane). */
export function idPipe(what: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => invalidId(what, 'ids look like 3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b.'),
  });
}

/** The longest opaque id (an upload id a provider made) the API will look up. */
export const MAX_OPAQUE_ID_LENGTH = 128;

/** Printable ASCII without spaces or slashes: what provider-made ids are made of. */
const OPAQUE_ID = /^[\x21-\x2e\x30-\x7e]+$/;

/** Checks an id the API did not make itself (a video upload id): printable, short. */
export class OpaqueIdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly what: string) {}

  transform(value: unknown): string {
    if (
      typeof value !== 'string' ||
      value.length > MAX_OPAQUE_ID_LENGTH ||
      !OPAQUE_ID.test(value)
    ) {
      throw invalidId(
        this.what,
        `ids are at most ${MAX_OPAQUE_ID_LENGTH} letters, digits and punctuation, without spaces.`,
      );
    }
    return value;
  }
}

/** A route param holding an id someone else made (opaque to us): see OpaqueIdPipe. */
export function OpaqueIdParam(what: string, name: string): ParameterDecorator {
  return Param(name, new OpaqueIdPipe(what));
}

import { applyDecorators, HttpCode, HttpStatus, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
} from '@nestjs/swagger';

/** The refusals of a write, as the OpenAPI document tells them: who only reads, what is hidden. */
export interface WriteRefusals {
  /** The 403's description: who may read but not change it. */
  readOnly: string;
  /** The 404's description: no such thing, or not one the actor may see. */
  notFound: string;
}

/** A POST that creates: 201 with the new thing, 400 for bad input, and the refusals. */
export function ApiCreate(
  type: Type<unknown>,
  badRequest: string,
  refusals: WriteRefusals,
): MethodDecorator {
  return applyDecorators(
    ApiCreatedResponse({ type }),
    ApiBadRequestResponse({ description: badRequest }),
    ApiForbiddenResponse({ description: refusals.readOnly }),
    ApiNotFoundResponse({ description: refusals.notFound }),
  );
}

/**
 * A PATCH of a versioned thing: 200 with it, 400 for bad input or a missing version, the
 * refusals, and the 409 (`conflict`) when someone saved it since the version the change names.
 */
export function ApiVersionedUpdate(
  type: Type<unknown>,
  conflict: string,
  refusals: WriteRefusals,
): MethodDecorator {
  return applyDecorators(
    ApiOkResponse({ type }),
    ApiBadRequestResponse({ description: 'A field is invalid, or the version is missing.' }),
    ApiForbiddenResponse({ description: refusals.readOnly }),
    ApiNotFoundResponse({ description: refusals.notFound }),
    ApiConflictResponse({ description: conflict }),
  );
}

/** A DELETE answered with 204 (`deleted` says what went with it), and the refusals. */
export function ApiDelete(deleted: string, refusals: WriteRefusals): MethodDecorator {
  return applyDecorators(
    HttpCode(HttpStatus.NO_CONTENT),
    ApiNoContentResponse({ description: deleted }),
    ApiForbiddenResponse({ description: refusals.readOnly }),
    ApiNotFoundResponse({ description: refusals.notFound }),
  );
}

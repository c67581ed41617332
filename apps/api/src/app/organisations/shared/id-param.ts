import { BadRequestException, Param, ParseUUIDPipe } from '@nestjs/common';

/** The `:id` in the path, which must be a UUID; anything else is a readable 400 before any query runs. */
export function IdParam(what: string): ParameterDecorator {
  return Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new BadRequestException(
          `That is not a valid ${what} id: ids look like 3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b.`,
        ),
    }),
  );
}

import { HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import { AppException } from '../../common/app-exception';

/** The `:id` in the path, which must be a UUID; anything else is a readable 400 before any query runs. */
export function IdParam(what: string): ParameterDecorator {
  return Param(
    'id',
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new AppException(
          HttpStatus.BAD_REQUEST,
          ErrorCode.InvalidId,
          `That is not a valid ${what} id: ids look like 3f2b8c1e-9d4a-4f6b-8e2a-1c5d7e9f0a3b.`,
        ),
    }),
  );
}

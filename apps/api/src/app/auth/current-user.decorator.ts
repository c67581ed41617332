import { createParamDecorator, ExecutionContext, HttpStatus } from '@nestjs/common';
import { ErrorCode } from '@blup/contracts';
import type { Request } from 'express';
import { AppException } from '../common/app-exception';
import type { AuthUser } from './auth-user';

export type AuthedRequest = Request & { user?: AuthUser };

/** The 401 for a route that needs a session the request did not bring. */
export function notSignedIn(): AppException {
  return new AppException(HttpStatus.UNAUTHORIZED, ErrorCode.NotSignedIn, 'Please sign in.');
}

/** The signed-in person. Only on routes the session guard protects. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser => {
  const user = ctx.switchToHttp().getRequest<AuthedRequest>().user;
  if (!user) throw notSignedIn();
  return user;
});

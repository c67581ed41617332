import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, Role } from '@blup/contracts';
import { AppException } from '../common/app-exception';
import { requestContext } from '../common/request-context';
import type { AuthUser } from './auth-user';
import { notSignedIn, type AuthedRequest } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { SessionService } from './session.service';

const ROLE_NAMES: Record<Role, string> = {
  [Role.Secretariat]: 'the secretariat',
  [Role.Coordinator]: 'municipal coordinators',
  [Role.SteeringMember]: 'steering-group members',
  [Role.Learner]: 'academy learners',
};

/**
 * The person the request's session belongs to, or null; puts them on the request (`req.user`)
 * and in the access log's context. The guard and the heartbeat lane (which answers ahead of
 * Nest's router) both sign requests in through this.
 */
export async function signIn(
  sessions: SessionService,
  req: AuthedRequest,
): Promise<AuthUser | null> {
  const user = await sessions.resolve(req);
  if (user) {
    req.user = user;
    const ctx = requestContext.get();
    if (ctx) ctx.userId = user.id;
  }
  return user;
}

/** Global: every route needs a live session unless marked @Public(); @Roles() narrows further. */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    const req = context.switchToHttp().getRequest<AuthedRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const user = await signIn(this.sessions, req);
    if (isPublic) return true;
    if (!user) throw notSignedIn();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.includes(user.role)) {
      const onlySecretariat = roles.length === 1 && roles[0] === Role.Secretariat;
      throw new AppException(
        HttpStatus.FORBIDDEN,
        onlySecretariat ? ErrorCode.SecretariatOnly : ErrorCode.Forbidden,
        `Only ${roles.map((r) => ROLE_NAMES[r]).join(' or ')} can do this.`,
      );
    }
    return true;
  }
}

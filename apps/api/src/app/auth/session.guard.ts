import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Role } from '@blup/contracts';
import { requestContext } from '../common/request-context';
import type { AuthedRequest } from './current-user.decorator';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { SessionService } from './session.service';

const ROLE_NAMES: Record<Role, string> = {
  [Role.Secretariat]: 'the secretariat',
  [Role.Coordinator]: 'municipal coordinators',
  [Role.SteeringMember]: 'steering-group members',
  [Role.Learner]: 'academy learners',
};

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
    const user = await this.sessions.resolve(req);
    if (user) {
      req.user = user;
      const ctx = requestContext.get();
      if (ctx) ctx.userId = user.id;
    }
    if (isPublic) return true;
    if (!user) throw new UnauthorizedException('Please sign in.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles?.length && !roles.includes(user.role)) {
      throw new ForbiddenException(
        `Only ${roles.map((r) => ROLE_NAMES[r]).join(' or ')} can do this.`,
      );
    }
    return true;
  }
}

import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * The caller's address as the HTTP layer saw it (`trust proxy` applied), only for the per-IP
 * rate limit; it is never stored. Read without naming the framework's request type.
 */
export const ClientIp = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): string | undefined =>
    ctx.switchToHttp().getRequest<{ ip?: string }>().ip,
);

import { HttpStatus } from '@nestjs/common';
import { CSRF_COOKIE, CSRF_HEADER, ErrorCode } from '@blup/contracts';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '../config/app-config';
import { AppException } from '../common/app-exception';
import { csrfCookieOptions } from './cookies';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit CSRF defence for every state-changing API request: the XSRF-TOKEN cookie
 * (which another site can neither read nor set) must be echoed in the X-XSRF-TOKEN header.
 * A token cookie is issued on any API request that lacks one. Paths in `exempt` (webhooks
 * signed by their sender) are let through. A refusal goes to the global exception filter.
 */
export function csrfMiddleware(config: AppConfig, exempt: readonly string[] = []) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const cookie: string | undefined = req.cookies?.[CSRF_COOKIE];
    if (!cookie) {
      res.cookie(CSRF_COOKIE, randomBytes(24).toString('base64url'), csrfCookieOptions(config));
    }
    if (SAFE_METHODS.has(req.method) || exempt.some((p) => req.path.startsWith(p))) return next();
    const header = req.header(CSRF_HEADER);
    if (cookie && header && same(cookie, header)) return next();
    next(
      new AppException(
        HttpStatus.FORBIDDEN,
        ErrorCode.CsrfTokenInvalid,
        'The page’s security token is missing or out of date. Reload the page and try again.',
      ),
    );
  };
}

import { CSRF_COOKIE } from '@blup/contracts';
import type { CookieOptions } from 'express';
import type { AppConfig } from '../config/app-config';

/** `__Host-` needs Secure, path=/ and no Domain: only where cookies are secure. */
export function sessionCookieName(config: Pick<AppConfig, 'secureCookies'>): string {
  return config.secureCookies ? '__Host-blup_session' : 'blup_session';
}

export function sessionCookieOptions(
  config: Pick<AppConfig, 'secureCookies' | 'sessionIdleHours'>,
): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.sessionIdleHours * 3600 * 1000,
  };
}

/** Readable by the page's script (that is the point of double submit), never by other sites. */
export function csrfCookieOptions(config: Pick<AppConfig, 'secureCookies'>): CookieOptions {
  return { httpOnly: false, sameSite: 'lax', secure: config.secureCookies, path: '/' };
}

export { CSRF_COOKIE };

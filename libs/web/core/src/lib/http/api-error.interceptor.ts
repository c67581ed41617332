import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthStore } from '../auth/auth.store';
import type { TranslationKey } from '../i18n/dictionary';
import { I18nService } from '../i18n/i18n.service';
import { ApiError, HANDLES_UNAUTHORIZED, isErrorBody } from './api-error';
import { errorText } from './error-text';

/**
 * Turns every failed call into an `ApiError` with a message a person can act on, in the
 * current language when the API's error code has a text in it (see `errorText`), and sends an unexpected 401 (the session ended) to the sign-in page.
 */
export const apiErrorInterceptor: HttpInterceptorFn = (req, next) => {
  const i18n = inject(I18nService);
  const auth = inject(AuthStore);
  const router = inject(Router);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse)) return throwError(() => error);
      const apiError = toApiError(error, i18n);
      if (error.status === 401 && !req.context.get(HANDLES_UNAUTHORIZED)) {
        auth.clear();
        const returnUrl = router.url;
        if (!returnUrl.startsWith('/sign-in'))
          void router.navigate(['/sign-in'], { queryParams: { returnUrl } });
      }
      return throwError(() => apiError);
    }),
  );
};

/** Tells the API which language to answer messages and emails in. */
export const acceptLanguageInterceptor: HttpInterceptorFn = (req, next) => {
  const locale = inject(I18nService).locale();
  return next(
    req.url.startsWith('/api/') ? req.clone({ setHeaders: { 'Accept-Language': locale } }) : req,
  );
};

function toApiError(error: HttpErrorResponse, i18n: I18nService): ApiError {
  const body: unknown = error.error;
  if (error.status === 0) return new ApiError(0, i18n.t('errors.offline'));
  if (error.status >= 500) {
    const requestId = isErrorBody(body) ? body.requestId : null;
    return new ApiError(error.status, i18n.t('errors.server_error'), requestId);
  }
  if (isErrorBody(body) && body.message) {
    const { message, details } = errorText(body, i18n);
    return new ApiError(
      error.status,
      message,
      body.requestId,
      details,
      body.code ?? null,
      body.params ?? {},
      body.current,
    );
  }
  return new ApiError(error.status, i18n.t(fallbackKey(error.status)));
}

function fallbackKey(status: number): TranslationKey {
  switch (status) {
    case 401:
      return 'errors.not_signed_in';
    case 403:
      return 'errors.forbidden';
    case 404:
      return 'errors.not_found';
    case 429:
      return 'errors.tooManyRequests';
    default:
      return 'errors.generic';
  }
}

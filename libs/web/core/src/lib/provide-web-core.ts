import { provideHttpClient, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  type EnvironmentProviders,
  inject,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { CSRF_COOKIE, CSRF_HEADER } from '@blup/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './api/auth.api';
import { AuthStore } from './auth/auth.store';
import { acceptLanguageInterceptor, apiErrorInterceptor } from './http/api-error.interceptor';
import { I18nService } from './i18n/i18n.service';

/**
 * HttpClient with the API's CSRF scheme and error handling, and the start-up calls:
 * the CSRF cookie and the current session are fetched together before the first screen, and then
 * the texts of the language the person uses.
 */
export function provideWebCore(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideHttpClient(
      withXsrfConfiguration({ cookieName: CSRF_COOKIE, headerName: CSRF_HEADER }),
      withInterceptors([acceptLanguageInterceptor, apiErrorInterceptor]),
    ),
    provideAppInitializer(() => {
      const i18n = inject(I18nService);
      const csrf = firstValueFrom(inject(AuthApi).csrf()).catch(() => undefined);
      // The first screen waits for the language's texts (English is fetched on first use).
      return Promise.all([csrf, inject(AuthStore).restore()]).then(() => i18n.ready());
    }),
  ]);
}

import {
  type ApplicationConfig,
  DOCUMENT,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
} from '@angular/core';
import {
  TitleStrategy,
  provideRouter,
  withComponentInputBinding,
  withInMemoryScrolling,
} from '@angular/router';
import { provideWebCore } from '@blup/web/core';
import { appRoutes } from './app.routes';
import { prefetchInitialRoute } from './shell/prefetch-route';
import { TranslatedTitleStrategy } from './shell/title-strategy';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withInMemoryScrolling({ scrollPositionRestoration: 'enabled' }),
    ),
    provideWebCore(),
    provideAppInitializer(() =>
      prefetchInitialRoute(appRoutes, inject(DOCUMENT).location.pathname),
    ),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ],
};

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
import { AuthStore, HomeApi, provideWebCore } from '@blup/web/core';
import { appRoutes } from './app.routes';
import { loadSignedInFrame } from './shell/load-signed-in-frame';
import { opensSignedIn, prefetch, prefetchInitialRoute } from './shell/prefetch-route';
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
    provideAppInitializer(() => {
      const pathname = inject(DOCUMENT).location.pathname;
      prefetchInitialRoute(appRoutes, pathname);
      // The signed-in frame's code: at once on a members' page, else once the session is known.
      const membersPage = opensSignedIn(appRoutes, pathname);
      if (membersPage) prefetch(loadSignedInFrame);
      const auth = inject(AuthStore);
      const home = inject(HomeApi);
      // Not awaited: the start-up calls of provideWebCore are what the first screen waits for.
      void auth.restore().then(() => {
        if (!auth.signedIn()) return;
        if (!membersPage) prefetch(loadSignedInFrame);
        if (pathname === '/') home.prefetch(); // the home page's cards, alongside its code
      });
    }),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ],
};

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
      // The home page's cards beside the session check and the page's code, not after them: one
      // round trip less on a weak connection (a visitor not signed in gets a quiet 401).
      if (pathname === '/') inject(HomeApi).prefetch();
      // Not awaited: the start-up calls of provideWebCore are what the first screen waits for.
      void auth.restore().then(() => {
        if (auth.signedIn() && !membersPage) prefetch(loadSignedInFrame);
      });
    }),
    { provide: TitleStrategy, useClass: TranslatedTitleStrategy },
  ],
};

import { TestBed } from '@angular/core/testing';
import { provideLoadedDictionaries } from './testing';
import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// The app fetches each language's texts on first use; specs get both up front (a spec may
// still provide its own dictionaries, which take precedence).
beforeEach(() => {
  TestBed.configureTestingModule({ providers: [provideLoadedDictionaries()] });
});

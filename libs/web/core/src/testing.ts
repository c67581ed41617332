import type { Provider } from '@angular/core';
import { da } from './lib/i18n/da';
import { en } from './lib/i18n/en';
import { DICTIONARIES } from './lib/i18n/i18n.service';

/**
 * For unit tests: both languages' texts at hand from the start, as if already fetched (the app
 * fetches them on first use). A spec may still provide its own DICTIONARIES.
 */
export function provideLoadedDictionaries(): Provider {
  return { provide: DICTIONARIES, useValue: { da, en } };
}

import type { DictionaryOf } from '../dictionary';
import type { panelDa } from './panel.da';

/** English texts for the citizen panel: sign-up, confirmation, preferences, import (issue 5); must match the Danish key for key. */
export const panelEn: DictionaryOf<typeof panelDa> = {
  title: 'Citizen panel',
};

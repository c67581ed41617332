import type { DictionaryOf } from '../dictionary';
import type { newslettersDa } from './newsletters.da';

/** English texts for the newsletter editor, preview, sending and archive (issue 5); must match the Danish key for key. */
export const newslettersEn: DictionaryOf<typeof newslettersDa> = {
  title: 'Newsletters',
};

import type { DictionaryOf } from '../dictionary';
import type { enrolmentDa } from './enrolment.da';

/** English texts for offerings, applications, enrolments, info meetings and the intake pipeline (issue 6); must match the Danish key for key. */
export const enrolmentEn: DictionaryOf<typeof enrolmentDa> = {
  title: 'Enrolment',
};

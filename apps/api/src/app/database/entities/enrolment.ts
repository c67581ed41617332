import { Enrolment } from './enrolment.entity';
import { Offering } from './offering.entity';

export { Enrolment, Offering };

/** The entities of enrolment: each class in its own file beside this one, listed here. */
export const ENROLMENT_ENTITIES: (new () => object)[] = [Offering, Enrolment];

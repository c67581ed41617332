/** The entities of enrolment: each class in its own file beside this one, listed here. */
export const ENROLMENT_ENTITIES: (new () => object)[] = [];

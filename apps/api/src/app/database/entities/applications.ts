/** The entities of applications: each class in its own file beside this one, listed here. */
export const APPLICATION_ENTITIES: (new () => object)[] = [];

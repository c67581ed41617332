/** The entities of newsletters: each class in its own file beside this one, listed here. */
export const NEWSLETTER_ENTITIES: (new () => object)[] = [];

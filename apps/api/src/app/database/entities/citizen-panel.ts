/** The entities of citizen panel: each class in its own file beside this one, listed here. */
export const CITIZEN_PANEL_ENTITIES: (new () => object)[] = [];

/** The signed-in frame's code (Angular Material's sidenav and the menu), fetched on demand. */
export const loadSignedInFrame = () => import('./signed-in-frame');

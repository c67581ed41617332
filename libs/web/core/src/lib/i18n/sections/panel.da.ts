/** Danish texts for the citizen panel: sign-up, confirmation, preferences, import (issue 5). */
export const panelDa = {
  title: 'Borgerpanel',
};

import { PanelConsent } from './panel-consent.entity';
import { PanelImport } from './panel-import.entity';
import { PanelSubscriber } from './panel-subscriber.entity';
import { PanelToken } from './panel-token.entity';

export { PanelConsent, PanelImport, PanelSubscriber, PanelToken };
export type { PanelConsentAction } from './panel-consent.entity';

/** The entities of citizen panel: each class in its own file beside this one, listed here. */
export const CITIZEN_PANEL_ENTITIES: (new () => object)[] = [
  PanelSubscriber,
  PanelConsent,
  PanelToken,
  PanelImport,
];

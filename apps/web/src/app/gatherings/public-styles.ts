import { PLAIN_BUTTON_STYLES } from '../shared/plain-button.styles';

/** Native labelled fields (`.field` with a label, an input or select, and `.error`). */
export const FIELD_STYLES = `
  .field {
    display: flex;
    flex-direction: column;
    gap: 4px;
    margin-block-end: 16px;
  }
  .field label {
    font: var(--mat-sys-title-small);
  }
  .field input,
  .field select {
    box-sizing: border-box;
    min-block-size: 48px;
    padding: 8px 12px;
    border: 1px solid var(--mat-sys-outline);
    border-radius: var(--mat-sys-corner-small);
    background: var(--mat-sys-surface);
    color: var(--mat-sys-on-surface);
    font: var(--mat-sys-body-large);
  }
  .field input:focus-visible,
  .field select:focus-visible {
    outline: 2px solid var(--mat-sys-primary);
  }
  .field .error {
    margin: 0;
    color: var(--mat-sys-error);
  }
`;

/**
 * The public gathering pages load no Angular Material (they must open fast on a weak
 * connection): native fields and the plain buttons, in the theme's tokens.
 */
export const PUBLIC_STYLES = `
  ${PLAIN_BUTTON_STYLES}
  h1 {
    margin: 0 0 4px;
    font: var(--mat-sys-headline-small);
    overflow-wrap: anywhere;
  }
  .about {
    margin: 0 0 16px;
    font: var(--mat-sys-body-large);
  }
  .about p {
    margin: 4px 0;
  }
  .when {
    font: var(--mat-sys-title-medium);
    color: var(--mat-sys-primary);
  }
  ${FIELD_STYLES}
  .note {
    color: var(--mat-sys-on-surface-variant);
  }
  .box {
    margin-block: 16px;
    padding: 16px;
    border-radius: var(--mat-sys-corner-large);
    background: var(--mat-sys-surface-container);
  }
  .code-text {
    font: var(--mat-sys-headline-small);
    letter-spacing: 0.15em;
  }
`;

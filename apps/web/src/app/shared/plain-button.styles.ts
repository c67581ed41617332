/**
 * Native buttons styled with the theme's tokens, at least 48 px high, for the pages that load no
 * Angular Material (sign-in, answering a questionnaire): `plain-button` with `text`, `outlined`
 * or `filled`.
 */
export const PLAIN_BUTTON_STYLES = `
  .plain-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    min-block-size: 48px;
    padding: 0 24px;
    border: 1px solid transparent;
    border-radius: var(--mat-sys-corner-full);
    background: transparent;
    color: var(--mat-sys-primary);
    font: var(--mat-sys-label-large);
    text-decoration: none;
    cursor: pointer;
  }
  .plain-button:hover {
    background: color-mix(in srgb, var(--mat-sys-primary) 8%, transparent);
  }
  .plain-button.text {
    padding-inline: 12px;
  }
  .plain-button.outlined {
    border-color: var(--mat-sys-outline);
  }
  .plain-button.filled {
    background: var(--mat-sys-primary);
    color: var(--mat-sys-on-primary);
  }
  .plain-button.filled:hover {
    background: color-mix(in srgb, var(--mat-sys-on-primary) 8%, var(--mat-sys-primary));
    box-shadow: var(--mat-sys-level1);
  }
  .plain-button[aria-busy='true'] {
    opacity: 0.7;
    cursor: progress;
  }
`;

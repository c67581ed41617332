/** The voting page's look: native controls with the theme's tokens, targets of 48 px and more. */
export const VOTE_STYLES = `
  .intro,
  .description {
    white-space: pre-line;
  }
  .ideas {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 12px;
  }
  .idea {
    padding: 16px;
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: var(--mat-sys-corner-medium);
    background: var(--mat-sys-surface-container-low);
  }
  h2 {
    margin: 0 0 4px;
    font: var(--mat-sys-title-medium);
  }
  .description {
    margin: 0 0 8px;
    color: var(--mat-sys-on-surface-variant);
  }
  .dots-row {
    display: flex;
    align-items: center;
    gap: 12px;
  }
  .dot-button {
    inline-size: 56px;
    block-size: 56px;
    flex: none;
    border: 1px solid var(--mat-sys-outline);
    border-radius: var(--mat-sys-corner-full);
    background: var(--mat-sys-surface);
    color: var(--mat-sys-primary);
    font-size: 28px;
    line-height: 1;
    cursor: pointer;
  }
  .dot-button:disabled {
    color: var(--mat-sys-on-surface-variant);
    border-color: var(--mat-sys-outline-variant);
    cursor: default;
  }
  .dot-button:focus-visible,
  input:focus-visible,
  .submit:focus-visible {
    outline: 3px solid var(--mat-sys-primary);
    outline-offset: 2px;
  }
  .mine {
    flex: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 4px;
    font: var(--mat-sys-body-medium);
  }
  .pips {
    display: flex;
    gap: 4px;
    min-block-size: 16px;
  }
  .pip {
    inline-size: 16px;
    block-size: 16px;
    border-radius: 50%;
    background: var(--mat-sys-primary);
  }
  .check {
    display: flex;
    align-items: center;
    gap: 12px;
    min-block-size: 48px;
    font: var(--mat-sys-body-large);
    cursor: pointer;
  }
  .check input {
    inline-size: 24px;
    block-size: 24px;
    flex: none;
  }
  .helper {
    display: grid;
    gap: 4px;
    margin: 16px 0 0;
    padding: 16px;
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: var(--mat-sys-corner-medium);
  }
  legend {
    font: var(--mat-sys-title-medium);
  }
  .hint {
    margin: 0 0 8px;
    font: var(--mat-sys-body-small);
    color: var(--mat-sys-on-surface-variant);
  }
  .helper label:not(.check) {
    margin-block-start: 8px;
    font: var(--mat-sys-body-medium);
    color: var(--mat-sys-on-surface-variant);
  }
  .helper input:not([type='checkbox']) {
    box-sizing: border-box;
    inline-size: 100%;
    block-size: 48px;
    padding: 0 12px;
    border: 1px solid var(--mat-sys-outline);
    border-radius: var(--mat-sys-corner-extra-small);
    background: transparent;
    color: var(--mat-sys-on-surface);
    font: var(--mat-sys-body-large);
  }
  .field-error {
    margin: 0;
    font: var(--mat-sys-body-small);
    color: var(--mat-sys-error);
  }
  .bar {
    position: sticky;
    inset-block-end: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 8px;
    margin-block-start: 16px;
    padding: 12px 0;
    background: var(--mat-sys-surface);
  }
  .left {
    margin: 0;
    font: var(--mat-sys-title-medium);
  }
  .submit {
    min-block-size: 56px;
    padding: 0 24px;
    border: none;
    border-radius: var(--mat-sys-corner-full);
    background: var(--mat-sys-primary);
    color: var(--mat-sys-on-primary);
    font: var(--mat-sys-label-large);
    cursor: pointer;
  }
  .saved {
    padding: 12px;
    border-radius: var(--mat-sys-corner-small);
    background: var(--mat-sys-secondary-container);
    color: var(--mat-sys-on-secondary-container);
  }
`;

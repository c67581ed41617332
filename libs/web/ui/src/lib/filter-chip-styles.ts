/**
 * The shared look of a row of filter buttons, `<div class="chips"><button class="chip"
 * [attr.aria-pressed]>`: 48 px pill buttons that wrap, the pressed one in the secondary
 * container colours. A page puts it in its `styles` and sets the row's margins after it.
 */
export const FILTER_CHIP_STYLES = `
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .chip {
    min-block-size: 48px;
    padding: 0 16px;
    border: 1px solid var(--mat-sys-outline);
    border-radius: var(--mat-sys-corner-full);
    background: transparent;
    color: var(--mat-sys-on-surface);
    font: var(--mat-sys-label-large);
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    background: var(--mat-sys-secondary-container);
    color: var(--mat-sys-on-secondary-container);
    border-color: transparent;
  }
`;

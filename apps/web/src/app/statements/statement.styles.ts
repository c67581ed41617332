import { PLAIN_BUTTON_STYLES } from '../shared/plain-button.styles';

/**
 * The two statements are light pages like `/svar/…` and `/moede/…`: no Angular Material, plain
 * text in the theme's tokens, a reading width, links and buttons at least 48 px high.
 */
export const STATEMENT_STYLES = `
  ${PLAIN_BUTTON_STYLES}
  :host {
    display: block;
  }
  .statement {
    max-inline-size: 680px;
    margin-inline: auto;
  }
  h1 {
    margin: 0 0 8px;
    font: var(--mat-sys-headline-small);
    overflow-wrap: anywhere;
  }
  h2 {
    margin: 32px 0 8px;
    font: var(--mat-sys-title-large);
  }
  h3 {
    margin: 24px 0 4px;
    font: var(--mat-sys-title-medium);
  }
  p,
  li {
    font: var(--mat-sys-body-large);
  }
  p {
    margin: 0 0 12px;
  }
  .lead {
    font: var(--mat-sys-body-large);
    color: var(--mat-sys-on-surface-variant);
  }
  .note {
    color: var(--mat-sys-on-surface-variant);
    font: var(--mat-sys-body-medium);
  }
  ul.plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  ul.points {
    margin: 0 0 12px;
    padding-inline-start: 24px;
  }
  ul.points li {
    margin-block-end: 8px;
  }
  .item {
    padding: 12px 16px;
    margin-block-end: 8px;
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: var(--mat-sys-corner-medium);
    background: var(--mat-sys-surface);
  }
  .item p {
    margin: 0 0 4px;
  }
  details summary {
    display: flex;
    align-items: center;
    min-block-size: 48px;
    color: var(--mat-sys-primary);
    font: var(--mat-sys-label-large);
    cursor: pointer;
  }
  .link {
    display: inline-flex;
    align-items: center;
    min-block-size: 48px;
    overflow-wrap: anywhere;
  }
  .loading {
    font: var(--mat-sys-title-medium);
  }
  .failed {
    margin-block: 8px;
    border-radius: var(--mat-sys-corner-medium);
    background: var(--mat-sys-surface-container);
  }
  code {
    font-size: 0.95em;
    overflow-wrap: anywhere;
  }
`;

/** The editor page's styles: one column on a phone, large targets, the save bar at the bottom. */
export const SURVEY_EDITOR_STYLES = `
  h2 {
    font: var(--mat-sys-title-large);
    margin: 24px 0 8px;
  }
  .notice {
    padding: 12px 16px;
    border-inline-start: 4px solid var(--mat-sys-secondary);
    border-radius: var(--mat-sys-corner-medium);
    background: var(--mat-sys-secondary-container);
    color: var(--mat-sys-on-secondary-container);
  }
  .settings {
    display: grid;
    gap: 12px;
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
    gap: 12px;
  }
  .hint {
    margin: 0;
    font: var(--mat-sys-body-small);
    color: var(--mat-sys-on-surface-variant);
  }
  .page {
    margin-block: 16px;
    padding: 12px;
    border-radius: var(--mat-sys-corner-medium);
    background: var(--mat-sys-surface-container-low);
  }
  .page-head,
  .line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }
  .page-title,
  .q-text {
    flex: 1 1 200px;
    min-inline-size: 0;
  }
  .row-buttons {
    display: flex;
    flex: none;
  }
  .row-buttons button {
    inline-size: 48px;
    block-size: 48px;
  }
  .questions {
    margin: 12px 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 8px;
  }
  .question {
    padding: 8px 12px;
    border-radius: var(--mat-sys-corner-small);
    background: var(--mat-sys-surface);
    border: 1px solid var(--mat-sys-outline-variant);
  }
  .question.open {
    border-color: var(--mat-sys-primary);
  }
  .q-text {
    display: grid;
    gap: 2px;
    overflow-wrap: anywhere;
  }
  .q-kind {
    font: var(--mat-sys-body-small);
    color: var(--mat-sys-on-surface-variant);
  }
  .kinds {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .kinds legend {
    font: var(--mat-sys-title-small);
    margin-block-end: 8px;
  }
  .kinds button,
  .add,
  .delete,
  .save-row button {
    min-block-size: 48px;
  }
  .save-bar {
    position: sticky;
    inset-block-end: 0;
    z-index: 1;
    margin-block-start: 16px;
    padding: 12px 0;
    background: var(--mat-sys-surface);
    border-block-start: 1px solid var(--mat-sys-outline-variant);
  }
  .save-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }
  .state {
    font: var(--mat-sys-body-small);
    color: var(--mat-sys-on-surface-variant);
  }
  .error {
    margin: 0 0 8px;
    color: var(--mat-sys-error);
  }
`;

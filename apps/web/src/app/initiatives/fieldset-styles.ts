/** The initiative form's groups of fields: a plain column under a small title. */
export const FIELDSET_STYLES = `
  fieldset {
    display: grid;
    gap: 8px;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    margin-block-end: 4px;
    font: var(--mat-sys-title-small);
  }
`;

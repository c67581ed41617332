/**
 * What the module list and each module's lesson list share: a drag handle, the line of details
 * under a title, and how a dragged row and the gap it leaves look.
 */
export const REORDER_STYLES = `
  :host {
    display: block;
  }
  .meta {
    font: var(--mat-sys-body-small);
    color: var(--mat-sys-on-surface-variant);
  }
  .handle {
    cursor: grab;
  }
  .cdk-drag-preview {
    box-shadow: var(--mat-sys-level3);
  }
  .cdk-drag-placeholder {
    opacity: 0.4;
  }
`;

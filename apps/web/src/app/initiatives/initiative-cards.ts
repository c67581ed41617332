/**
 * The cards initiatives are listed as (on the village's initiatives and on a goal's page): a list
 * without bullets, and each card a large link on the surface colour. Each list sets its own gap.
 */
export const INITIATIVE_CARDS_STYLES = `
  .cards {
    display: grid;
    padding: 0;
    list-style: none;
  }
  .card {
    display: grid;
    gap: 4px;
    min-block-size: 48px;
    padding: 12px 16px;
    border-radius: 12px;
    background: var(--mat-sys-surface-container);
    color: var(--mat-sys-on-surface);
    text-decoration: none;
  }
`;

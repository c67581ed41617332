/**
 * The shared look of a list of link cards, `<ul class="cards"><li><a class="card">`: a grid
 * without bullets, each card a padded, rounded link in the surface colours. A page puts it
 * first in its `styles` and adds its own columns, gaps and colours after it.
 */
export const CARD_LIST_STYLES = `
  .cards {
    display: grid;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .card {
    display: flex;
    flex-direction: column;
    padding: 16px;
    border-radius: var(--mat-sys-corner-medium);
    color: var(--mat-sys-on-surface);
    text-decoration: none;
  }
`;

import { CARD_LIST_STYLES } from '@blup/web/ui';

/** The question cards of `/hjaelp` and `/hotline`: the house's card list, outlined. */
export const QUESTION_CARD_STYLES = `
  ${CARD_LIST_STYLES}
  .cards {
    gap: 12px;
  }
  .card {
    gap: 4px;
    border: 1px solid var(--mat-sys-outline-variant);
  }
  .card:focus-visible {
    outline: 3px solid var(--mat-sys-primary);
  }
  .meta {
    color: var(--mat-sys-on-surface-variant);
  }
`;

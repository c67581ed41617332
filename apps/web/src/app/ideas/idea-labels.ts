import type { IdeaListStatus } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

/** The words for a list's status. */
export function ideaListStatusKey(status: IdeaListStatus): TranslationKey {
  return `ideas.status.${status}`;
}

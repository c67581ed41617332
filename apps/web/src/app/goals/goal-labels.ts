import type { GoalStatus } from '@blup/contracts';
import type { TranslationKey } from '@blup/web/core';

export function goalStatusKey(status: GoalStatus): TranslationKey {
  return `goals.status.${status}`;
}

import { LessonKind } from '@blup/contracts';
import type { IconName } from '@blup/web/ui';

export const LESSON_KIND_ICONS: Record<LessonKind, IconName> = {
  [LessonKind.Video]: 'play',
  [LessonKind.Text]: 'article',
  [LessonKind.Resource]: 'download',
};

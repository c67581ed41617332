import { LibraryLinkTarget } from '@blup/contracts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const PATHS: readonly [RegExp, LibraryLinkTarget][] = [
  [/\/sessions\//, LibraryLinkTarget.Session],
  [/\/lessons\//, LibraryLinkTarget.Lesson],
  [/\/newsletters\//, LibraryLinkTarget.Newsletter],
];

/**
 * What a pasted address or id names: the last id in it and, when the address says so
 * (`/sessions/…`, `/lessons/…`, `/newsletters/…`), what kind of page it is. Null without an id.
 */
export function linkFromAddress(
  text: string,
): { targetId: string; target: LibraryLinkTarget | null } | null {
  const ids = text.match(UUID);
  if (!ids) return null;
  const target = PATHS.find(([path]) => path.test(text))?.[1] ?? null;
  return { targetId: ids[ids.length - 1].toLowerCase(), target };
}

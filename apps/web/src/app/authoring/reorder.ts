/** A copy of `items` with the one at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const copy = [...items];
  if (from < 0 || from >= copy.length) return copy;
  const target = Math.min(Math.max(to, 0), copy.length - 1);
  const [item] = copy.splice(from, 1);
  copy.splice(target, 0, item);
  return copy;
}

/** Whether moving changes anything. */
export function isMove(length: number, from: number, to: number): boolean {
  return from !== to && from >= 0 && to >= 0 && from < length && to < length;
}

/** The ids in order, for `PUT …/order`. */
export const idsOf = (items: readonly { id: string }[]): string[] => items.map((item) => item.id);

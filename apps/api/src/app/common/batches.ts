/** Rows one retention statement changes at most, so no statement holds many locks for long. */
export const RETENTION_BATCH = 500;

/**
 * Runs `step` (which changes at most `size` rows and says how many it changed) until a step
 * changes fewer than `size`; returns the rows changed in all. A step must leave the rows it
 * changed out of its next run, or this never ends.
 */
export async function inBatches(
  step: (limit: number) => Promise<number>,
  size = RETENTION_BATCH,
): Promise<number> {
  let total = 0;
  for (;;) {
    const changed = await step(size);
    total += changed;
    if (changed < size) return total;
  }
}

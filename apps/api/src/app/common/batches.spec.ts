import { inBatches } from './batches';

describe('inBatches', () => {
  it('runs full batches until one comes back short, and adds up what they changed', async () => {
    let left = 1203;
    const limits: number[] = [];
    const total = await inBatches(async (limit) => {
      limits.push(limit);
      const changed = Math.min(limit, left);
      left -= changed;
      return changed;
    }, 500);
    expect(total).toBe(1203);
    expect(limits).toEqual([500, 500, 500]);
  });

  it('stops after one empty batch, and after an exactly full one plus an empty one', async () => {
    const empty: number[] = [];
    expect(await inBatches(async (limit) => (empty.push(limit), 0))).toBe(0);
    expect(empty).toEqual([500]);
    const results = [500, 0];
    expect(await inBatches(async () => results.shift() ?? 0)).toBe(500);
    expect(results).toEqual([]);
  });
});

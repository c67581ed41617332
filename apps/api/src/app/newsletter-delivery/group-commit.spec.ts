import { GroupCommit } from './group-commit';

/** A write that waits until the test lets it finish, recording each group it was given. */
function steppedWrite() {
  const groups: string[][] = [];
  const gates: (() => void)[] = [];
  let fail: Error | null = null;
  const write = async (items: readonly string[]): Promise<ReadonlySet<string>> => {
    groups.push([...items]);
    await new Promise<void>((resolve) => gates.push(resolve));
    if (fail) throw fail;
    return new Set(items.filter((i) => !i.startsWith('stale')));
  };
  return {
    groups,
    write,
    finishNext: async () => {
      gates.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
    failWith: (error: Error | null) => (fail = error),
  };
}

describe(GroupCommit.name, () => {
  it('writes the first item at once and the ones added meanwhile together in the next write', async () => {
    const w = steppedWrite();
    const sut = new GroupCommit<string>(w.write, (i) => i);
    const first = sut.add('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(w.groups).toEqual([['a']]);
    const rest = ['b', 'c', 'd'].map((i) => sut.add(i));
    expect(w.groups).toHaveLength(1);
    await w.finishNext();
    expect(await first).toBe(true);
    expect(w.groups).toEqual([['a'], ['b', 'c', 'd']]);
    await w.finishNext();
    expect(await Promise.all(rest)).toEqual([true, true, true]);
  });

  it('tells each caller whether its own item was written', async () => {
    const w = steppedWrite();
    const sut = new GroupCommit<string>(w.write, (i) => i);
    const results = Promise.all(['x', 'stale-y'].map((i) => sut.add(i)));
    await w.finishNext();
    await w.finishNext();
    expect(await results).toEqual([true, false]);
  });

  it('rejects the callers of a failed write and goes on with the next group', async () => {
    const w = steppedWrite();
    const sut = new GroupCommit<string>(w.write, (i) => i);
    w.failWith(new Error('database gone'));
    const failed = sut.add('a');
    await new Promise((resolve) => setImmediate(resolve));
    const later = sut.add('b');
    await w.finishNext();
    await expect(failed).rejects.toThrow('database gone');
    w.failWith(null);
    await w.finishNext();
    expect(await later).toBe(true);
    expect(w.groups).toEqual([['a'], ['b']]);
  });
});

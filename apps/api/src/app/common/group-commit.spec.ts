import { AsyncLocalStorage } from 'node:async_hooks';
import { GroupCommit } from './group-commit';

interface Item {
  key: string;
  value: number;
}

/** A store whose writes wait until released, recording each write's items and context. */
class SlowStore {
  readonly writes: Item[][] = [];
  readonly contexts: (string | undefined)[] = [];
  readonly saved = new Map<string, number>();
  private releases: (() => void)[] = [];

  constructor(private readonly context?: AsyncLocalStorage<string>) {}

  write = async (items: Item[]): Promise<number[]> => {
    this.writes.push(items);
    this.contexts.push(this.context?.getStore());
    await new Promise<void>((release) => this.releases.push(release));
    if (items.some((item) => item.value < 0)) throw new Error('negative value');
    return items.map((item) => {
      const total = (this.saved.get(item.key) ?? 0) + item.value;
      this.saved.set(item.key, total);
      return total;
    });
  };

  /** Lets every write started so far finish. */
  async release(): Promise<void> {
    const releases = this.releases;
    this.releases = [];
    for (const release of releases) release();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const item = (key: string, value: number): Item => ({ key, value });

describe(GroupCommit.name, () => {
  it('writes at once when idle, and gathers what arrives meanwhile into the next write', async () => {
    const store = new SlowStore();
    const sut = new GroupCommit(store.write, { key: (i: Item) => i.key, maxBatch: 10 });
    const first = sut.submit(item('a', 1));
    const later = [sut.submit(item('b', 2)), sut.submit(item('c', 3))];
    expect(store.writes).toEqual([[item('a', 1)]]);

    await store.release();
    expect(await first).toBe(1);
    expect(store.writes).toEqual([[item('a', 1)], [item('b', 2), item('c', 3)]]);
    await store.release();
    expect(await Promise.all(later)).toEqual([2, 3]);
  });

  it('with gatherIo, waits out the I/O round so what it submits goes in one write', async () => {
    const store = new SlowStore();
    const sut = new GroupCommit(store.write, {
      key: (i: Item) => i.key,
      maxBatch: 10,
      gatherIo: true,
    });
    const answers = [sut.submit(item('a', 1)), sut.submit(item('b', 2))];
    expect(store.writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.writes).toEqual([[item('a', 1), item('b', 2)]]);
    await store.release();
    expect(await Promise.all(answers)).toEqual([1, 2]);
  });

  it('answers nobody before the write carrying their item has returned', async () => {
    const store = new SlowStore();
    const sut = new GroupCommit(store.write, { key: (i: Item) => i.key, maxBatch: 10 });
    let answered = false;
    void sut.submit(item('a', 1)).then(() => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    await store.release();
    expect(answered).toBe(true);
  });

  it('never puts two items with one key in one write, and keeps their order', async () => {
    const store = new SlowStore();
    const sut = new GroupCommit(store.write, { key: (i: Item) => i.key, maxBatch: 10 });
    const answers = [
      sut.submit(item('x', 1)),
      sut.submit(item('a', 1)),
      sut.submit(item('a', 2)),
      sut.submit(item('b', 5)),
      sut.submit(item('a', 4)),
    ];
    for (let i = 0; i < 4; i++) await store.release();
    expect(store.writes).toEqual([
      [item('x', 1)],
      [item('a', 1), item('b', 5)],
      [item('a', 2)],
      [item('a', 4)],
    ]);
    expect(await Promise.all(answers)).toEqual([1, 1, 3, 5, 7]);
  });

  it('with concurrency, keeps that many writes in flight, never two on one key', async () => {
    const store = new SlowStore();
    const sut = new GroupCommit(store.write, {
      key: (i: Item) => i.key,
      maxBatch: 10,
      concurrency: 2,
    });
    const answers = [
      sut.submit(item('a', 1)),
      // A second write starts while the first is in flight, without 'a', whose write is.
      sut.submit(item('a', 2)),
      sut.submit(item('b', 5)),
      sut.submit(item('c', 1)),
    ];
    expect(store.writes).toEqual([[item('a', 1)], [item('b', 5)]]);
    for (let i = 0; i < 3; i++) await store.release();
    expect(store.writes).toEqual([[item('a', 1)], [item('b', 5)], [item('a', 2), item('c', 1)]]);
    expect(await Promise.all(answers)).toEqual([1, 3, 5, 1]);
  });

  it('takes at most maxBatch items per write', async () => {
    const store = new SlowStore();
    const sut = new GroupCommit(store.write, { key: (i: Item) => i.key, maxBatch: 2 });
    const answers = ['a', 'b', 'c', 'd', 'e'].map((key) => sut.submit(item(key, 1)));
    for (let i = 0; i < 3; i++) await store.release();
    expect(store.writes.map((write) => write.length)).toEqual([1, 2, 2]);
    expect(await Promise.all(answers)).toEqual([1, 1, 1, 1, 1]);
  });

  it('when a write fails as a whole, writes its items one by one so only the bad one fails', async () => {
    const store = new SlowStore();
    const sut = new GroupCommit(store.write, { key: (i: Item) => i.key, maxBatch: 10 });
    const first = sut.submit(item('a', 1));
    const good = sut.submit(item('b', 2));
    const bad = expect(sut.submit(item('c', -1))).rejects.toThrow('negative value');
    await store.release();
    await store.release(); // the batch [b, c] fails …
    await store.release(); // … and b and c are written alone
    expect(await first).toBe(1);
    expect(await good).toBe(2);
    await bad;
    expect(store.writes).toEqual([
      [item('a', 1)],
      [item('b', 2), item('c', -1)],
      [item('b', 2)],
      [item('c', -1)],
    ]);
    expect(store.saved).toEqual(
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
    );
  });

  it('runs each write in the context of a request it serves', async () => {
    const context = new AsyncLocalStorage<string>();
    const store = new SlowStore(context);
    const sut = new GroupCommit(store.write, { key: (i: Item) => i.key, maxBatch: 10 });
    const answers = [
      context.run('request 1', () => sut.submit(item('a', 1))),
      context.run('request 2', () => sut.submit(item('b', 1))),
      context.run('request 3', () => sut.submit(item('c', 1))),
    ];
    await store.release();
    await store.release();
    await Promise.all(answers);
    expect(store.contexts).toEqual(['request 1', 'request 2']);
  });
});

import { AsyncResource } from 'node:async_hooks';

export interface GroupCommitOptions<I> {
  /** Items with the same key never share a write: a later one waits for the next. */
  key: (item: I) => string;
  /** The most items one write takes. */
  maxBatch: number;
  /**
   * An item that finds nothing in flight waits for the end of the event loop's current I/O
   * phase (setImmediate, no timer), so the items that callbacks of the same I/O round submit
   * share its write. For a writer fed by many sockets at once (the newsletter lanes' 250s).
   */
  gatherIo?: boolean;
  /**
   * How many writes may be in flight at once (default 1). Writes in flight never share a key: an
   * item whose key is being written waits for that write, so one key's items stay in order and
   * two writes never touch the same row. More than one keeps the database busy while the next
   * batch gathers, for a writer whose statement time, not the API's CPU, sets the pace.
   */
  concurrency?: number;
}

interface Waiting<I, O> {
  item: I;
  key: string;
  resolve: (result: O) => void;
  reject: (error: unknown) => void;
  /** Starts the next write in the async context of the request that submitted this item. */
  start: () => void;
}

/**
 * Group commit for a hot write path: items submitted while a write is in flight wait for it,
 * then all go together in the next one (one multi-row statement instead of one each). There is
 * no timer: an item that finds nothing in flight is written at once, so a quiet server adds no
 * latency. Each submitter is answered with its own result only after the write that carried its
 * item has returned (committed), and with its own error: when a write fails as a whole (one bad
 * row fails the statement, and nothing of it is saved), its items are written again one by one.
 *
 * `write` gets the items in submission order and must answer one result per item, in that order.
 * Each write runs in the async context of one of its own submitters, so per-request bookkeeping
 * (the query counter, the request id in logs) stays with a request the write served.
 */
export class GroupCommit<I, O> {
  private readonly waiting: Waiting<I, O>[] = [];
  private inFlight = 0;
  /** The keys of the items in the writes in flight. */
  private readonly busy = new Set<string>();
  private gathering = false;

  constructor(
    private readonly write: (items: I[]) => Promise<O[]>,
    private readonly options: GroupCommitOptions<I>,
  ) {}

  submit(item: I): Promise<O> {
    const answer = new Promise<O>((resolve, reject) => {
      this.waiting.push({
        item,
        key: this.options.key(item),
        resolve,
        reject,
        start: AsyncResource.bind(() => void this.flush()),
      });
    });
    if (!this.canWrite() || this.gathering) return answer;
    if (this.options.gatherIo) {
      this.gathering = true;
      setImmediate(
        AsyncResource.bind(() => {
          this.gathering = false;
          if (this.canWrite()) void this.flush();
        }),
      );
    } else {
      void this.flush();
    }
    return answer;
  }

  private canWrite(): boolean {
    return this.inFlight < (this.options.concurrency ?? 1);
  }

  private async flush(): Promise<void> {
    const batch = this.takeBatch();
    // Every waiting item's key is being written: the write that ends first starts the next.
    if (batch.length === 0) return;
    this.inFlight += 1;
    for (const waiting of batch) this.busy.add(waiting.key);
    try {
      await this.writeBatch(batch);
    } finally {
      this.inFlight -= 1;
      for (const waiting of batch) this.busy.delete(waiting.key);
      if (this.canWrite()) this.waiting.find((waiting) => !this.busy.has(waiting.key))?.start();
    }
  }

  /**
   * The oldest waiting items, at most `maxBatch`, no two with the same key and none with a key
   * in flight; the rest stay.
   */
  private takeBatch(): Waiting<I, O>[] {
    const batch: Waiting<I, O>[] = [];
    const keys = new Set<string>();
    const left: Waiting<I, O>[] = [];
    for (const waiting of this.waiting) {
      if (
        batch.length < this.options.maxBatch &&
        !keys.has(waiting.key) &&
        !this.busy.has(waiting.key)
      ) {
        keys.add(waiting.key);
        batch.push(waiting);
      } else {
        left.push(waiting);
      }
    }
    this.waiting.splice(0, this.waiting.length, ...left);
    return batch;
  }

  private async writeBatch(batch: Waiting<I, O>[]): Promise<void> {
    let results: O[];
    try {
      results = await this.write(batch.map((waiting) => waiting.item));
    } catch (error) {
      if (batch.length === 1) batch[0].reject(error);
      else await Promise.all(batch.map((waiting) => this.writeBatch([waiting])));
      return;
    }
    if (results.length !== batch.length) {
      const error = new Error(`A group write answered ${results.length} of ${batch.length} items`);
      for (const waiting of batch) waiting.reject(error);
      return;
    }
    batch.forEach((waiting, i) => waiting.resolve(results[i]));
  }
}

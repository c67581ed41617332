/**
 * Writes items in groups: the first `add` writes at once; items added while a write runs wait
 * and go together in the next one. A caller's promise settles when the write holding its item
 * has: true if `write` reported the item's key as written, false if not, rejected if the write
 * failed (the caller may add it again). With N senders each waiting for its own item, a group
 * holds up to N items and no item waits longer than one write behind another: one UPDATE per
 * group instead of one per item, and nothing is marked before the caller asked.
 */
export class GroupCommit<T> {
  private pending: {
    item: T;
    resolve: (written: boolean) => void;
    reject: (e: unknown) => void;
  }[] = [];
  private running = false;

  constructor(
    private readonly write: (items: readonly T[]) => Promise<ReadonlySet<string>>,
    private readonly keyOf: (item: T) => string,
  ) {}

  add(item: T): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.pending.length) {
        const group = this.pending;
        this.pending = [];
        try {
          const written = await this.write(group.map((g) => g.item));
          for (const g of group) g.resolve(written.has(this.keyOf(g.item)));
        } catch (error) {
          for (const g of group) g.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

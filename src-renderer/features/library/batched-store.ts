/**
 * Values fetched by key, many at a time: rows of a long list ask for their own data as they
 * come into view, and the asks of one render are answered by one request. Components read it
 * through useSyncExternalStore (see use-batched.ts).
 */
export class BatchedStore<T> {
  private readonly values = new Map<string, T | null>();
  private readonly stale = new Set<string>();
  private readonly wanted = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;
  /** Bumped by invalidate(): a fetch that began before it may have read old values. */
  private epoch = 0;

  constructor(
    private readonly fetchMany: (keys: string[]) => Promise<Map<string, T>>,
    /** At most this many values are kept (the oldest go first): scrolling 100,000 rows is fine. */
    private readonly capacity = 2000,
  ) {}

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  /** The value; undefined until it is first fetched, null when there is none. */
  get = (key: string): T | null | undefined => {
    const known = this.values.has(key);
    if (!known || this.stale.has(key)) this.want(key);
    return this.values.get(key);
  };

  /** Marks a value as just used, so eviction takes the least recently used first. */
  touch(key: string): void {
    if (!this.values.has(key)) return;
    const value = this.values.get(key)!;
    this.values.delete(key);
    this.values.set(key, value);
  }

  /** What is known may be out of date: fetch it again, showing the old values meanwhile. */
  invalidate(): void {
    this.epoch++;
    for (const key of this.values.keys()) this.stale.add(key);
    for (const listener of this.listeners) listener();
  }

  private want(key: string) {
    this.wanted.add(key);
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => void this.fetch());
  }

  private async fetch() {
    this.scheduled = false;
    const keys = [...this.wanted];
    this.wanted.clear();
    for (const key of keys) this.stale.delete(key);
    const epoch = this.epoch;
    let found: Map<string, T>;
    try {
      found = await this.fetchMany(keys);
    } catch {
      // Keep what is shown; ask again next time these keys are read.
      for (const key of keys) if (this.values.has(key)) this.stale.add(key);
      return;
    }
    for (const key of keys) {
      this.values.delete(key); // re-inserted last: the most recently used
      this.values.set(key, found.get(key) ?? null);
      // Invalidated while this fetch ran: what it read may be older than the change.
      if (epoch !== this.epoch) this.stale.add(key);
    }
    for (const key of this.values.keys()) {
      if (this.values.size <= this.capacity) break;
      this.values.delete(key);
      this.stale.delete(key);
    }
    for (const listener of this.listeners) listener();
  }
}

/**
 * A small time-bounded cache of customer history counts, keyed by platform and lowercased handle.
 * It holds at most `maxEntries`: expired entries go first, then the oldest.
 */
export class HistoryCache {
  private readonly entries = new Map<string, { count: number; at: number }>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly now = () => Date.now(),
    private readonly maxEntries = 5000,
  ) {}

  private key(platform: string, handle: string) {
    return `${platform}:${handle.replace(/^@+/, '').toLowerCase()}`;
  }

  get(platform: string, handle: string): number | undefined {
    const key = this.key(platform, handle);
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at < this.ttlMs) return e.count;
    this.entries.delete(key);
    return undefined;
  }

  set(platform: string, handle: string, count: number): void {
    const key = this.key(platform, handle);
    this.entries.delete(key); // re-inserted last: the map's order is the entries' age
    if (this.entries.size >= this.maxEntries) this.evict();
    this.entries.set(key, { count, at: this.now() });
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Drops expired entries (the oldest come first), and the oldest live one if none had expired. */
  private evict(): void {
    const now = this.now();
    for (const [key, e] of this.entries) {
      if (now - e.at < this.ttlMs) break;
      this.entries.delete(key);
    }
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}

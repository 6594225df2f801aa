/** How history counts are keyed: platform and handle, without its @, case-insensitively. */
export const customerKey = (platform: string, handle: string) => `${platform}:${handle.replace(/^@+/, '').toLowerCase()}`;

/**
 * Sets `key` as the newest entry of a map kept in insertion order, dropping the oldest first when
 * the map already holds `max`.
 */
export function setNewest<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  if (map.size >= max) map.delete(map.keys().next().value!);
  map.set(key, value);
}

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

  get(platform: string, handle: string): number | undefined {
    const key = customerKey(platform, handle);
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (this.now() - e.at < this.ttlMs) return e.count;
    this.entries.delete(key);
    return undefined;
  }

  set(platform: string, handle: string, count: number): void {
    if (this.entries.size >= this.maxEntries) this.dropExpired();
    setNewest(this.entries, customerKey(platform, handle), { count, at: this.now() }, this.maxEntries);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Drops expired entries (the map's order is the entries' age: the oldest come first). */
  private dropExpired(): void {
    const now = this.now();
    for (const [key, e] of this.entries) {
      if (now - e.at < this.ttlMs) break;
      this.entries.delete(key);
    }
  }
}

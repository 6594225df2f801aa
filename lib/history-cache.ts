/** A small time-bounded cache of customer history counts, keyed by platform and lowercased handle. */
export class HistoryCache {
  private readonly entries = new Map<string, { count: number; at: number }>();

  constructor(private readonly ttlMs = 60_000, private readonly now = () => Date.now()) {}

  private key(platform: string, handle: string) {
    return `${platform}:${handle.replace(/^@+/, '').toLowerCase()}`;
  }

  get(platform: string, handle: string): number | undefined {
    const e = this.entries.get(this.key(platform, handle));
    return e && this.now() - e.at < this.ttlMs ? e.count : undefined;
  }

  set(platform: string, handle: string, count: number): void {
    this.entries.set(this.key(platform, handle), { count, at: this.now() });
  }

  clear(): void {
    this.entries.clear();
  }
}

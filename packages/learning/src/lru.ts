/**
 * A bounded map of promised values, least recently used out first, for the caches of
 * immutable rows: a promise is stored while still in flight, so concurrent misses of one key
 * share one read, and a promise that fails is forgotten, so the next request reads again.
 */
export class PromiseLru<V> {
  private readonly entries = new Map<string, Promise<V>>();

  constructor(private readonly size: number) {}

  /** The entry for `key`, now the most recently used; undefined on a miss. */
  get(key: string): Promise<V> | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  /** Stores `value` as the most recently used entry, evicting the least recently used beyond the bound. */
  set(key: string, value: Promise<V>): Promise<V> {
    value.catch(() => this.entries.delete(key));
    this.entries.set(key, value);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

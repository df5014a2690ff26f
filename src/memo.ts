const always = () => true;

/**
 * A per-isolate memo that cannot grow without limit: once it holds `max` values, or `maxBytes` of keys and values
 * (two bytes a character; `sizeOf` measures a value), it starts again empty. For values asked for again and again (a
 * reader's User-Agent, a polled URL, a rendered `since` view), where the few that matter are back in the map after
 * one miss each.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();
  private size = 0;
  constructor(
    private readonly max: number,
    private readonly maxBytes = 1024 * 1024,
    private readonly sizeOf: (value: V) => number = (value) => (typeof value === 'string' ? value.length * 2 : 64),
  ) {}

  /** The bytes of keys and values kept now. */
  get bytes(): number {
    return this.size;
  }

  /** The value kept for `key`, if any. */
  peek(key: string): V | undefined {
    return this.values.get(key);
  }

  /**
   * The value for `key`, made with `make(key)` on a miss; kept only when `keep(key)` (default: always). Both take the
   * key, so that callers pass functions made once: a hit allocates nothing (a request path's garbage is what its
   * young-generation collections cost, docs/performance.md).
   */
  get(key: string, make: (key: string) => V, keep: (key: string) => boolean = always): V {
    let value = this.values.get(key);
    if (value !== undefined) return value;
    value = make(key);
    if (!keep(key)) return value;
    const bytes = key.length * 2 + this.sizeOf(value);
    if (this.values.size >= this.max || this.size + bytes > this.maxBytes) {
      this.values.clear();
      this.size = 0;
    }
    if (bytes > this.maxBytes) return value;
    this.values.set(key, value);
    this.size += bytes;
    return value;
  }
}

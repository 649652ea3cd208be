/**
 * Stand-in for `mnemonist/lru-cache` in the Lambda bundles (an esbuild alias set by infra/lib/bundling.ts
 * `LAMBDA_BUNDLE_ALIASES`). Its one user there is the DynamoDB client's endpoint-discovery cache
 * (`@aws-sdk/endpoint-cache`: `new LRUCache(capacity)`, then get, set, has, peek, clear), which the client builds
 * even with endpoint discovery off. The same least-recently-used behaviour on a Map (insertion order is recency),
 * without mnemonist and its iterator library (−7 KB).
 */
export default class LRUCache<K, V> {
  private readonly items = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.items.size;
  }

  /** The value, now the most recently used. */
  get(key: K): V | undefined {
    if (!this.items.has(key)) return undefined;
    const value = this.items.get(key) as V;
    this.items.delete(key);
    this.items.set(key, value);
    return value;
  }

  /** The value, without touching its recency. */
  peek(key: K): V | undefined {
    return this.items.get(key);
  }

  has(key: K): boolean {
    return this.items.has(key);
  }

  /** Stores the value as the most recently used; beyond the capacity the least recently used one goes. */
  set(key: K, value: V): this {
    this.items.delete(key);
    this.items.set(key, value);
    if (this.items.size > this.capacity) this.items.delete(this.items.keys().next().value as K);
    return this;
  }

  clear(): void {
    this.items.clear();
  }
}

import { describe, expect, it } from 'vitest';
import LRUCache from './lru-cache.ts';

describe('the LRU cache the Lambda bundles use instead of mnemonist', () => {
  it('evicts the least recently used entry beyond its capacity; get refreshes, peek does not', () => {
    const cache = new LRUCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3); // evicts b
    expect([cache.has('a'), cache.has('b'), cache.has('c')]).toEqual([true, false, true]);
    expect(cache.peek('a')).toBe(1); // does not refresh a
    cache.set('c', 30); // refreshes c
    cache.set('d', 4); // evicts a
    expect([cache.has('a'), cache.peek('c'), cache.get('d'), cache.size]).toEqual([false, 30, 4, 2]);
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get('c')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { TransactItem } from './transact.ts';
import { groupWhole } from './transact-groups.ts';

const put = (pk: string, sk = 'A'): TransactItem => ({ Put: { TableName: 't', Item: { pk, sk } } });
/** A unit of `n` items on its own keys. */
const unit = (name: string, n: number) => ({
  name,
  items: Array.from({ length: n }, (_, i) => put(name, String(i))),
});
const names = (groups: { name: string }[][]) => groups.map((g) => g.map((u) => u.name));

describe('grouping whole changes into transactions', () => {
  it('packs units in order up to the item limit, never splitting one', () => {
    const units = ['a', 'b', 'c', 'd', 'e'].map((n) => unit(n, 30));
    expect(names(groupWhole(units))).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(names(groupWhole(units, 60))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('gives a unit too big to share a transaction a group of its own', () => {
    expect(names(groupWhole([unit('a', 10), unit('big', 120), unit('c', 10)]))).toEqual([
      ['a'],
      ['big'],
      ['c'],
    ]);
  });

  it('never puts two operations on one item in a transaction', () => {
    const a = { name: 'a', items: [put('x'), put('shared')] };
    const b = {
      name: 'b',
      items: [put('y'), { Delete: { TableName: 't', Key: { pk: 'shared', sk: 'A' } } }],
    };
    const c = { name: 'c', items: [put('z')] };
    expect(names(groupWhole([a, b, c]))).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps a group under the size bound', () => {
    const wordy = (name: string) => ({
      name,
      items: [{ Put: { TableName: 't', Item: { pk: name, sk: 'A', text: 'x'.repeat(1000) } } }],
    });
    expect(names(groupWhole([wordy('a'), wordy('b'), wordy('c')], 100, 2500))).toEqual([['a', 'b'], ['c']]);
    expect(groupWhole([])).toEqual([]);
  });
});

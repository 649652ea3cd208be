import type { Db } from '@regie/db';
import { describe, expect, it } from 'vitest';
import type { Identity } from './auth.ts';
import { createUserStatus, USER_STATUS_TTL_MS } from './user-status.ts';

/** A table of one user record whose `disabled` flag the test flips; counts the reads. */
function fakeDb(tableName = 'users') {
  const state = { disabled: false, reads: 0 };
  const db = {
    tableName,
    doc: {
      async send() {
        state.reads++;
        return {
          Item: {
            key: 'ermelo.viewer',
            space: 'GM0233',
            name: 'V',
            roles: ['viewer'],
            disabled: state.disabled,
          },
        };
      },
    },
  } as unknown as Db;
  return { db, state };
}

const viewer: Identity = {
  user: 'ermelo.viewer',
  name: 'V',
  space: 'GM0233',
  roles: ['viewer'],
  reach: ['GM0233'],
};

describe('the per-process disabled check', () => {
  it('trusts a read for at most 60 s, and forgets at once where the change was made', async () => {
    let now = 1_000_000;
    const status = createUserStatus(USER_STATUS_TTL_MS, () => now);
    const { db, state } = fakeDb();
    expect(USER_STATUS_TTL_MS).toBeLessThanOrEqual(60_000);
    expect(await status.isDisabled(db, viewer)).toBe(false);
    state.disabled = true;
    now += USER_STATUS_TTL_MS - 1;
    expect(await status.isDisabled(db, viewer)).toBe(false);
    expect(state.reads).toBe(1);
    now += 1;
    expect(await status.isDisabled(db, viewer)).toBe(true);
    state.disabled = false;
    status.forget(db, 'GM0233', 'ermelo.viewer');
    expect(await status.isDisabled(db, viewer)).toBe(false);
    expect(state.reads).toBe(3);
  });

  it('keeps tables apart (tests run several in one process)', async () => {
    const status = createUserStatus();
    const one = fakeDb('one');
    const two = fakeDb('two');
    two.state.disabled = true;
    expect(await status.isDisabled(one.db, viewer)).toBe(false);
    expect(await status.isDisabled(two.db, viewer)).toBe(true);
  });
});

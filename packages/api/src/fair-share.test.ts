import { describe, expect, it } from 'vitest';
import { createFairShare } from './fair-share.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

function setup(overrides: { queue?: number } = {}) {
  let clock = 0;
  const share = createFairShare({
    alone: 3,
    shared: 1,
    queue: overrides.queue ?? 10,
    windowMs: 100,
    now: () => clock,
  });
  const enter = (space: string, log: string[], name: string) => {
    const entered = share.enter(space).then((release) => {
      log.push(name);
      return release as () => void;
    });
    return entered;
  };
  return { share, enter, advance: (ms: number) => (clock += ms) };
}

describe('fair share between tenants', () => {
  it('lets a space alone run up to `alone` requests, the rest in arrival order', async () => {
    const { share, enter } = setup();
    const log: string[] = [];
    const entries = ['a1', 'a2', 'a3', 'a4', 'a5'].map((name) => enter('GM0344', log, name));
    await tick();
    expect(log).toEqual(['a1', 'a2', 'a3']);
    expect(share.state('GM0344')).toEqual({ active: 3, waiting: 2 });
    const [r1] = await Promise.all(entries.slice(0, 3));
    r1!();
    r1!(); // a second release of the same request frees nothing more
    await tick();
    expect(log).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(share.state('GM0344')).toEqual({ active: 3, waiting: 1 });
  });

  it('gives a space only `shared` while another space is active, and never makes the other wait', async () => {
    const { share, enter, advance } = setup();
    const log: string[] = [];
    const busy = ['a1', 'a2', 'a3', 'a4', 'a5'].map((name) => enter('GM0344', log, name));
    await tick();
    // Harderwijk's request runs at once, beside Utrecht's three.
    const quiet = await enter('GM0243', log, 'q1');
    expect(log).toEqual(['a1', 'a2', 'a3', 'q1']);
    // From now on Utrecht is down to one in progress: its waiting requests pass only below that.
    const [r1, r2, r3] = await Promise.all(busy.slice(0, 3));
    r1!();
    r2!();
    await tick();
    expect(log).toEqual(['a1', 'a2', 'a3', 'q1']);
    r3!();
    await tick();
    expect(log).toEqual(['a1', 'a2', 'a3', 'q1', 'a4']);
    quiet();
    // Once Harderwijk has been quiet for the window, Utrecht has the process to itself again.
    advance(150);
    (await busy[3]!)();
    await tick();
    expect(log).toEqual(['a1', 'a2', 'a3', 'q1', 'a4', 'a5']);
    expect(share.state('GM0344')).toEqual({ active: 1, waiting: 0 });
    expect(share.state('GM0243')).toEqual({ active: 0, waiting: 0 });
  });

  it('refuses beyond the queue instead of holding unbounded work', async () => {
    const { share } = setup({ queue: 1 });
    for (let i = 0; i < 3; i++) await share.enter('GM0344');
    void share.enter('GM0344');
    expect(await share.enter('GM0344')).toBeNull();
  });

  it('refuses a space that spent its budget with the seconds until a token is back, and serves others', async () => {
    let clock = 0;
    const share = createFairShare({
      alone: 10,
      shared: 10,
      queue: 10,
      windowMs: 100,
      budget: { burst: 3, perSecond: 0.5 },
      now: () => clock,
    });
    for (let i = 0; i < 3; i++) expect(typeof (await share.enter('GM0344'))).toBe('function');
    expect(await share.enter('GM0344')).toEqual({ retryAfterSeconds: 2 });
    expect(typeof (await share.enter('GM0233'))).toBe('function'); // another space has its own bucket
    clock += 1000; // half a token back
    expect(await share.enter('GM0344')).toEqual({ retryAfterSeconds: 1 });
    clock += 1000;
    expect(typeof (await share.enter('GM0344'))).toBe('function');
    expect(await share.enter('GM0344')).toEqual({ retryAfterSeconds: 2 });
    clock += 60_000; // refilled up to the burst, not beyond
    for (let i = 0; i < 3; i++) expect(typeof (await share.enter('GM0344'))).toBe('function');
    expect(await share.enter('GM0344')).toEqual({ retryAfterSeconds: 2 });
  });
});

/**
 * Fair share between tenants in one API process. One process serves every tenant locally, and one event loop
 * shares its time by what is in flight — so a tenant with many concurrent requests would take the loop from
 * everyone else (docs/benchmarks.md, load and isolation). A space may have `alone` requests in progress while no
 * other space has sent one within `windowMs`, and `shared` while others have; its further requests wait their
 * turn in arrival order (up to `queue` of them, beyond which the caller is told to retry). In Lambda each
 * instance serves one request at a time, so this never waits there.
 */
export interface FairShare {
  /** A release function once the request may run, or null when the space's queue is full. */
  enter(space: string): Promise<(() => void) | null>;
  /** Requests in progress and waiting, per space (for tests). */
  state(space: string): { active: number; waiting: number };
}

export interface FairShareOptions {
  alone: number;
  shared: number;
  queue: number;
  windowMs: number;
  now?: () => number;
}

export function createFairShare(options: FairShareOptions): FairShare {
  const now = options.now ?? (() => performance.now());
  const spaces = new Map<string, { active: number; waiting: (() => void)[] }>();
  const lastSeen = new Map<string, number>();
  const limitFor = (space: string) => {
    const since = now() - options.windowMs;
    for (const [other, at] of lastSeen) {
      if (at < since) lastSeen.delete(other);
      else if (other !== space) return options.shared;
    }
    return options.alone;
  };
  const releaser = (space: string, s: { active: number; waiting: (() => void)[] }) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      s.active--;
      const limit = limitFor(space);
      while (s.waiting.length > 0 && s.active < limit) {
        s.active++;
        s.waiting.shift()!();
      }
      if (s.active === 0 && s.waiting.length === 0) spaces.delete(space);
    };
  };
  return {
    async enter(space) {
      lastSeen.delete(space); // re-inserted last: the map stays in order of last arrival
      lastSeen.set(space, now());
      let s = spaces.get(space);
      if (!s) {
        s = { active: 0, waiting: [] };
        spaces.set(space, s);
      }
      if (s.active < limitFor(space) && s.waiting.length === 0) {
        s.active++;
        return releaser(space, s);
      }
      if (s.waiting.length >= options.queue) return null;
      const state = s;
      await new Promise<void>((resolve) => state.waiting.push(resolve));
      return releaser(space, state);
    },
    state(space) {
      const s = spaces.get(space);
      return { active: s?.active ?? 0, waiting: s?.waiting.length ?? 0 };
    },
  };
}

/**
 * Fair share between tenants in one API process. One process serves every tenant locally, and one event loop
 * shares its time by what is in flight — so a tenant with many concurrent requests would take the loop from
 * everyone else (docs/benchmarks.md, load and isolation). A space may have `alone` requests in progress while no
 * other space has sent one within `windowMs`, and `shared` while others have; its further requests wait their
 * turn in arrival order (up to `queue` of them, beyond which the caller is told to retry). In Lambda each
 * instance serves one request at a time, so this never waits there.
 */
export interface FairShare {
  /**
   * A release function once the request may run; null when the space's queue is full; `{ retryAfterSeconds }`
   * when the space has spent its request budget (nothing is queued then: the caller is told when to come back).
   */
  enter(space: string): Promise<(() => void) | { retryAfterSeconds: number } | null>;
  /** Requests in progress and waiting, per space (for tests). */
  state(space: string): { active: number; waiting: number };
}

export interface FairShareOptions {
  alone: number;
  shared: number;
  queue: number;
  windowMs: number;
  /**
   * A token bucket per space: `burst` requests at once, refilled at `perSecond`. A request finding the bucket
   * empty is refused with the seconds until a token is back. Kept per process (in AWS per Lambda execution
   * environment), so each environment holds every tenant to its share; docs/security.md says why not DynamoDB.
   */
  budget?: { burst: number; perSecond: number };
  now?: () => number;
}

/** At most this many spaces' buckets are kept; a space not seen for long is dropped first (its bucket is full). */
const MAX_BUCKETS = 1_000;

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
  const buckets = new Map<string, { tokens: number; at: number }>();
  /** Takes a token of the space's bucket; the seconds to wait when there is none. */
  const spend = (space: string): number => {
    const budget = options.budget;
    if (!budget) return 0;
    const t = now();
    const b = buckets.get(space) ?? { tokens: budget.burst, at: t };
    b.tokens = Math.min(budget.burst, b.tokens + ((t - b.at) / 1000) * budget.perSecond);
    b.at = t;
    buckets.delete(space); // re-inserted last: the map stays in order of last use
    if (buckets.size >= MAX_BUCKETS) buckets.delete(buckets.keys().next().value!);
    buckets.set(space, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / budget.perSecond));
  };
  return {
    async enter(space) {
      const wait = spend(space);
      if (wait > 0) return { retryAfterSeconds: wait };
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

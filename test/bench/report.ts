import { median, percentile, time } from './stats.ts';

/** One row of the benchmark table (docs/benchmarks.md "Latest run"). */
export interface Row {
  section: string;
  what: string;
  measured: string;
  baseline: string;
  /** measured / baseline where the goal is a ratio. */
  ratio?: number;
  goal: string;
  /** Whether the goal is met; undefined when the row has no goal. */
  met?: boolean;
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;
export const kb = (bytes: number) => (bytes < 10_000 ? `${bytes} B` : `${(bytes / 1000).toFixed(0)} KB`);
export const lat = (sample: readonly number[], p = 99) =>
  `${ms(median(sample))} (p${p} ${percentile(sample, p).toFixed(2)})`;
export const log = (message: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Interleaves `a` and `b` in `blocks` blocks, so both see the same machine. */
export async function sideBySide(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  runs: number,
  blocks = 5,
) {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < blocks; i++) {
    as.push(...(await time(a, Math.ceil(runs / blocks))));
    bs.push(...(await time(b, Math.ceil(runs / blocks))));
  }
  return [as, bs] as const;
}

/** `workers` loops calling `fn` back to back for `seconds`: requests per second and latencies (ms). */
export async function closedLoop(fn: () => Promise<unknown>, workers: number, seconds: number) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await fn();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { rps: latencies.length / ((performance.now() - started) / 1000), latencies };
}

import { spawn } from 'node:child_process';
import { bundle } from './lambda.ts';

/**
 * How the bench's HTTP servers run (the bench API and the API floor, each in a process of its own):
 * - `bundle` (the default): the entry bundled by esbuild with the deployed Lambda options (lambda.ts, read from
 *   infra/lib/bundling.ts) and run by plain `node` — the code shape that serves in AWS;
 * - `tsx` (`BENCH_RUNTIME=tsx`): the TypeScript sources through tsx, as `npm start` runs them. tsx transforms with
 *   esbuild's `keepNames`, which wraps every function created at run time in a `__name(fn, "…")` call; code that
 *   builds closures per request pays for that here and never in AWS (docs/benchmarks.md, Floors).
 */
export type BenchRuntime = 'bundle' | 'tsx';

export const benchRuntime = (): BenchRuntime => (process.env.BENCH_RUNTIME === 'tsx' ? 'tsx' : 'bundle');

const bundled = new Map<string, Promise<string>>();

/** Starts `entry` (a server's main module) with `args`; it prints `{"url": …}` on its first line of output. */
export async function startServer(
  entry: string,
  args: readonly string[],
  label: string,
  runtime: BenchRuntime = benchRuntime(),
): Promise<{ url: string; stop(): Promise<void> }> {
  let command: string[];
  if (runtime === 'tsx') command = ['--import', 'tsx', entry];
  else {
    const file = bundled.get(entry) ?? bundle(entry).then((b) => b.file);
    bundled.set(entry, file);
    command = [await file];
  }
  const child = spawn(
    process.execPath,
    [
      // BENCH_CPU_PROF=<dir>: a V8 CPU profile of the process, written when it stops.
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []),
      ...command,
      ...args,
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`${label} exited with ${code}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

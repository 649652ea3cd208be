import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

/**
 * Load tooling shared by the load-isolation test (small, in `npm test`) and `npm run bench` (large): a lean
 * keep-alive HTTP client for timed sequential requests, an autocannon driver (loopback only, bounded by
 * connections and a stop), and the check every response body goes through: nothing of another tenant.
 */

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function loopbackOnly(url: string): URL {
  const parsed = new URL(url);
  if (!LOOPBACK.has(parsed.hostname)) throw new Error(`Load is only ever generated on loopback, not ${url}`);
  return parsed;
}

/** A tRPC GET path with its input, as the web app sends it; typed against the router. */
export { queryUrl as trpcPath } from './procedures.ts';

export interface Client {
  get(path: string, token: string): Promise<{ status: number; body: string }>;
  close(): void;
}

/** One keep-alive connection's worth of client: node:http, so the client's own cost stays small. */
export function httpClient(baseUrl: string): Client {
  const base = loopbackOnly(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    get: (path, token) =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            host: base.hostname,
            port: base.port,
            path,
            agent,
            headers: { authorization: `Bearer ${token}` },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
            );
            res.on('error', reject);
          },
        );
        req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
        req.on('error', reject);
        req.end();
      }),
    close: () => agent.destroy(),
  };
}

/**
 * A check for every response body of one tenant: each `space` field names a space in the caller's reach, and
 * no foreign space's code appears anywhere in the body. Returns a description of the first problem, or null.
 */
export function tenantCheck(reach: readonly string[], foreign: readonly string[]) {
  const visit = (value: unknown): string | null => {
    if (Array.isArray(value)) {
      for (const v of value) {
        const problem = visit(v);
        if (problem) return problem;
      }
    } else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'space' && typeof v === 'string' && !reach.includes(v)) return `space ${v} outside reach`;
        const problem = visit(v);
        if (problem) return problem;
      }
    }
    return null;
  };
  return (body: string): string | null => {
    for (const code of foreign) if (body.includes(code)) return `foreign space ${code} in body`;
    try {
      return visit(JSON.parse(body));
    } catch {
      return 'body is not JSON';
    }
  };
}

/** Times `count` sequential GETs (cycling through `paths`), checking status 200 and each body. */
export async function timeSequential(
  client: Client,
  options: {
    token: string;
    paths: readonly string[];
    reach: readonly string[];
    foreign: readonly string[];
    count: number;
  },
): Promise<{ ms: number[]; problems: string[] }> {
  const check = tenantCheck(options.reach, options.foreign);
  const ms: number[] = [];
  const problems: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const path = options.paths[i % options.paths.length]!;
    const started = performance.now();
    const response = await client.get(path, options.token);
    ms.push(performance.now() - started);
    if (response.status !== 200) problems.push(`${path}: status ${response.status}`);
    const problem = check(response.body);
    if (problem) problems.push(`${path}: ${problem}`);
  }
  return { ms, problems };
}

export interface Driven {
  /** Requests answered, requests per second, autocannon's latency percentiles (ms). */
  result: Promise<{
    requests: number;
    rps: number;
    p50: number;
    p99: number;
    non2xx: number;
    errors: number;
    problems: string[];
  }>;
  stop(): void;
  /** Resolves once the generator is sending (at once in this process, after its start in a child). */
  driving: Promise<void>;
}

/**
 * Drives `paths` hard with autocannon: `connections` connections, each sending its next request as soon as
 * the last is answered, until `durationSeconds` pass or `stop()` is called. Every response body is checked.
 */
export function drive(options: {
  url: string;
  token: string;
  paths: readonly string[];
  reach: readonly string[];
  foreign: readonly string[];
  connections: number;
  durationSeconds: number;
}): Driven {
  loopbackOnly(options.url);
  const check = tenantCheck(options.reach, options.foreign);
  const problems: string[] = [];
  let resolveResult: (r: autocannon.Result) => void = () => {};
  let rejectResult: (e: unknown) => void = () => {};
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  const instance = autocannon(
    {
      url: options.url,
      connections: options.connections,
      duration: options.durationSeconds,
      pipelining: 1,
      timeout: 10,
      headers: { authorization: `Bearer ${options.token}` },
      requests: options.paths.map((path) => ({
        method: 'GET' as const,
        path,
        onResponse: (status: number, body: string) => {
          if (status !== 200 && problems.length < 100) problems.push(`${path}: status ${status}`);
          const problem = check(body);
          if (problem && problems.length < 100) problems.push(`${path}: ${problem}`);
        },
      })),
    },
    (error, r) => (error ? rejectResult(error) : resolveResult(r)),
  );
  const result = finished.then((r) => ({
    requests: r.requests.total,
    rps: r.requests.total / (r.duration || 1),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
    problems,
  }));
  return { result, driving: Promise.resolve(), stop: () => instance.stop() };
}

type DriveOptions = Parameters<typeof drive>[0];
const self = fileURLToPath(import.meta.url);

/**
 * `drive` in a Node process of its own, so the load generator's work (autocannon, reading and checking every
 * body) does not run on the same thread as the client being measured or the server under test.
 */
export function driveInChild(options: DriveOptions): Driven {
  const child = fork(self, [JSON.stringify(options)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let ready: () => void = () => {};
  const driving = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const result = new Promise<Awaited<Driven['result']>>((resolve, reject) => {
    child.on('message', (message) => {
      if (message === 'driving') ready();
      else resolve(message as Awaited<Driven['result']>);
    });
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code} before reporting`)));
  });
  return {
    result,
    driving,
    stop: () => void driving.then(() => child.send('stop')),
  };
}

// As a child process (driveInChild): drive until told to stop, report, exit.
if (process.argv[1] === self && process.send) {
  const driven = drive(JSON.parse(process.argv[2]!) as DriveOptions);
  process.send('driving');
  process.on('message', (message) => {
    if (message === 'stop') driven.stop();
  });
  driven.result.then(
    (r) => process.send!(r, () => process.exit(0)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

/** A tenant's side of a load run: its token, the GETs it sends, and what its bodies may and may not name. */
export interface Tenant {
  token: string;
  paths: readonly string[];
  /** Spaces a `space` field may name. */
  reach: readonly string[];
  /** Space codes that must not appear anywhere in a body. */
  foreign: readonly string[];
}

export interface IsolationResult {
  /** The quiet tenant's sequential latencies (ms) alone, and while the noisy tenant is driven. */
  idle: number[];
  loaded: number[];
  /** What the noisy tenant got through in the loaded blocks. */
  noisyRequests: number;
  noisyRps: number;
  /** Any failed status or tenant check, quiet or noisy. */
  problems: string[];
}

/**
 * The quiet tenant's latency alone and while another tenant is driven by `connections` autocannon
 * connections, in `blocks` alternating idle/loaded blocks of `samples` requests each (alternating, so a
 * neighbour's work on a shared machine falls on both sides).
 */
export async function isolationUnderLoad(options: {
  url: string;
  quiet: Tenant;
  noisy: Tenant;
  connections: number;
  samples: number;
  blocks: number;
}): Promise<IsolationResult> {
  const client = httpClient(options.url);
  const out: IsolationResult = { idle: [], loaded: [], noisyRequests: 0, noisyRps: 0, problems: [] };
  const rps: number[] = [];
  try {
    await timeSequential(client, { ...options.quiet, count: 20 }); // warm-up
    for (let block = 0; block < options.blocks; block++) {
      const idle = await timeSequential(client, { ...options.quiet, count: options.samples });
      out.idle.push(...idle.ms);
      out.problems.push(...idle.problems);

      const load = driveInChild({
        url: options.url,
        ...options.noisy,
        connections: options.connections,
        durationSeconds: 120,
      });
      await load.driving;
      await new Promise((resolve) => setTimeout(resolve, 200)); // its connections are open and busy
      const loaded = await timeSequential(client, { ...options.quiet, count: options.samples });
      load.stop();
      const noisy = await load.result;
      out.loaded.push(...loaded.ms);
      out.problems.push(...loaded.problems, ...noisy.problems);
      if (noisy.errors > 0) out.problems.push(`noisy tenant: ${noisy.errors} connection errors`);
      out.noisyRequests += noisy.requests;
      rps.push(noisy.rps);
    }
  } finally {
    client.close();
  }
  out.noisyRps = rps.reduce((a, b) => a + b, 0) / (rps.length || 1);
  return out;
}

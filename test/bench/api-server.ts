import { fileURLToPath } from 'node:url';
import { type BenchRuntime, startServer } from './server-process.ts';

/**
 * The API for the benchmarks: the real Hono app with dev auth, in a process of its own (as in AWS, where the
 * API never shares a process with its callers), over a table on the benchmark's DynamoDB Local
 * (api-server-main.ts), bundled as deployed unless BENCH_RUNTIME=tsx (server-process.ts).
 */
export interface BenchApi {
  url: string;
  token(user: string): Promise<string>;
  stop(): Promise<void>;
}

const main = fileURLToPath(new URL('./api-server-main.ts', import.meta.url));

export async function startBenchApi(
  endpoint: string,
  tableName: string,
  runtime?: BenchRuntime,
): Promise<BenchApi> {
  const { url, stop } = await startServer(main, [endpoint, tableName], 'bench API', runtime);
  const tokens = new Map<string, string>();
  return {
    url,
    async token(user) {
      if (!tokens.has(user)) {
        const response = await fetch(`${url}/dev/token`, { method: 'POST', body: JSON.stringify({ user }) });
        if (!response.ok) throw new Error(`no token for ${user}: ${response.status}`);
        tokens.set(user, ((await response.json()) as { token: string }).token);
      }
      return tokens.get(user)!;
    },
    stop,
  };
}

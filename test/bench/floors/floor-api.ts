import { fileURLToPath } from 'node:url';
import { type BenchRuntime, startServer } from '../server-process.ts';

/**
 * The API floor of issue 17 point 7: the least a Hono + tRPC app does to answer `agreement.get` — one procedure
 * whose input is validated with zod/mini, and one GetItem of the item through the SDK's document client on the
 * same DynamoDB Local. No token, no tenant, no Regie code: what any app on this stack pays. It runs in a process
 * of its own, started like the bench API (test/bench/api-server.ts), so both sides pay the same process costs:
 * both bundled as deployed, or both through tsx (server-process.ts). The app is floor-api-main.ts.
 */
export interface FloorApi {
  url: string;
  stop(): Promise<void>;
}

const main = fileURLToPath(new URL('./floor-api-main.ts', import.meta.url));

export async function startFloorApi(
  endpoint: string,
  tableName: string,
  key: Record<string, string>,
  runtime?: BenchRuntime,
): Promise<FloorApi> {
  const args = [endpoint, tableName, JSON.stringify(key)];
  const { url, stop } = await startServer(main, args, 'floor API', runtime);
  return { url, stop };
}

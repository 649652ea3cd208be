import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, keys } from '@regie/db';
import { driveInChild, httpClient } from '../../support/load.ts';
import { rawQueryUrl } from '../../support/procedures.ts';
import type { BenchApi } from '../api-server.ts';
import { lat, type Row } from '../report.ts';
import { median, percentile, time } from '../stats.ts';
import { startFloorApi } from './floor-api.ts';

/**
 * Issue 17 point 7, API: Regie's `agreement.get` over HTTP against the floor — a minimal Hono + tRPC app in a
 * process of its own that reads the same item with one GetItem from the same DynamoDB Local (floor-api.ts).
 * Latency: sequential requests on one keep-alive connection each, floor, Regie and a direct GetItem from Node
 * interleaved in blocks. Throughput: autocannon in a process of its own, floor and Regie alternating.
 */
export async function apiFloors(options: {
  db: Db;
  endpoint: string;
  api: BenchApi;
  runs: number;
  seconds: number;
  log: (message: string) => void;
}): Promise<{ rows: Row[]; notes: string[] }> {
  const { db, api } = options;
  const space = 'GM0233';
  const id = 'erm-jh-2025';
  const key = keys.agreement(space, id);
  const floor = await startFloorApi(options.endpoint, db.tableName, key);
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    const token = await api.token('ermelo.viewer');
    const path = rawQueryUrl('agreement.get', { id });
    const regieClient = httpClient(api.url);
    const floorClient = httpClient(floor.url);
    const call = (client: typeof regieClient) => async () => {
      const response = await client.get(path, token);
      if (response.status !== 200) throw new Error(`agreement.get answered ${response.status}`);
      const data = JSON.parse(response.body).result.data as { id: string };
      if (data.id !== id) throw new Error('agreement.get: another item');
    };
    const direct = async () => {
      const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key }));
      if (!Item) throw new Error('no item');
    };
    options.log(`API floor: agreement.get, ${options.runs} sequential requests a side, interleaved`);
    const regie: number[] = [];
    const floored: number[] = [];
    const raw: number[] = [];
    const blocks = 10;
    for (let i = 0; i < blocks; i++) {
      const n = Math.ceil(options.runs / blocks);
      floored.push(...(await time(call(floorClient), n)));
      regie.push(...(await time(call(regieClient), n)));
      raw.push(...(await time(direct, n)));
    }
    regieClient.close();
    floorClient.close();
    rows.push({
      section: 'Floors',
      what: `agreement.get over HTTP as ermelo.viewer (Hono, tRPC, JWT, fair share, validation; after the first request one GetItem of the agreement, whose space the process has learnt: agreement-spaces.ts) vs the floor: a minimal Hono + tRPC app in its own process, zod/mini input, one GetItem of the same item; ${options.runs} sequential a side, interleaved (median, p95)`,
      measured: lat(regie, 95),
      baseline: lat(floored, 95),
      ratio: median(regie) / median(floored),
      goal: '≤ 1.3×',
    });
    rows.push({
      section: 'Floors',
      what: '… the floor vs a direct GetItem of the item from Node (no goal: what Hono, tRPC and HTTP cost here)',
      measured: lat(floored, 95),
      baseline: lat(raw, 95),
      ratio: median(floored) / median(raw),
      goal: '',
    });

    const connections = 8;
    const rounds = 2;
    options.log(`API floor: throughput, ${connections} connections, ${rounds} × ${options.seconds} s a side`);
    const drive = async (url: string) => {
      const r = await driveInChild({
        url,
        token,
        paths: [path],
        connections,
        durationSeconds: options.seconds,
        reach: [space],
        foreign: ['GM0243', 'GM0344'],
      }).result;
      if (r.non2xx || r.errors || r.problems.length)
        throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.problems[0]}`);
      return r;
    };
    const floorRuns = [];
    const regieRuns = [];
    for (let i = 0; i < rounds; i++) {
      floorRuns.push(await drive(floor.url));
      regieRuns.push(await drive(api.url));
    }
    const sum = (runs: { rps: number }[]) => runs.reduce((s, r) => s + r.rps, 0) / runs.length;
    const describe = (runs: { rps: number; p50: number; p99: number }[]) =>
      `${Math.round(sum(runs))} req/s (p50 ${median(runs.map((r) => r.p50))} ms, p99 ${Math.max(...runs.map((r) => r.p99))} ms)`;
    rows.push({
      section: 'Floors',
      what: `agreement.get throughput over HTTP (autocannon in its own process, ${connections} connections, ${rounds} × ${options.seconds} s alternating, every body checked) vs the floor`,
      measured: describe(regieRuns),
      baseline: describe(floorRuns),
      ratio: sum(regieRuns) / sum(floorRuns),
      goal: '≥ 0.75×',
    });
    notes.push(
      `API floor: p99 of the sequential runs — Regie ${percentile(regie, 99).toFixed(2)} ms, floor ${percentile(floored, 99).toFixed(2)} ms, direct GetItem ${percentile(raw, 99).toFixed(2)} ms.`,
    );
  } finally {
    await floor.stop();
  }
  return { rows, notes };
}

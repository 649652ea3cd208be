import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, keys } from '@regie/db';
import { driveInChild, httpClient } from '../../support/load.ts';
import { rawQueryUrl } from '../../support/procedures.ts';
import { type BenchApi, startBenchApi } from '../api-server.ts';
import { lat, type Row } from '../report.ts';
import { benchRuntime } from '../server-process.ts';
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
  const runtimeNote =
    benchRuntime() === 'bundle'
      ? "; both servers bundled with the Lambda's esbuild options and run by plain node, as deployed"
      : '; both servers through tsx (BENCH_RUNTIME=tsx)';
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
      what: `agreement.get over HTTP as ermelo.viewer (Hono, tRPC, JWT, fair share, validation; after the first request one GetItem of the agreement, whose space the process has learnt: agreement-spaces.ts) vs the floor: a minimal Hono + tRPC app in its own process, zod/mini input, one GetItem of the same item; ${options.runs} sequential a side, interleaved (median, p95)${runtimeNote}`,
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
    // Five pairs, the order turned each round; the ratio is the median of the pairs' ratios. On this shared VM a
    // neighbour's burst can take a fifth of a 5 s run from one side: two pairs swung the ratio from 0.57 to 0.81.
    const rounds = 5;
    options.log(
      `API floor: throughput, ${connections} connections, ${rounds} pairs of ${options.seconds} s runs`,
    );
    const drive = async (url: string, as = token) => {
      const r = await driveInChild({
        url,
        token: as,
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
    type Run = Awaited<ReturnType<typeof drive>>;
    /** `rounds` pairs of runs, floor first in even rounds and Regie first in odd ones. */
    const pairs = async (floorUrl: string, regieUrl: string, as = token) => {
      const floorRuns: Run[] = [];
      const regieRuns: Run[] = [];
      for (let i = 0; i < rounds; i++) {
        if (i % 2 === 0) floorRuns.push(await drive(floorUrl, as));
        regieRuns.push(await drive(regieUrl, as));
        if (i % 2 === 1) floorRuns.push(await drive(floorUrl, as));
      }
      return { floorRuns, regieRuns, ratio: median(regieRuns.map((r, i) => r.rps / floorRuns[i]!.rps)) };
    };
    const { floorRuns, regieRuns, ratio } = await pairs(floor.url, api.url);
    const sum = (runs: { rps: number }[]) => runs.reduce((s, r) => s + r.rps, 0) / runs.length;
    const describe = (runs: { rps: number; p50: number; p99: number }[]) =>
      `${Math.round(sum(runs))} req/s (p50 ${median(runs.map((r) => r.p50))} ms, p99 ${Math.max(...runs.map((r) => r.p99))} ms)`;
    rows.push({
      section: 'Floors',
      what: `agreement.get throughput over HTTP (autocannon in its own process, ${connections} connections, ${rounds} pairs of ${options.seconds} s runs, the order turned each pair, every body checked; the median of the pairs' ratios) vs the floor${runtimeNote}`,
      measured: describe(regieRuns),
      baseline: describe(floorRuns),
      ratio,
      goal: '≥ 0.75×',
    });
    if (benchRuntime() === 'bundle') {
      // The same measure with both servers through tsx, as every run before 2026-12-03 measured it: what tsx's
      // keepNames (a __name call for every function created at run time) costs each side (server-process.ts).
      options.log(`API floor: throughput again, both servers through tsx`);
      const tsxApi = await startBenchApi(options.endpoint, db.tableName, 'tsx');
      const tsxFloor = await startFloorApi(options.endpoint, db.tableName, key, 'tsx');
      try {
        const tsxToken = await tsxApi.token('ermelo.viewer');
        const tsx = await pairs(tsxFloor.url, tsxApi.url, tsxToken);
        rows.push({
          section: 'Floors',
          what: "… the same with both servers through tsx (TypeScript sources, as `npm start` and every run before 2026-12-03; tsx's keepNames wraps each function created at run time in a __name call, which the deployed bundle does not) (no goal: the comparison with earlier runs)",
          measured: describe(tsx.regieRuns),
          baseline: describe(tsx.floorRuns),
          ratio: tsx.ratio,
          goal: '',
        });
      } finally {
        await tsxApi.stop();
        await tsxFloor.stop();
      }
    }
    notes.push(
      `API floor: p99 of the sequential runs — Regie ${percentile(regie, 99).toFixed(2)} ms, floor ${percentile(floored, 99).toFixed(2)} ms, direct GetItem ${percentile(raw, 99).toFixed(2)} ms.`,
    );
  } finally {
    await floor.stop();
  }
  return { rows, notes };
}

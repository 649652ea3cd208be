import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@regie/db';
import { freePort, startDynamoLocal } from '@regie/local';
import { startTestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { loadAgreements } from './load.ts';
import { median, percentile, time } from './stats.ts';

/**
 * `npm run bench`: benchmarks measured side by side in one run, printed as a table and written to
 * docs/benchmarks.md. Not part of `npm test`. `BENCH_LARGE` (default 10000) sets the large tenant's size.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const root = fileURLToPath(new URL('../..', import.meta.url));
const LARGE = Number(process.env.BENCH_LARGE ?? 10_000);
const SMALL = 1_000;
const RUNS = 30;

interface Row {
  what: string;
  measured: string;
  baseline: string;
  ratio: string;
  goal: string;
}

async function main() {
  const dynamo = await startDynamoLocal({ port: await freePort() });
  try {
    const db = await createTestDb(dynamo.endpoint, { seed: true });
    const api = await startTestApi(db);
    const rows: Row[] = [];

    // Scale: the register's first page in a tenant with LARGE agreements vs one with SMALL.
    const smallRate = await loadAgreements(db, 'harderwijk.inkoper', SMALL, 'BS');
    const largeRate = await loadAgreements(db, 'utrecht.inkoper', LARGE, 'BL');
    const small = await api.token('harderwijk.inkoper');
    const large = await api.token('utrecht.inkoper');
    const firstPage = (token: string, input: unknown) => async () => {
      const response = await api.query('agreement.find', input, token);
      if (response.status !== 200 || response.body.result.data.items.length !== 50)
        throw new Error(`bad page: ${response.status}`);
    };
    for (const [label, input] of [
      ['register first page (50), newest first', { limit: 50 }],
      ['register first page (50), by end date', { limit: 50, sort: 'endDate' }],
      ['register first page (50), kind = contract', { limit: 50, kind: 'contract' }],
    ] as const) {
      // Interleave the two tenants so both see the same machine conditions.
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < 3; i++) {
        a.push(...(await time(firstPage(small, input), RUNS / 3)));
        b.push(...(await time(firstPage(large, input), RUNS / 3)));
      }
      rows.push({
        what: `${label}: ${LARGE.toLocaleString('en')} vs ${SMALL.toLocaleString('en')} agreements`,
        measured: `${median(b).toFixed(2)} ms (p95 ${percentile(b, 95).toFixed(2)})`,
        baseline: `${median(a).toFixed(2)} ms (p95 ${percentile(a, 95).toFixed(2)})`,
        ratio: `${(median(b) / median(a)).toFixed(2)}×`,
        goal: '≤ 1.25×',
      });
    }
    // API overhead: agreement.get over HTTP (Hono, tRPC, JWT verification, validation, output schema) vs a
    // direct GetItem of the same item from Node, against the same DynamoDB Local.
    const viewer = await api.token('ermelo.viewer');
    const viaApi = async () => {
      const response = await api.query('agreement.get', { id: 'erm-jh-2025' }, viewer);
      if (response.status !== 200) throw new Error(`agreement.get answered ${response.status}`);
    };
    const direct = async () => {
      const result = await db.doc.send(
        new GetCommand({ TableName: db.tableName, Key: keys.agreement('GM0233', 'erm-jh-2025') }),
      );
      if (!result.Item) throw new Error('no item');
    };
    const apiTimes: number[] = [];
    const directTimes: number[] = [];
    for (let i = 0; i < 10; i++) {
      apiTimes.push(...(await time(viaApi, 20)));
      directTimes.push(...(await time(direct, 20)));
    }
    rows.push({
      what: 'agreement.get over HTTP vs a direct GetItem from Node',
      measured: `${median(apiTimes).toFixed(2)} ms (p99 ${percentile(apiTimes, 99).toFixed(2)})`,
      baseline: `${median(directTimes).toFixed(2)} ms (p99 ${percentile(directTimes, 99).toFixed(2)})`,
      ratio: `${(median(apiTimes) / median(directTimes)).toFixed(2)}×`,
      goal: '≤ 1.5×',
    });
    rows.push({
      what: 'bulk load through prepareCreate + BatchWriteItem',
      measured: `${Math.round(largeRate)} agreements/s`,
      baseline: `${Math.round(smallRate)} agreements/s`,
      ratio: '',
      goal: '',
    });

    const verdict = (r: Row) => {
      const ratio = Number.parseFloat(r.ratio);
      const goal = /([≤≥])\s*([\d.]+)/.exec(r.goal);
      if (!goal || Number.isNaN(ratio)) return '';
      const met = goal[1] === '≤' ? ratio <= Number(goal[2]) : ratio >= Number(goal[2]);
      return met ? 'met' : '**missed**';
    };
    const table = [
      '| what | measured | baseline | ratio | goal | |',
      '|---|---|---|---|---|---|',
      ...rows.map(
        (r) => `| ${r.what} | ${r.measured} | ${r.baseline} | ${r.ratio} | ${r.goal} | ${verdict(r)} |`,
      ),
    ].join('\n');
    const doc = `# Benchmarks

Measured by \`npm run bench\` (\`BENCH_LARGE=${LARGE}\`) on ${new Date().toISOString().slice(0, 10)}, on this machine:
${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version},
DynamoDB Local (in memory) and the API over HTTP on loopback. Medians of ${RUNS} runs after warm-up, the two sides
interleaved in one run. DynamoDB Local is this machine's speed: read the ratios, not the absolute times.

${table}

A missed goal is open work (issue 7), not a footnote: the API-overhead ratio is dominated by per-request work in
the API process that a direct GetItem does not do (the HTTP hop, token verification, a consistent BatchGetItem
over the caller's reach instead of one GetItem, output validation) and is being profiled.
`;
    writeFileSync(`${root}/docs/benchmarks.md`, doc);
    console.log(table);
    await api.close();
  } finally {
    await dynamo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

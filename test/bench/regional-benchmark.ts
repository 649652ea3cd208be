import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type Db, keys, SEP } from '@regie/db';
import type { Client } from '../support/load.ts';
import { type QueryPath, rawQueryUrl } from '../support/procedures.ts';
import type { BenchApi } from './api-server.ts';
import { kb, lat, log, type Row, sideBySide } from './report.ts';
import { median } from './stats.ts';

/**
 * Issue 15 point 4 in `npm run bench` (`BENCH_ONLY=benchmark`): "ratio of the benchmark page read to a plain
 * register page read, goal ≤ 1.5×". Both over HTTP as the region's coordinator, interleaved; the floor is the
 * coordinator's own register page.
 */
export async function regionalBenchmarkRows(options: {
  db: Db;
  api: BenchApi;
  client: Client;
  /** A query over HTTP as `token` that fails on anything but 200; answers the result's data. */
  get: (token: string, procedure: QueryPath, input: unknown) => () => Promise<unknown>;
  /** Requests a side. */
  runs: number;
}): Promise<Row[]> {
  const { db, api, client, get } = options;
  const BENCHMARK = options.runs;
  const rows: Row[] = [];
  log(`regional benchmark: benchmark.region vs the register page, ${BENCHMARK} requests a side`);
  const coordinator = await api.token('noordveluwe.coordinator');
  const region = 'RGNOORDVELUWE';
  const register = get(coordinator, 'agreement.find', { limit: 50 });
  const registerItems = ((await register()) as { items: unknown[] }).items.length;
  const read = (productCode?: string) => async () => {
    const data = (await get(coordinator, 'benchmark.region', {
      space: region,
      ...(productCode ? { productCode } : {}),
    })()) as { asOf: string | null; products: { productCode: string }[]; participants: unknown[] };
    // A read of an empty or foreign partition would be fast and prove nothing: the seed's job ran.
    if (!data.asOf || data.products.length === 0) throw new Error('benchmark.region: no computed figures');
    if (productCode && data.products.some((p) => p.productCode !== productCode)) {
      throw new Error('benchmark.region: another product code in a one-code read');
    }
    return data;
  };
  const whole = (await read()()) as { products: unknown[]; participants: unknown[] };
  const size = (procedure: QueryPath, input: unknown) =>
    client.get(rawQueryUrl(procedure, input), coordinator).then((r) => r.body.length);
  const [wholeBytes, oneBytes, registerBytes] = await Promise.all([
    size('benchmark.region', { space: region }),
    size('benchmark.region', { space: region, productCode: '45A12' }),
    size('agreement.find', { limit: 50 }),
  ]);
  const floor = `agreement.find {limit: 50} (${registerItems} agreements, ${kb(registerBytes)})`;
  const reads: [string, () => Promise<unknown>, number][] = [
    [
      `benchmark.region {space} (${whole.products.length} product codes, ${whole.participants.length} participants, ${kb(wholeBytes)})`,
      read(),
      wholeBytes,
    ],
    [`benchmark.region {space, productCode: 45A12} (${kb(oneBytes)})`, read('45A12'), oneBytes],
  ];
  for (const [label, fn] of reads) {
    const [bench, plain] = await sideBySide(fn, register, BENCHMARK, 10);
    rows.push({
      section: 'Regional benchmark',
      what: `${label} over HTTP as noordveluwe.coordinator vs the register page, ${floor}, same user, ${BENCHMARK} a side`,
      measured: lat(bench, 95),
      baseline: lat(plain, 95),
      ratio: median(bench) / median(plain),
      goal: '≤ 1.5×',
    });
  }
  // For scale only (no goal): the same read against a direct Query of the partition from Node, as the
  // repository sends it (API overhead compares agreement.get with a GetItem the same way).
  const direct = async () => {
    const result = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': keys.benchmark(region),
          ':from': `OPTIN${SEP}`,
          ':to': `RESULT${SEP}~`,
        },
        ConsistentRead: true,
      }),
    );
    if (!result.Items?.length) throw new Error('no benchmark items');
  };
  const [bench, raw] = await sideBySide(read(), direct, BENCHMARK, 10);
  rows.push({
    section: 'Regional benchmark',
    what: 'benchmark.region {space} over HTTP vs a direct consistent Query of the same partition from Node',
    measured: lat(bench, 95),
    baseline: lat(raw, 95),
    ratio: median(bench) / median(raw),
    goal: '',
  });
  return rows;
}

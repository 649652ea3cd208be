import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamoLocal, freePort, startDynamoLocal } from '@regie/local';
import { createTestDb } from '../support/db.ts';
import {
  checkCompleteness,
  duringOutage,
  lostBeforeStop,
  type OutageRun,
  writeThroughOutages,
} from '../support/outage.ts';
import { startBenchApi } from './api-server.ts';
import { median, percentile } from './stats.ts';

/**
 * The larger variant of the fault test (test/integration/faults.integration.test.ts): many writers through the
 * HTTP API (a process of its own, never restarted) while DynamoDB Local is stopped three times (SIGTERM) and,
 * in a second run, killed three times (SIGKILL); then every create is checked in the table and every present
 * agreement's audit chain is verified through the API.
 */
export interface FaultFigures {
  mode: 'stopped' | 'killed';
  outages: number;
  writers: number;
  attempted: number;
  acknowledged: number;
  unavailable: number;
  /** Answers other than 200 and 503 with the clear message (must be 0). */
  other: number;
  /** Durations of the requests begun while the database was down. */
  whileDown: number[];
  recoveryMs: number[];
  present: number;
  lost: number;
  lostMsBeforeStop: number[];
  partial: number;
  committedUnacknowledged: number;
  itemsPerCreate: number;
  chainsVerified: number;
  chainsBroken: number;
}

export async function faultBench(options: {
  writers: number;
  outages: number;
  healthyMs: number;
  downMs: number;
  log: (message: string) => void;
}): Promise<FaultFigures[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'regie-bench-faults-'));
  const port = await freePort();
  let dynamo: DynamoLocal = await startDynamoLocal({ port, dataDir });
  const db = await createTestDb(dynamo.endpoint, { seed: true });
  const api = await startBenchApi(dynamo.endpoint, db.tableName);
  const figures: FaultFigures[] = [];
  try {
    const token = await api.token('ermelo.inkoper');
    for (const mode of ['stopped', 'killed'] as const) {
      options.log(`faults: ${options.writers} writers, DynamoDB Local ${mode} ${options.outages} times`);
      const prefix = mode === 'stopped' ? 'BFS' : 'BFK';
      const run = await writeThroughOutages({
        url: api.url,
        token,
        prefix,
        writers: options.writers,
        outages: options.outages,
        healthyMs: options.healthyMs,
        downMs: options.downMs,
        stop: () => (mode === 'stopped' ? dynamo.stop() : dynamo.crash()),
        restart: async () => {
          dynamo = await startDynamoLocal({ port, dataDir });
        },
      });
      const check = await checkCompleteness(db, run, prefix);
      const chains = await verifyChains(api.url, token, check.present);
      figures.push(summarise(mode, options, run, check, chains));
    }
  } finally {
    await api.stop();
    await dynamo.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return figures;
}

function summarise(
  mode: FaultFigures['mode'],
  options: { writers: number; outages: number },
  run: OutageRun,
  check: Awaited<ReturnType<typeof checkCompleteness>>,
  chains: { verified: number; broken: number },
): FaultFigures {
  const clear = (a: OutageRun['attempts'][number]) =>
    a.status === 503 && /database is unavailable/i.test(a.message ?? '');
  return {
    mode,
    outages: options.outages,
    writers: options.writers,
    attempted: run.attempts.length,
    acknowledged: run.attempts.filter((a) => a.status === 200).length,
    unavailable: run.attempts.filter(clear).length,
    other: run.attempts.filter((a) => a.status !== 200 && !clear(a)).length,
    whileDown: duringOutage(run).map((a) => a.ended - a.began),
    recoveryMs: run.recoveryMs,
    present: check.present.length,
    lost: check.lost.length,
    lostMsBeforeStop: lostBeforeStop(run, check.lost),
    partial: check.partial.length,
    committedUnacknowledged: check.committedUnacknowledged,
    itemsPerCreate: check.itemsPerCreate,
    chainsVerified: chains.verified,
    chainsBroken: chains.broken,
  };
}

/** `agreement.verifyAudit` for each agreement, 8 at a time. */
async function verifyChains(url: string, token: string, ids: readonly string[]) {
  let verified = 0;
  let broken = 0;
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let id = queue.pop(); id; id = queue.pop()) {
        const input = encodeURIComponent(JSON.stringify({ id }));
        const response = await fetch(`${url}/trpc/agreement.verifyAudit?input=${input}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await response.json()) as { result?: { data?: { valid?: boolean } } };
        if (response.status === 200 && body.result?.data?.valid === true) verified++;
        else broken++;
      }
    }),
  );
  return { verified, broken };
}

/** The figures as table cells. */
export function faultCells(f: FaultFigures) {
  const down = f.whileDown.length
    ? `${f.whileDown.length} answered while down: p50 ${median(f.whileDown).toFixed(0)} ms, p99 ${percentile(f.whileDown, 99).toFixed(0)} ms, max ${Math.max(...f.whileDown).toFixed(0)} ms`
    : 'none answered while down';
  return {
    what: `${f.writers} writers creating agreements through the API while DynamoDB Local is ${f.mode} (${f.mode === 'stopped' ? 'SIGTERM' : 'SIGKILL'}) ${f.outages} times and started again: ${f.attempted} creates, ${f.acknowledged} acknowledged, ${f.unavailable} × 503 “database is unavailable”, ${f.other} other answers`,
    measured: `${down}; back ${median(f.recoveryMs).toFixed(0)} ms (max ${Math.max(...f.recoveryMs).toFixed(0)} ms) after the database, API not restarted`,
    baseline: `${f.present} present (${f.committedUnacknowledged} of them answered 503), ${f.lost} acknowledged lost${f.lost ? ` (acknowledged ${f.lostMsBeforeStop.map((ms) => ms.toFixed(0)).join(', ')} ms from a kill)` : ''}, ${f.partial} partial of ${f.itemsPerCreate} items each, ${f.chainsVerified} audit chains verify, ${f.chainsBroken} broken`,
  };
}

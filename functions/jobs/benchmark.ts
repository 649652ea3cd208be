import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createDocumentClient, type Db, readOnlyFor, runBenchmark } from '@regie/db';
import { createAssumeRole } from '../api/sts.ts';
import { benchmarkReadSession } from './benchmark-session.ts';
import { readBenchmarkEnv } from './env.ts';
import { dutchToday } from './today.ts';

/**
 * The scheduled regional benchmark job (issue 15 point 4), run daily by EventBridge (infra/lib/stacks/jobs-stack.ts).
 * Its own role reads the platform's list of spaces and region records, and reads and writes only the regions'
 * benchmark partitions (`RG…#BENCH`). Each participant's own data — the region's, and that of each member whose
 * opt-in marker is in the region — is read through a read-only session of the benchmark read role tagged with that
 * space, wrapped in `readOnlyFor` as well (packages/db/src/benchmark.ts).
 */
const env = readBenchmarkEnv();
const logger = new Logger({ serviceName: 'regie-benchmark' });
const metrics = new Metrics({ namespace: 'Regie', serviceName: 'regie-benchmark' });
const db: Db = { doc: createDocumentClient({ endpoint: env.dynamoEndpoint }), tableName: env.tableName };
const assumeRole = env.dynamoEndpoint ? null : createAssumeRole({ maxAttempts: 3 });

async function readAs(space: string): Promise<Db> {
  if (!assumeRole) return readOnlyFor(db, space); // DynamoDB Local (tests): no STS, the same code-level bound
  const input = benchmarkReadSession({ roleArn: env.readRoleArn, tableArn: env.tableArn }, space);
  const session: Db = {
    doc: createDocumentClient({ credentials: () => assumeRole(input) }),
    tableName: env.tableName,
  };
  return readOnlyFor(session, space);
}

/** An EventBridge scheduled event may name the day (a manual catch-up run); otherwise it is today. */
export async function handler(event: { day?: unknown } = {}) {
  const day =
    typeof event.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.day) ? event.day : dutchToday();
  const started = Date.now();
  try {
    const result = await runBenchmark(db, readAs, day);
    metrics.addMetric('BenchmarkContributions', MetricUnit.Count, result.contributions);
    metrics.addMetric('BenchmarkProducts', MetricUnit.Count, result.products);
    logger.info('regional benchmark', { day, ...result, durationMs: Date.now() - started });
    return { day, ...result };
  } finally {
    metrics.publishStoredMetrics();
  }
}

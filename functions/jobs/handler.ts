import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { createDaySignals, createDocumentClient } from '@regie/db';
import { readJobsEnv } from './env.ts';
import { dutchToday } from './today.ts';

/**
 * The scheduled deadline job (SPEC §5.3), run daily by EventBridge (infra/lib/stacks/jobs-stack.ts): turns
 * the deadlines and due reports whose signal windows open today into inbox signals for the roles of each
 * space. Reads only those date ranges of each space's dated indexes; safe to run twice (see
 * packages/db/src/signal-job.ts `createDaySignals`).
 */
const env = readJobsEnv();
const logger = new Logger({ serviceName: 'regie-jobs' });
const metrics = new Metrics({ namespace: 'Regie', serviceName: 'regie-jobs' });
const db = { doc: createDocumentClient({ endpoint: env.dynamoEndpoint }), tableName: env.tableName };

/** An EventBridge scheduled event may name the day (a manual catch-up run); otherwise it is today. */
export async function handler(event: { day?: unknown } = {}) {
  const day =
    typeof event.day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(event.day) ? event.day : dutchToday();
  const started = Date.now();
  try {
    const result = await createDaySignals(db, day);
    metrics.addMetric('SignalsCreated', MetricUnit.Count, result.created);
    metrics.addMetric('DatedItemsRead', MetricUnit.Count, result.read);
    logger.info('deadline signals', { day, ...result, durationMs: Date.now() - started });
    return { day, ...result };
  } finally {
    metrics.publishStoredMetrics();
  }
}

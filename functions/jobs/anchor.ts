import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { anchorChains, createDocumentClient } from '@regie/db';
import { createAnchorStore } from '@regie/db/anchors';
import { createKmsAnchorSigner } from './anchor-signer.ts';
import { readAnchorEnv } from './env.ts';

/**
 * The daily audit anchor job (issue 17 point 2), run by EventBridge (infra/lib/stacks/jobs-stack.ts): signs every
 * agreement chain head that moved since its last anchor with the KMS key and stores the signed anchor in the
 * Object Lock bucket (packages/db/src/audit-anchors.ts `anchorChains`). A chain that does not verify is refused,
 * logged and counted (`AnchorsRefused`, alarm on it), never anchored.
 */
const env = readAnchorEnv();
const logger = new Logger({ serviceName: 'regie-anchors' });
const metrics = new Metrics({ namespace: 'Regie', serviceName: 'regie-anchors' });
const db = { doc: createDocumentClient({ endpoint: env.dynamoEndpoint }), tableName: env.tableName };
const store = createAnchorStore({ bucket: env.bucket });
const signer = createKmsAnchorSigner(env.keyId);

export async function handler() {
  const started = Date.now();
  try {
    const result = await anchorChains(db, signer, store);
    metrics.addMetric('AnchorsSigned', MetricUnit.Count, result.anchored);
    metrics.addMetric('AnchorsRefused', MetricUnit.Count, result.refused.length);
    for (const refused of result.refused) logger.error('audit chain refused', refused);
    logger.info('audit anchors', {
      spaces: result.spaces,
      anchored: result.anchored,
      unchanged: result.unchanged,
      refused: result.refused.length,
      durationMs: Date.now() - started,
    });
    return { ...result };
  } finally {
    metrics.publishStoredMetrics();
  }
}

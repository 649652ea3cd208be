import type { Logger } from '@aws-lambda-powertools/logger';
import { type Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Hono } from 'hono';
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import { loggablePath } from '../api/log-path.ts';

export type HttpApiEvent = Extract<LambdaEvent, { rawPath: string }>;

/**
 * A Hono app as an API Gateway HTTP API (v2) handler, the same for the API and the files function: Powertools
 * keys per request (API Gateway's request id, not a client-supplied one, so app errors, log lines and access logs
 * correlate), one JSON log line per request with method, path (never the query string, which carries tRPC input;
 * an iCal path without its secret), status and duration, and EMF metrics `Requests` and `ServerErrors`.
 */
export function httpHandler(app: Hono, logger: Logger, metrics: Metrics) {
  const serve = handle(app);
  return async function handler(event: HttpApiEvent, context?: LambdaContext) {
    const started = Date.now();
    logger.resetKeys();
    if (context) logger.addContext(context);
    metrics.captureColdStartMetric();
    const requestId = event.requestContext.requestId;
    logger.appendKeys({ requestId });
    event.headers = { ...event.headers, 'x-request-id': requestId };
    try {
      const response = await serve(event, context);
      const status = response.statusCode;
      metrics.addMetric('Requests', MetricUnit.Count, 1);
      if (status >= 500) metrics.addMetric('ServerErrors', MetricUnit.Count, 1);
      logger.info('request', {
        method: event.requestContext.http.method,
        path: loggablePath(event.rawPath),
        status,
        durationMs: Date.now() - started,
      });
      return response;
    } finally {
      metrics.publishStoredMetrics();
    }
  };
}

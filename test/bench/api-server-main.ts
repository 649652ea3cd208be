import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from '@regie/api';
import { createDocumentClient } from '@regie/db';
// The modules themselves, not @regie/local's index: the seed there reads its files at import, which a bundle cannot.
import { createDevIssuer } from '../../packages/local/src/dev-issuer.ts';
import { freePort } from '../../packages/local/src/ports.ts';

/**
 * The bench API's process (started by api-server.ts): the real Hono app with dev auth over the bench table on
 * the benchmark's DynamoDB Local, serving until SIGTERM. Arguments: endpoint, table name.
 */
const [endpoint, tableName] = process.argv.slice(2) as [string, string];
const db = { doc: createDocumentClient({ endpoint }), tableName };
const { dev, verifyToken } = await createDevIssuer(db);
const app = createApp({
  db,
  verifyToken,
  dev,
  logError: (e) => console.error(JSON.stringify(e)),
  // For experiments only: BENCH_FAIR_SHARE=alone,shared overrides the fair share (packages/api/src/fair-share.ts).
  fairShare: process.env.BENCH_FAIR_SHARE
    ? (([alone, shared]) => ({ alone: alone!, shared: shared! }))(
        process.env.BENCH_FAIR_SHARE.split(',').map(Number),
      )
    : undefined,
});
const port = await freePort();
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1', createServer }, () =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}` })),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));

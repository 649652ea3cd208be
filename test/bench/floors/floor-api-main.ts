import { createServer } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { initTRPC, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import * as z from 'zod/mini';

/**
 * The API floor's process (started by floor-api.ts), serving until SIGTERM. Arguments: endpoint, table name, the
 * item's key as JSON.
 */
/** The floor app: Hono, tRPC's fetch adapter, one query, one GetItem. */
function floorApp(endpoint: string, tableName: string, key: Record<string, string>) {
  const doc = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const t = initTRPC.create();
  const router = t.router({
    agreement: t.router({
      get: t.procedure.input(z.object({ id: z.string().check(z.maxLength(40)) })).query(async ({ input }) => {
        // The same item as Regie's agreement.get reads; the id is only checked, the key is the item's own.
        if (!key.pk?.endsWith(input.id) && !key.sk?.endsWith(input.id))
          throw new TRPCError({ code: 'NOT_FOUND' });
        const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key }));
        if (!Item) throw new TRPCError({ code: 'NOT_FOUND' });
        return Item;
      }),
    }),
  });
  const app = new Hono();
  app.all('/trpc/*', (c) => fetchRequestHandler({ endpoint: '/trpc', req: c.req.raw, router }));
  return app;
}

const [endpoint, tableName, key] = process.argv.slice(2) as [string, string, string];
const app = floorApp(endpoint, tableName, JSON.parse(key) as Record<string, string>);
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', createServer }, (info) =>
  console.log(JSON.stringify({ url: `http://127.0.0.1:${info.port}` })),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));

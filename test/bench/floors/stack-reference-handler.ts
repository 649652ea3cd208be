import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { initTRPC, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as z from 'zod/mini';

/**
 * The stack's own Lambda floor (issue 17 point 7, no goal; beside the SDK-only reference-handler.ts): what any API
 * function built on Regie's stack pays before any Regie code — Hono's API Gateway adapter, tRPC's fetch adapter,
 * one query with a zod/mini input, the bearer token verified with jose against a remote JWKS (as every
 * authenticated request is), a role assumed with `@aws-sdk/client-sts` and one GetItem through the document
 * client. Bundled and started exactly like the API function (test/bench/floors/lambda.ts); endpoints from the
 * environment, as the reference's.
 */
const env = process.env;
const jwks = createRemoteJWKSet(new URL(env.JWKS_URL!));
const sts = new STSClient({ endpoint: env.STS_ENDPOINT });
let doc: DynamoDBDocumentClient | undefined;

const t = initTRPC.context<{ authorization: string | null }>().create();
const router = t.router({
  agreement: t.router({
    get: t.procedure
      .input(z.object({ id: z.string().check(z.maxLength(40)) }))
      .query(async ({ input, ctx }) => {
        const token = ctx.authorization?.replace(/^Bearer /, '');
        if (!token) throw new TRPCError({ code: 'UNAUTHORIZED' });
        await jwtVerify(token, jwks, { issuer: env.JWT_ISSUER, audience: env.JWT_AUDIENCE });
        if (!doc) {
          const { Credentials: c } = await sts.send(
            new AssumeRoleCommand({ RoleArn: env.TENANT_ROLE_ARN, RoleSessionName: 'stack' }),
          );
          doc = DynamoDBDocumentClient.from(
            new DynamoDBClient({
              endpoint: env.DYNAMO_ENDPOINT,
              credentials: {
                accessKeyId: c!.AccessKeyId!,
                secretAccessKey: c!.SecretAccessKey!,
                sessionToken: c!.SessionToken,
              },
            }),
          );
        }
        // The same item as Regie's agreement.get reads; the id is only checked, the key is the item's own.
        if (!env.REFERENCE_PK!.endsWith(input.id)) throw new TRPCError({ code: 'NOT_FOUND' });
        const { Item } = await doc.send(
          new GetCommand({ TableName: env.TABLE_NAME, Key: { pk: env.REFERENCE_PK, sk: env.REFERENCE_SK } }),
        );
        if (!Item) throw new TRPCError({ code: 'NOT_FOUND' });
        return Item;
      }),
  }),
});

const app = new Hono();
app.all('/trpc/*', (c) =>
  fetchRequestHandler({
    endpoint: '/trpc',
    req: c.req.raw,
    router,
    createContext: () => ({ authorization: c.req.header('authorization') ?? null }),
  }),
);
export const handler = handle(app);

import { randomUUID } from 'node:crypto';
import { createApp, type DbFor, type Identity } from '@regie/api';
import { createFilesApp } from '@regie/api/files';
import { createDocumentClient, type Db } from '@regie/db';
import { createDocumentStore, type DocumentStore } from '@regie/db/documents';
import { tableDefinition } from '@regie/db/table';
import { createDevIssuer } from '@regie/local';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { policyAllows, type Request, type Statement } from '../../infra/test/support/iam.ts';
import { createTestDb } from '../../test/support/db.ts';
import type { MutationPath, ProcedureInput, QueryPath } from '../../test/support/procedures.ts';
import { type TenantScope, tenantSessionPolicy } from '../api/tenant-policy.ts';
import { documentsSessionPolicy } from './document-credentials.ts';

/**
 * Signing as it would run in AWS, with IAM emulated over DynamoDB Local and the local S3-compatible store: every
 * database call checked against the caller's session policy (as in functions/api/tenant-isolation.integration.test.ts,
 * whose request mapping this repeats for the item actions signing uses), every S3 key against the documents role's
 * bound and the per-agreement session policy the files function asks STS for (document-credentials.ts).
 */
const TABLE_ARN = 'arn:aws:dynamodb:eu-central-1:123456789012:table/regie';
/** The documents role's own policy (infra/lib/stacks/api-stack.ts): municipality and region prefixes only. */
const ROLE_BOUND = [/^GM\d{4}\/agreements\//, /^RG[A-Z0-9]+\/agreements\//];

type Item = Record<string, unknown>;
const pk = (item: unknown) => {
  const value = (item as Item).pk;
  return typeof value === 'string' ? value : ((value as { S: string }).S ?? '');
};
const str = (value: unknown) => (typeof value === 'string' ? value : (value as { S: string }).S);

function requestsOf(command: string, input: Item): Request[] {
  const single = (action: string, key: unknown): Request => ({
    action: `dynamodb:${action}`,
    resource: TABLE_ARN,
    leadingKeys: [pk(key)],
  });
  switch (command) {
    case 'GetItemCommand':
      return [single('GetItem', input.Key)];
    case 'PutItemCommand':
      return [single('PutItem', input.Item)];
    case 'UpdateItemCommand':
      return [single('UpdateItem', input.Key)];
    case 'QueryCommand': {
      const index = input.IndexName as string | undefined;
      const keyName = index
        ? tableDefinition.indexes.find((i) => i.name === index)!.partitionKey
        : tableDefinition.partitionKey;
      const placeholder = new RegExp(`${keyName}\\s*=\\s*(:\\w+)`).exec(
        input.KeyConditionExpression as string,
      )![1]!;
      return [
        {
          action: 'dynamodb:Query',
          resource: index ? `${TABLE_ARN}/index/${index}` : TABLE_ARN,
          leadingKeys: [str((input.ExpressionAttributeValues as Item)[placeholder])],
        },
      ];
    }
    case 'BatchGetItemCommand':
      return Object.values(input.RequestItems as Record<string, { Keys: Item[] }>).map(({ Keys }) => ({
        action: 'dynamodb:BatchGetItem',
        resource: TABLE_ARN,
        leadingKeys: Keys.map(pk),
      }));
    case 'TransactWriteItemsCommand':
      return (input.TransactItems as Item[]).map((entry) => {
        const [kind, body] = Object.entries(entry)[0] as [string, Item];
        const action = {
          Put: 'PutItem',
          Update: 'UpdateItem',
          Delete: 'DeleteItem',
          ConditionCheck: 'ConditionCheckItem',
        }[kind]!;
        return single(action, body.Item ?? body.Key);
      });
    default:
      return [
        { action: `dynamodb:${command.replace(/Command$/, '')}`, resource: TABLE_ARN, leadingKeys: [] },
      ];
  }
}

type Widening = Parameters<DbFor>[1];

let app: Hono;
let tokens: Map<string, string>;
const denials: { scope: string; request: Request }[] = [];
const s3Denials: string[] = [];
const s3Keys: string[] = [];
const widened: TenantScope[] = [];
/** Which prefixes a store is scoped to; the negative control swaps it for another agreement's. */
let prefixesOf = (prefixes: readonly string[]) => prefixes;

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  const db = await createTestDb(endpoint, { seed: true });
  const { dev, verifyToken } = await createDevIssuer(db);
  const dbFor: DbFor = async (identity, widen: Widening): Promise<Db> => {
    const scope: TenantScope = {
      space: identity.space,
      reach: identity.reach,
      collections: widen?.collections ?? [],
    };
    if (widen) widened.push(scope);
    const statements = tenantSessionPolicy(TABLE_ARN, scope).Statement as Statement[];
    const doc = createDocumentClient({ endpoint });
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        for (const request of requestsOf(context.commandName ?? '', args.input as Item)) {
          if (!policyAllows(statements, request)) {
            denials.push({ scope: JSON.stringify(scope), request });
            throw Object.assign(new Error('AccessDeniedException (emulated IAM)'), {
              name: 'AccessDeniedException',
            });
          }
        }
        return next(args);
      },
      { step: 'initialize', priority: 'high', name: 'EmulatedIam' },
    );
    return { doc, tableName: db.tableName };
  };

  const bucket = `docs-${db.tableName.toLowerCase().replace(/[^a-z0-9]/g, '-')}`;
  const store = createDocumentStore({ bucket, endpoint: inject('s3Endpoint') });
  await store.ensureBucket();
  const documentsFor = async (_identity: Identity, prefixes: readonly string[]): Promise<DocumentStore> => {
    const resources = documentsSessionPolicy(bucket, prefixesOf(prefixes)).Statement[0]!.Resource;
    const allowed = (key: string) =>
      ROLE_BOUND.some((bound) => bound.test(key)) &&
      resources.some((resource) => `arn:aws:s3:::${bucket}/${key}`.startsWith(resource.slice(0, -1)));
    const check = (key: string) => {
      s3Keys.push(key);
      if (!allowed(key)) {
        s3Denials.push(key);
        throw Object.assign(new Error('AccessDenied (emulated IAM)'), { name: 'AccessDenied' });
      }
    };
    return {
      put: async (key, bytes, type) => {
        check(key);
        await store.put(key, bytes, type);
      },
      get: async (key) => {
        check(key);
        return store.get(key);
      },
    };
  };

  app = createApp({ db, verifyToken, dbFor, logError: () => {} });
  app.route(
    '/files',
    createFilesApp({ db, verifyToken, dbFor, documents: store, documentsFor, logError: () => {} }),
  );
  tokens = new Map();
  for (const user of ['ermelo.inkoper', 'ermelo.approver', 'wijkracht.signer']) {
    tokens.set(user, (await dev.issueToken(user))!);
  }
});

const auth = (user: string) => ({ authorization: `Bearer ${tokens.get(user)}` });
/** A tRPC answer: its status and JSON body, loosely typed; each assertion states the shape it expects. */
// biome-ignore lint/suspicious/noExplicitAny: as in test/support/api.ts
type Answer = { status: number; body: any };

/** A query, or with `mutation` a mutation, by its path and with the input its schema accepts (typed by AppRouter). */
async function trpc<P extends QueryPath>(
  user: string,
  procedure: P,
  input: ProcedureInput<P>,
): Promise<Answer>;
async function trpc<P extends MutationPath>(
  user: string,
  procedure: P,
  input: ProcedureInput<P>,
  mutation: true,
): Promise<Answer>;
async function trpc(user: string, procedure: string, input: unknown, mutation = false): Promise<Answer> {
  const response = mutation
    ? await app.request(`/trpc/${procedure}`, {
        method: 'POST',
        headers: { ...auth(user), 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(input),
      })
    : await app.request(`/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: auth(user),
      });
  return { status: response.status, body: await response.json() };
}

describe('signing within the session policies (emulated IAM over DynamoDB Local and S3)', () => {
  const COLLECTION = 'GM0233#AGR#erm-dvo-2026';
  let hash = '';

  it('generates the document with S3 keys inside the agreement prefix only', async () => {
    const generated = await app.request('/files/agreements/erm-dvo-2026/document/generate', {
      method: 'POST',
      headers: auth('ermelo.inkoper'),
    });
    expect(generated.status, await generated.clone().text()).toBe(201);
    hash = ((await generated.json()) as { document: { sha256: string } }).document.sha256;
    expect(s3Keys).toEqual([`GM0233/agreements/erm-dvo-2026/${hash}.pdf`]);
    expect(denials).toEqual([]);
    expect(s3Denials).toEqual([]);
  });

  it('lets the provider read and sign through its one widened collection, and the municipality sign last', async () => {
    widened.length = 0;
    const download = await app.request('/files/agreements/erm-dvo-2026/document.pdf', {
      headers: auth('wijkracht.signer'),
    });
    expect(download.status).toBe(200);
    const signed = await trpc(
      'wijkracht.signer',
      'signing.sign',
      { agreementId: 'erm-dvo-2026', documentHash: hash, consent: true },
      true,
    );
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(new Set(widened.map((w) => JSON.stringify(w)))).toEqual(
      new Set([JSON.stringify({ space: 'PV40123456', reach: ['PV40123456'], collections: [COLLECTION] })]),
    );
    const last = await trpc(
      'ermelo.approver',
      'signing.sign',
      { agreementId: 'erm-dvo-2026', documentHash: hash, consent: true },
      true,
    );
    expect(last.status, JSON.stringify(last.body)).toBe(200);
    expect(last.body.result.data.status).toBe('active');
    const certificate = await app.request('/files/agreements/erm-dvo-2026/signed.pdf', {
      headers: auth('wijkracht.signer'),
    });
    expect(certificate.status).toBe(200);
    expect(denials).toEqual([]);
    expect(s3Denials).toEqual([]);
  });

  it('is refused by the emulated S3 policy when the store is scoped to another agreement (the emulation bites)', async () => {
    prefixesOf = () => ['GM0233/agreements/erm-jh-2025/'];
    try {
      const response = await app.request('/files/agreements/erm-dvo-2026/document.pdf', {
        headers: auth('ermelo.inkoper'),
      });
      expect(response.status).toBe(500);
      expect(s3Denials).toEqual([`GM0233/agreements/erm-dvo-2026/${hash}.pdf`]);
    } finally {
      prefixesOf = (prefixes) => prefixes;
    }
  });
});

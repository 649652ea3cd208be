import { randomUUID } from 'node:crypto';
import { createApp, type DbFor, type Identity } from '@regie/api';
import { firstExpected } from '@regie/core';
import { createDocumentClient, type Db } from '@regie/db';
import { tableDefinition } from '@regie/db/table';
import { createDevIssuer } from '@regie/local';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { policyAllows, type Request, type Statement } from '../../infra/test/support/iam.ts';
import { createTestDb } from '../../test/support/db.ts';
import {
  type MutationPath,
  type ProcedureInput,
  type QueryPath,
  rawQueryUrl,
} from '../../test/support/procedures.ts';
import { type TenantScope, tenantSessionPolicy } from './tenant-policy.ts';

/**
 * DynamoDB Local checks no IAM. Here every call the real API makes is checked against the session policy the
 * Lambda would send to STS for the caller, the way DynamoDB authorises it (per item action, LeadingKeys =
 * partition key of the table or of the queried index). The product's flows must pass untouched — including
 * the party views a municipality projects into a provider's space, and a provider's report into the one
 * agreement collection its request is widened to — and a wrong scope must be refused.
 */
const TABLE_ARN = 'arn:aws:dynamodb:eu-central-1:123456789012:table/regie';
const indexArn = (name: string) => `${TABLE_ARN}/index/${name}`;

type Item = Record<string, unknown>;
const pk = (item: unknown) => {
  const value = (item as Item).pk;
  return typeof value === 'string' ? value : ((value as { S: string }).S ?? '');
};
const str = (value: unknown) => (typeof value === 'string' ? value : (value as { S: string }).S);

/** The authorisation checks DynamoDB makes for one command (`GetItemCommand`, …; input not yet marshalled). */
function requestsOf(command: string, input: Item): Request[] {
  const single = (action: string, key: unknown, returnValues?: unknown): Request => ({
    action: `dynamodb:${action}`,
    resource: TABLE_ARN,
    leadingKeys: [pk(key)],
    returnValues: returnValues as string | undefined,
  });
  switch (command) {
    case 'GetItemCommand':
      return [single('GetItem', input.Key)];
    case 'PutItemCommand':
      return [single('PutItem', input.Item, input.ReturnValues)];
    case 'UpdateItemCommand':
      return [single('UpdateItem', input.Key, input.ReturnValues)];
    case 'DeleteItemCommand':
      return [single('DeleteItem', input.Key, input.ReturnValues)];
    case 'QueryCommand': {
      const index = input.IndexName as string | undefined;
      const keyName = index
        ? tableDefinition.indexes.find((i) => i.name === index)!.partitionKey
        : tableDefinition.partitionKey;
      const placeholder = new RegExp(`${keyName}\\s*=\\s*(:\\w+)`).exec(
        input.KeyConditionExpression as string,
      )![1]!;
      const value = str((input.ExpressionAttributeValues as Item)[placeholder]);
      return [
        { action: 'dynamodb:Query', resource: index ? indexArn(index) : TABLE_ARN, leadingKeys: [value] },
      ];
    }
    case 'BatchGetItemCommand':
      return Object.values(input.RequestItems as Record<string, { Keys: Item[] }>).map(({ Keys }) => ({
        action: 'dynamodb:BatchGetItem',
        resource: TABLE_ARN,
        leadingKeys: Keys.map(pk),
      }));
    case 'BatchWriteItemCommand':
      return Object.values(input.RequestItems as Record<string, Item[]>).map((writes) => ({
        action: 'dynamodb:BatchWriteItem',
        resource: TABLE_ARN,
        leadingKeys: writes.map((w) => pk((w.PutRequest as Item)?.Item ?? (w.DeleteRequest as Item)?.Key)),
      }));
    case 'TransactWriteItemsCommand':
    case 'TransactGetItemsCommand':
      // A transaction is authorised per contained action.
      return (input.TransactItems as Item[]).map((entry) => {
        const [kind, body] = Object.entries(entry)[0] as [string, Item];
        const action = {
          Put: 'PutItem',
          Update: 'UpdateItem',
          Delete: 'DeleteItem',
          ConditionCheck: 'ConditionCheckItem',
          Get: 'GetItem',
        }[kind]!;
        return single(action, body.Item ?? body.Key);
      });
    default:
      return [
        { action: `dynamodb:${command.replace(/Command$/, '')}`, resource: TABLE_ARN, leadingKeys: [] },
      ];
  }
}

interface Denial {
  scope: string;
  request: Request;
}

type Widening = Parameters<DbFor>[1];

let app: Hono;
let tokens: Map<string, string>;
let denials: Denial[];
let checked: Request[];
/** Every widened handle asked for, with the scope its session policy got. */
let widened: TenantScope[];
/** What tenant-credentials.ts does: the caller's scope, widened to the collections the repository asks for. */
const realScope = (identity: Identity, widen: Widening): TenantScope => ({
  space: identity.space,
  reach: identity.reach,
  collections: widen?.collections ?? [],
});
/** Which scope the database handle of an identity gets; the tests swap it for the negative controls. */
let scopeOf: (identity: Identity, widen: Widening) => TenantScope = realScope;

beforeAll(async () => {
  const endpoint = inject('dynamoEndpoint');
  const db = await createTestDb(endpoint, { seed: true });
  const { dev, verifyToken } = await createDevIssuer(db);
  denials = [];
  checked = [];
  widened = [];

  const dbFor: DbFor = async (identity, widen): Promise<Db> => {
    const scope = scopeOf(identity, widen);
    if (widen) widened.push(scope);
    const statements = tenantSessionPolicy(TABLE_ARN, scope).Statement as Statement[];
    const doc = createDocumentClient({ endpoint });
    doc.middlewareStack.add(
      (next, context) => async (args) => {
        for (const request of requestsOf(context.commandName ?? '', args.input as Item)) {
          checked.push(request);
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
  app = createApp({ db, verifyToken, dbFor, logError: () => {} });
  tokens = new Map();
  for (const user of [
    'ermelo.inkoper',
    'ermelo.approver',
    'kompas.signer',
    'kompas.reporter',
    'utrecht.inkoper',
  ]) {
    tokens.set(user, (await dev.issueToken(user))!);
  }
});

/** A tRPC answer: its status and JSON body, loosely typed; each assertion states the shape it expects. */
// biome-ignore lint/suspicious/noExplicitAny: as in test/support/api.ts
type Answer = { status: number; body: any };

/** A query, or with `mutation` a mutation, by its path and with the input its schema accepts (typed by AppRouter). */
async function call<P extends QueryPath>(
  user: string,
  procedure: P,
  input: ProcedureInput<P>,
): Promise<Answer>;
async function call<P extends MutationPath>(
  user: string,
  procedure: P,
  input: ProcedureInput<P>,
  mutation: true,
): Promise<Answer>;
async function call(user: string, procedure: string, input: unknown, mutation = false): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${tokens.get(user)}` };
  const response = mutation
    ? await app.request(`/trpc/${procedure}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(input),
      })
    : await app.request(rawQueryUrl(procedure, input), { headers });
  return { status: response.status, body: await response.json() };
}

describe('the API within its session policies (emulated IAM over DynamoDB Local)', () => {
  it('serves a municipality user’s reads and writes, region and party-view projection included', async () => {
    denials.length = 0;
    const user = 'ermelo.inkoper';
    expect((await call(user, 'me.get', undefined)).status).toBe(200);
    expect((await call(user, 'agreement.find', { limit: 10 })).status).toBe(200);
    const region = await call(user, 'agreement.find', { space: 'RGNOORDVELUWE', limit: 10 });
    expect(region.status).toBe(200);
    expect(region.body.result.data.items.length).toBeGreaterThan(0);
    expect((await call(user, 'agreement.get', { id: 'rnv-gr-01' })).status).toBe(200);
    expect((await call(user, 'organisation.find', {})).status).toBe(200);

    // erm-jh-2025 has Jeugdhulp Kompas as a party: an update re-projects its view into PV81234567.
    const current = await call(user, 'agreement.get', { id: 'erm-jh-2025' });
    expect(current.status).toBe(200);
    const updated = await call(
      user,
      'agreement.update',
      {
        id: 'erm-jh-2025',
        expectedVersion: current.body.result.data.version,
        data: { title: 'Jeugdhulp ambulant (bijgewerkt)' },
      },
      true,
    );
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    // …in the same transaction, as a write into the provider's space that only the PartyViews statement allows.
    expect(checked).toContainEqual(
      expect.objectContaining({ action: 'dynamodb:PutItem', leadingKeys: ['PV81234567#AGR#erm-jh-2025'] }),
    );
    for (const procedure of ['agreement.history', 'agreement.verifyAudit', 'agreement.versions'] as const) {
      expect((await call(user, procedure, { id: 'erm-jh-2025' })).status, procedure).toBe(200);
    }
    const created = await call(
      user,
      'agreement.create',
      {
        kind: 'contract',
        reference: 'ERM-IAM-1',
        title: 'IAM',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      },
      true,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(denials).toEqual([]);
  });

  it('serves a provider user its party views, and sees the projected update', async () => {
    denials.length = 0;
    const found = await call('kompas.signer', 'agreement.find', { limit: 10 });
    expect(found.status).toBe(200);
    const view = await call('kompas.signer', 'agreement.get', { id: 'erm-jh-2025' });
    expect(view.status).toBe(200);
    expect(view.body.result.data.title).toBe('Jeugdhulp ambulant (bijgewerkt)');
    expect(denials).toEqual([]);
  });

  it('answers NOT_FOUND outside the reach without the database being asked for foreign keys', async () => {
    denials.length = 0;
    expect((await call('utrecht.inkoper', 'agreement.get', { id: 'erm-jh-2025' })).status).toBe(404);
    const foreign = await call('utrecht.inkoper', 'agreement.find', { space: 'GM0233' });
    expect(foreign.body.result.data.items).toEqual([]);
    expect(denials).toEqual([]);
  });

  it('is refused by IAM when the credentials’ scope is narrower than the request (the emulation bites)', async () => {
    denials.length = 0;
    scopeOf = (identity) => ({ space: identity.space, reach: [identity.space] }); // no regions
    try {
      const response = await call('ermelo.inkoper', 'agreement.get', { id: 'rnv-gr-01' });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(denials.map((d) => d.request.leadingKeys)).toContainEqual(
        expect.arrayContaining(['RGNOORDVELUWE#AGR#rnv-gr-01']),
      );
    } finally {
      scopeOf = realScope;
    }
  });
});

describe('kompas.reporter (provider) delivers a report on erm-jh-2025 within its widened session policy', () => {
  const COLLECTION = 'GM0233#AGR#erm-jh-2025';
  const OWN_VIEW = 'PV81234567#AGR#erm-jh-2025';
  const today = new Date().toISOString().slice(0, 10);
  // The seed activates ERM-2025-JH01 today: its quarterly duty expects the report on the quarter just ended.
  const expected = firstExpected('quarterly', '2025-01-01', today);
  const submit = (summary: string) =>
    call(
      'kompas.reporter',
      'report.submit',
      { agreementId: 'erm-jh-2025', dutyId: 'jh-kwartaal', period: expected.key, summary },
      true,
    );

  it('is refused by IAM if the request were not widened (the provider’s own reach has no GM0233 key)', async () => {
    denials.length = 0;
    scopeOf = (identity) => ({ space: identity.space, reach: identity.reach }); // collections ignored
    try {
      const response = await submit('zonder verbreding');
      expect(response.status).toBe(500);
      expect(denials.length).toBeGreaterThan(0);
      expect(denials.every((d) => d.request.leadingKeys.every((k) => k.startsWith('GM0233#')))).toBe(true);
      expect(denials.map((d) => d.request.leadingKeys)).toContainEqual([COLLECTION]);
    } finally {
      scopeOf = realScope;
    }
  });

  it('reads what is due and submits the expected period; every call falls inside the widened policy', async () => {
    denials.length = 0;
    widened.length = 0;
    const due = await call('kompas.reporter', 'report.due', {});
    expect(due.status, JSON.stringify(due.body)).toBe(200);
    expect(
      due.body.result.data.map((r: { agreementId: string; dutyId: string; period: string }) => [
        r.agreementId,
        r.dutyId,
        r.period,
      ]),
    ).toContainEqual(['erm-jh-2025', 'jh-kwartaal', expected.key]);
    expect(widened).toEqual([]); // reading its own party views needs no widening

    const before = checked.length;
    const submitted = await submit('Productie volgens plan; gemiddelde wachttijd 5 weken.');
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.result.data).toMatchObject({
      agreementId: 'erm-jh-2025',
      dutyId: 'jh-kwartaal',
      period: expected.key,
      side: 'provider',
      submittedBy: 'kompas.reporter',
    });
    expect(denials).toEqual([]);

    // The repository asked for exactly the agreement's collection, after reading its own party view.
    expect(widened).toEqual([{ space: 'PV81234567', reach: ['PV81234567'], collections: [COLLECTION] }]);
    const calls = checked.slice(before);
    const keysOf = (predicate: (r: Request) => boolean) =>
      calls.filter(predicate).flatMap((r) => r.leadingKeys);
    const viewRead = calls.findIndex((r) => r.action === 'dynamodb:GetItem' && r.leadingKeys[0] === OWN_VIEW);
    expect(viewRead).toBeGreaterThanOrEqual(0);
    expect(viewRead).toBeLessThan(calls.findIndex((r) => r.leadingKeys.includes(COLLECTION)));
    // Every key touched is the collection or in the provider's own space; the municipality's only as that key.
    for (const request of calls) {
      for (const key of request.leadingKeys) {
        expect(key === COLLECTION || key.startsWith('PV81234567#'), JSON.stringify(request)).toBe(true);
      }
      if (request.leadingKeys.includes(COLLECTION)) expect(request.resource).toBe(TABLE_ARN);
    }
    // The transaction: report, next due item, audit head and audit event in the collection; the own view refreshed.
    const writes = (action: string) => keysOf((r) => r.action === `dynamodb:${action}`);
    expect(writes('PutItem').filter((k) => k === COLLECTION).length).toBeGreaterThanOrEqual(3);
    expect(writes('UpdateItem')).toContain(COLLECTION);
    expect(writes('PutItem')).toContain(OWN_VIEW);

    // Without widening none of the municipality's calls would have passed: the plain provider policy refuses them.
    const plain = tenantSessionPolicy(TABLE_ARN, { space: 'PV81234567', reach: ['PV81234567'] })
      .Statement as Statement[];
    const intoMunicipality = calls.filter((r) => r.leadingKeys.some((k) => k.startsWith('GM0233#')));
    expect(intoMunicipality.length).toBeGreaterThan(0);
    for (const request of intoMunicipality) {
      expect(policyAllows(plain, request), JSON.stringify(request)).toBe(false);
    }
    // …nor with a neighbouring collection of the same municipality.
    const other = tenantSessionPolicy(TABLE_ARN, {
      space: 'PV81234567',
      reach: ['PV81234567'],
      collections: ['GM0233#AGR#erm-wmo-2026'],
    }).Statement as Statement[];
    for (const request of intoMunicipality) {
      expect(policyAllows(other, request), JSON.stringify(request)).toBe(false);
    }
  });

  it('lets the municipality read the delivered report in its own reach', async () => {
    denials.length = 0;
    const reports = await call('ermelo.inkoper', 'report.list', { agreementId: 'erm-jh-2025' });
    expect(reports.status, JSON.stringify(reports.body)).toBe(200);
    expect(reports.body.result.data).toContainEqual(
      expect.objectContaining({ period: expected.key, side: 'provider', organisation: 'PV81234567' }),
    );
    expect(denials).toEqual([]);
  });
});

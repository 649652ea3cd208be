import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainError } from '@regie/core';
import { createDocumentClient, createRepositories, type Db, keys, type Scope } from '@regie/db';
import { beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { contractInput } from '../support/agreement-input.ts';
import { createTestDb } from '../support/db.ts';

/**
 * Issue 17 point 7: a repeated read of an agreement asks for one key (agreement-spaces.ts) instead of one per
 * space of the caller's reach — and the hint never names a space outside the reach, nor hides a moved item.
 */
const scope = (space: string, reach: string[], roles: string[]): Scope => ({
  space,
  reach,
  actor: `${space}.${roles[0]}`,
  organisation: space,
  roles: roles as Scope['roles'],
});
const ermeloInkoper = scope('GM0233', ['GM0233', 'RGNOORDVELUWE'], ['inkoper']);
const ermeloViewer = scope('GM0233', ['GM0233', 'RGNOORDVELUWE'], ['viewer']);
const utrechtInkoper = scope('GM0344', ['GM0344'], ['inkoper']);
const input = contractInput;

/** Every DynamoDB call through `db`: its command and the agreement keys it names. */
type Call = { command: string; keys: string[] };

describe('agreement reads after the first name one key', () => {
  let db: Db;
  let watched: Db;
  const calls: Call[] = [];
  beforeAll(async () => {
    db = await createTestDb(inject('dynamoEndpoint'));
    watched = { doc: createDocumentClient({ endpoint: inject('dynamoEndpoint') }), tableName: db.tableName };
    watched.doc.middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as {
          Key?: { pk: string };
          RequestItems?: Record<string, { Keys: { pk: string }[] }>;
        };
        const named = input.Key
          ? [input.Key]
          : Object.values(input.RequestItems ?? {}).flatMap((r) => r.Keys);
        calls.push({ command: String(context.commandName), keys: named.map((k) => k.pk) });
        return next(args);
      },
      { step: 'initialize' },
    );
  });
  beforeEach(() => {
    calls.length = 0;
  });

  it('reads over the reach once, then one GetItem of the space that held it', async () => {
    const created = await createRepositories(db, ermeloInkoper).agreements.create(input('R-HINT-1'));
    calls.length = 0;
    // Each request has repositories of its own; the hint outlives them.
    const first = await createRepositories(watched, ermeloViewer).agreements.get(created.id);
    const second = await createRepositories(watched, ermeloViewer).agreements.get(created.id);
    expect(second).toEqual(first);
    expect(calls).toEqual([
      {
        command: 'BatchGetItemCommand',
        keys: [keys.agreement('GM0233', created.id).pk, keys.agreement('RGNOORDVELUWE', created.id).pk],
      },
      { command: 'GetItemCommand', keys: [keys.agreement('GM0233', created.id).pk] },
    ]);
  });

  it('for a caller whose transitions need the mandate: one BatchGetItem of the hinted key and the space records', async () => {
    const created = await createRepositories(db, ermeloInkoper).agreements.create(input('R-HINT-2'));
    await createRepositories(watched, ermeloInkoper).agreements.get(created.id);
    calls.length = 0;
    await createRepositories(watched, ermeloInkoper).agreements.get(created.id);
    expect(calls).toEqual([
      {
        command: 'BatchGetItemCommand',
        keys: [
          keys.agreement('GM0233', created.id).pk,
          keys.space('GM0233').pk,
          keys.space('RGNOORDVELUWE').pk,
        ],
      },
    ]);
  });

  it('never uses a hint outside the caller’s reach: a foreign id reads like a missing one', async () => {
    const foreign = await createRepositories(watched, utrechtInkoper).agreements.create(input('R-HINT-3'));
    await createRepositories(watched, utrechtInkoper).agreements.get(foreign.id); // Utrecht's hint: GM0344
    calls.length = 0;
    const refused = await createRepositories(watched, ermeloViewer)
      .agreements.get(foreign.id)
      .catch((e: DomainError) => e);
    const missing = await createRepositories(watched, ermeloViewer)
      .agreements.get('no-such-agreement')
      .catch((e: DomainError) => e);
    expect((refused as DomainError).code).toBe('NOT_FOUND');
    expect((missing as DomainError).code).toBe('NOT_FOUND');
    expect(calls.map((c) => c.command)).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand']);
    expect(calls.flatMap((c) => c.keys).some((pk) => pk.startsWith('GM0344'))).toBe(false);
  });

  it('falls back to the whole reach when the hinted key is empty, and learns the new space', async () => {
    const created = await createRepositories(db, ermeloInkoper).agreements.create(input('R-HINT-4'));
    await createRepositories(watched, ermeloViewer).agreements.get(created.id); // hint: GM0233
    // The item is moved to the region by hand (no procedure does this): the hint now points at an empty key.
    const { Item } = await db.doc.send(
      new GetCommand({ TableName: db.tableName, Key: keys.agreement('GM0233', created.id) }),
    );
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...Item, ...keys.agreement('RGNOORDVELUWE', created.id), space: 'RGNOORDVELUWE' },
      }),
    );
    await db.doc.send(
      new DeleteCommand({ TableName: db.tableName, Key: keys.agreement('GM0233', created.id) }),
    );
    calls.length = 0;
    const moved = await createRepositories(watched, ermeloViewer).agreements.get(created.id);
    expect(moved.space).toBe('RGNOORDVELUWE');
    const again = await createRepositories(watched, ermeloViewer).agreements.get(created.id);
    expect(again.space).toBe('RGNOORDVELUWE');
    expect(calls).toEqual([
      { command: 'GetItemCommand', keys: [keys.agreement('GM0233', created.id).pk] },
      {
        command: 'BatchGetItemCommand',
        keys: [keys.agreement('GM0233', created.id).pk, keys.agreement('RGNOORDVELUWE', created.id).pk],
      },
      { command: 'GetItemCommand', keys: [keys.agreement('RGNOORDVELUWE', created.id).pk] },
    ]);
    // Gone everywhere: NOT_FOUND, after the hinted key and the reach.
    await db.doc.send(
      new DeleteCommand({ TableName: db.tableName, Key: keys.agreement('RGNOORDVELUWE', created.id) }),
    );
    const gone = await createRepositories(watched, ermeloViewer)
      .agreements.get(created.id)
      .catch((e: DomainError) => e);
    expect((gone as DomainError).code).toBe('NOT_FOUND');
  });
});

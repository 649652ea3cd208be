import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ImportRow } from '@regie/core';
import { createRepositories, type Db, keys, type Scope } from '@regie/db';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDb } from '../support/db.ts';

/**
 * Issue 13 point 5: the import writes several whole agreements per transaction (up to DynamoDB's 100 items), each
 * with its own audit event in the same transaction; when a grouped transaction is cancelled — here a reference
 * taken by another caller between the import's check and its write — each agreement of that group is written on
 * its own, so each row still gets its own outcome.
 */

const KOMPAS = { kvkNumber: '81234567', name: 'Jeugdhulp Kompas B.V.' };

const inkoper: Scope = {
  space: 'GM0233',
  reach: ['GM0233', 'RGNOORDVELUWE'],
  actor: 'ermelo.inkoper',
  organisation: 'GM0233',
  roles: ['inkoper'],
};
const colleague: Scope = { ...inkoper, actor: 'ermelo.contractmanager', roles: ['contractmanager'] };

const rows = (prefix: string, count: number): ImportRow[] =>
  Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    reference: `${prefix}-${i}`,
    kind: 'contract',
    title: `Jeugdhulp ambulant ${i}`,
    status: i % 2 === 0 ? 'active' : 'draft',
    domain: 'youth',
    startDate: '2025-01-01',
    endDate: '2028-12-31',
    noticePeriodMonths: 3,
    valueCeilingCents: 1_000_000,
    parties: [KOMPAS],
  }));

type Items = NonNullable<TransactWriteCommand['input']['TransactItems']>;

/** `db` with every TransactWriteItems recorded, and `before` run once ahead of the first grouped one. */
function spiedDb(db: Db, before?: () => Promise<unknown>) {
  const transactions: Items[] = [];
  let raced = false;
  const doc = {
    send: async (command: unknown) => {
      if (command instanceof TransactWriteCommand) {
        const items = command.input.TransactItems ?? [];
        const agreements = items.filter((i) => i.Put?.Item?.type === 'agreement').length;
        if (before && !raced && agreements > 1) {
          raced = true;
          await before();
        }
        transactions.push(items);
      }
      return db.doc.send(command as never);
    },
  } as unknown as DynamoDBDocumentClient;
  return { db: { ...db, doc }, transactions };
}

/** The agreement ids a transaction puts, and whether each one's audit event is in the same transaction. */
function agreementsOf(items: Items) {
  return items
    .filter((i) => i.Put?.Item?.type === 'agreement')
    .map((i) => {
      const id = i.Put!.Item!.id as string;
      const audit = items.some(
        (j) =>
          j.Put?.Item?.type === 'audit' &&
          j.Put.Item.objectId === id &&
          j.Put.Item.action === 'agreement.import',
      );
      return { id, audit };
    });
}

async function agreementsWithPrefix(db: Db, prefix: string) {
  const found: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({
        TableName: db.tableName,
        FilterExpression: '#t = :t AND begins_with(#r, :p)',
        ExpressionAttributeNames: { '#t': 'type', '#r': 'reference' },
        ExpressionAttributeValues: { ':t': 'agreement', ':p': prefix },
        ExclusiveStartKey: start,
      }),
    );
    found.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

describe('import transactions of several agreements', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(inject('dynamoEndpoint'), { seed: true });
  });

  it('writes a batch in transactions of whole agreements, each with its audit event, up to 100 items', async () => {
    const spied = spiedDb(db);
    const file = rows('GRP-A', 40);
    const results = await createRepositories(spied.db, inkoper).imports.import(file, false);
    expect(results.map((r) => r.outcome)).toEqual(file.map(() => 'created'));
    const { transactions } = spied;
    // Far fewer transactions than agreements, none over DynamoDB's limit, every agreement in exactly one.
    expect(transactions.length).toBeLessThan(10);
    expect(Math.max(...transactions.map((t) => t.length))).toBeLessThanOrEqual(100);
    const written = transactions.flatMap(agreementsOf);
    expect(written.map((w) => w.id).sort()).toEqual(results.map((r) => r.id).sort());
    expect(written.every((w) => w.audit)).toBe(true);
    expect(await agreementsWithPrefix(db, 'GRP-A-')).toHaveLength(40);
  });

  it('falls back to one transaction per agreement when a reference is taken meanwhile', async () => {
    let theirs = '';
    const spied = spiedDb(db, async () => {
      // Another caller creates GRP-B-3 after the import read the references and before it writes them.
      const created = await createRepositories(db, colleague).agreements.create({
        kind: 'contract',
        reference: 'GRP-B-3',
        title: 'Aangemaakt door een collega',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
      });
      theirs = created.id;
    });
    const file = rows('GRP-B', 6);
    const results = await createRepositories(spied.db, inkoper).imports.import(file, false);

    expect(results.map((r) => [r.reference, r.outcome])).toEqual([
      ['GRP-B-0', 'created'],
      ['GRP-B-1', 'created'],
      ['GRP-B-2', 'created'],
      ['GRP-B-3', 'exists'],
      ['GRP-B-4', 'created'],
      ['GRP-B-5', 'created'],
    ]);
    expect(results[3]!.id).toBe(theirs);
    // The grouped transaction of all six, cancelled; then each agreement on its own.
    const perTransaction = spied.transactions.map((t) => agreementsOf(t).length);
    expect(perTransaction).toEqual([6, 1, 1, 1, 1, 1, 1]);

    // Nothing doubled or half-written: the colleague's agreement as they made it, the five imported with one
    // audit event each, and no trace of the import's own GRP-B-3.
    const stored = await agreementsWithPrefix(db, 'GRP-B-');
    expect(stored.map((a) => a.reference).sort()).toEqual(file.map((r) => r.reference));
    const repo = createRepositories(db, inkoper).agreements;
    expect(await repo.get(theirs)).toMatchObject({ title: 'Aangemaakt door een collega', status: 'draft' });
    expect((await repo.history(theirs)).map((e) => e.action)).toEqual(['create']);
    for (const result of results.filter((r) => r.outcome === 'created')) {
      expect((await repo.history(result.id!)).map((e) => e.action)).toEqual(['agreement.import']);
      expect((await repo.verify(result.id!)).valid).toBe(true);
    }
    const refused = agreementsOf(spied.transactions[0]!)[3]!.id;
    const leftover = await db.doc.send(
      new ScanCommand({
        TableName: db.tableName,
        FilterExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.agreement('GM0233', refused).pk },
      }),
    );
    expect(leftover.Items ?? []).toEqual([]);
  });
});

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainError } from '@regie/core';
import { createRepositories, type Db, keys, type Scope } from '@regie/db';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { contractInput } from '../support/agreement-input.ts';
import { createTestDb } from '../support/db.ts';

const ermelo: Scope = {
  space: 'GM0233',
  reach: ['GM0233', 'RGNOORDVELUWE'],
  actor: 'ermelo.inkoper',
  organisation: 'GM0233',
  roles: ['inkoper'],
};
const utrecht: Scope = {
  space: 'GM0344',
  reach: ['GM0344'],
  actor: 'utrecht.inkoper',
  organisation: 'GM0344',
  roles: ['inkoper'],
};

const input = contractInput;

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a rejection');
}

describe('agreement repository on DynamoDB Local', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb(inject('dynamoEndpoint'));
  });

  it('creates an agreement with version 1, its initial status and an audit event', async () => {
    const repo = createRepositories(db, ermelo).agreements;
    const created = await repo.create(input('R-CREATE'));
    expect(created).toMatchObject({
      space: 'GM0233',
      version: 1,
      status: 'draft',
      createdBy: 'ermelo.inkoper',
    });
    expect(await repo.get(created.id)).toEqual(created);
    const history = await repo.history(created.id);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ seq: 1, action: 'create', actor: 'ermelo.inkoper' });
  });

  it('refuses a duplicate reference in the same space with CONFLICT, but allows it in another space', async () => {
    await createRepositories(db, ermelo).agreements.create(input('R-DUP'));
    const error = await rejection(createRepositories(db, ermelo).agreements.create(input('r-dup')));
    expect(error.code).toBe('CONFLICT');
    expect(error.field).toBe('reference');
    await expect(createRepositories(db, utrecht).agreements.create(input('R-DUP'))).resolves.toMatchObject({
      space: 'GM0344',
    });
  });

  it('answers NOT_FOUND for another space’s agreement, exactly like a missing id', async () => {
    const created = await createRepositories(db, ermelo).agreements.create(input('R-ISO'));
    const foreign = await rejection(createRepositories(db, utrecht).agreements.get(created.id));
    const missing = await rejection(createRepositories(db, utrecht).agreements.get('does-not-exist'));
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign.message).toBe(missing.message);
    const list = await createRepositories(db, utrecht).agreements.find({ limit: 100 });
    expect(list.items.map((a) => a.id)).not.toContain(created.id);
    const otherSpace = await createRepositories(db, utrecht).agreements.find({ limit: 100, space: 'GM0233' });
    expect(otherSpace.items).toEqual([]);
  });

  it('lets 20 concurrent updates with one expectedVersion produce exactly one success', async () => {
    const repo = createRepositories(db, ermelo).agreements;
    const created = await repo.create(input('R-RACE'));
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        createRepositories(db, ermelo).agreements.update(created.id, 1, { title: `Titel ${i}` }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    const conflicts = results.filter(
      (r) => r.status === 'rejected' && (r.reason as DomainError).code === 'CONFLICT',
    );
    expect(ok).toHaveLength(1);
    expect(conflicts).toHaveLength(19);
    const after = await repo.get(created.id);
    expect(after.version).toBe(2);
    expect(after.title).toBe((ok[0] as PromiseFulfilledResult<{ title: string }>).value.title);
    expect(await repo.verify(created.id)).toEqual({
      valid: true,
      events: 2,
      anchor: { status: 'notAnchored' },
      state: { seq: 2, status: 'matches' },
    });
  });

  it('refuses a stale expectedVersion with CONFLICT and changes nothing', async () => {
    const repo = createRepositories(db, ermelo).agreements;
    const created = await repo.create(input('R-STALE'));
    await repo.update(created.id, 1, { title: 'Nieuw' });
    const error = await rejection(repo.update(created.id, 1, { title: 'Ouder' }));
    expect(error.code).toBe('CONFLICT');
    expect((await repo.get(created.id)).title).toBe('Nieuw');
    expect(await repo.history(created.id)).toHaveLength(2);
  });

  it('walks a contract through its life cycle and refuses an illegal transition with a reason', async () => {
    const repo = createRepositories(db, ermelo).agreements;
    const approver = createRepositories(db, {
      ...ermelo,
      actor: 'ermelo.approver',
      roles: ['approver'],
    }).agreements;
    const created = await repo.create(input('R-LIFE'));
    const illegal = await rejection(repo.transition(created.id, 1, 'active'));
    expect(illegal.code).toBe('BAD_REQUEST');
    expect(illegal.message).toMatch(/cannot go from draft to active/);
    const inApproval = await repo.transition(created.id, 1, 'in_approval');
    const selfApprove = await rejection(repo.transition(created.id, inApproval.version, 'approved'));
    expect(selfApprove.code).toBe('FORBIDDEN');
    const approved = await approver.transition(
      created.id,
      inApproval.version,
      'approved',
      'Past binnen budget',
    );
    expect(approved).toMatchObject({ status: 'approved', version: 3 });
    const history = await repo.history(created.id);
    expect(history.map((e) => e.action)).toEqual(['create', 'transition', 'transition']);
    expect(history[2]!.changes).toEqual({
      status: { before: 'in_approval', after: 'approved' },
      note: { before: null, after: 'Past binnen budget' },
      // What was approved: the terms version and value, so a later change is not covered (SPEC §5.1).
      approval: {
        before: null,
        after: {
          by: 'ermelo.approver',
          at: expect.any(String),
          termsVersion: 1,
          valueCeilingCents: created.valueCeilingCents,
        },
      },
    });
  });

  it('names the broken link when a stored audit event is altered directly in DynamoDB', async () => {
    const repo = createRepositories(db, ermelo).agreements;
    const created = await repo.create(input('R-TAMPER'));
    await repo.update(created.id, 1, { title: 'Twee' });
    await repo.update(created.id, 2, { title: 'Drie' });
    expect(await repo.verify(created.id)).toEqual({
      valid: true,
      events: 3,
      anchor: { status: 'notAnchored' },
      state: { seq: 3, status: 'matches' },
    });
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.auditEvent('GM0233', created.id, 2),
        UpdateExpression: 'SET actor = :a',
        ExpressionAttributeValues: { ':a': 'mallory' },
      }),
    );
    expect(await repo.verify(created.id)).toMatchObject({ valid: false, brokenAt: 2 });
  });

  it('pages the register with a cursor that cannot be pointed at another space', async () => {
    const repo = createRepositories(db, utrecht).agreements;
    for (let i = 0; i < 5; i++) await repo.create({ ...input(`R-PAGE-${i}`), domain: 'wmo' });
    const first = await repo.find({ limit: 2, domain: 'wmo' });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await repo.find({ limit: 2, domain: 'wmo', cursor: first.nextCursor! });
    expect(second.items.map((a) => a.id)).not.toContain(first.items[0]!.id);
    const forged = Buffer.from(
      JSON.stringify({ gsi1pk: 'GM0233#REG', gsi1sk: 'x', pk: 'GM0233#AGR#x', sk: 'AGR' }),
    ).toString('base64url');
    expect((await rejection(repo.find({ limit: 2, cursor: forged }))).code).toBe('BAD_REQUEST');
  });

  it('lists a framework’s call-offs and refuses a call-off under a non-framework', async () => {
    const repo = createRepositories(db, ermelo).agreements;
    const framework = await repo.create(input('R-FRAME'));
    const callOff = await repo.create({ ...input('R-FRAME-D1'), parentId: framework.id });
    await repo.create(input('R-UNRELATED'));
    const children = await repo.find({ limit: 10, parentId: framework.id });
    expect(children.items.map((a) => a.id)).toEqual([callOff.id]);
    const nested = await rejection(repo.create({ ...input('R-FRAME-D2'), parentId: callOff.id }));
    expect(nested).toMatchObject({ code: 'BAD_REQUEST', field: 'parentId' });
    const subsidy = await rejection(
      repo.create({ ...input('R-FRAME-S'), kind: 'subsidy', parentId: framework.id }),
    );
    expect(subsidy.field).toBe('parentId');
  });

  it('renews with an option and refuses past the last one', async () => {
    const repo = createRepositories(db, ermelo).agreements;
    const approver = createRepositories(db, {
      ...ermelo,
      actor: 'ermelo.approver',
      roles: ['approver'],
    }).agreements;
    let a = await repo.create({
      ...input('R-RENEW'),
      endDate: '2027-01-31',
      renewal: { options: 1, monthsEach: 1 },
    });
    expect((await rejection(repo.renew(a.id, a.version))).message).toMatch(/active/);
    a = await repo.transition(a.id, a.version, 'in_approval');
    a = await approver.transition(a.id, a.version, 'approved');
    a = await repo.transition(a.id, a.version, 'out_for_signature');
    a = await repo.transition(a.id, a.version, 'active');
    const renewed = await repo.renew(a.id, a.version);
    expect(renewed).toMatchObject({ endDate: '2027-02-28', renewal: { options: 1, monthsEach: 1, used: 1 } });
    expect((await rejection(repo.renew(a.id, renewed.version))).message).toMatch(
      /No renewal option left \(1 of 1 used\)/,
    );
    const versions = await repo.versions(a.id);
    expect(versions.map((v) => v.version)).toEqual([1, renewed.version]);
    expect(versions.at(-1)!.terms.endDate).toBe('2027-02-28');
  });

  it('refuses product lines that break the iStandaarden rules, naming the line and field', async () => {
    const repo = createRepositories(db, ermelo).agreements;
    const bad = await rejection(
      repo.create({
        ...input('R-LINES'),
        productLines: [{ category: '02', productCode: '02A01', variant: 'task', lumpSumCents: 100 }],
      }),
    );
    expect(bad).toMatchObject({ code: 'BAD_REQUEST', field: 'productLines.0.category' });
    const task = await rejection(
      repo.create({
        ...input('R-LINES-2'),
        productLines: [
          { category: '45', productCode: '45A48', variant: 'task', lumpSumCents: 100, volumeCeiling: 3 },
        ],
      }),
    );
    expect(task.field).toBe('productLines.0.volumeCeiling');
  });

  it('finds agreements by a word of the title or a party’s name, and by end date', async () => {
    const repo = createRepositories(db, utrecht).agreements;
    const a = await repo.create({
      ...input('R-SEARCH-1'),
      title: 'Dagbesteding ouderen Overvecht',
      endDate: '2026-06-30',
    });
    await repo.create({ ...input('R-SEARCH-2'), title: 'Vervoer leerlingen', endDate: '2029-06-30' });
    expect((await repo.find({ limit: 10, q: 'overv' })).items.map((x) => x.id)).toEqual([a.id]);
    expect((await repo.find({ limit: 10, q: 'dagbest ouder' })).items.map((x) => x.id)).toEqual([a.id]);
    expect((await repo.find({ limit: 10, q: 'zwembad' })).items).toEqual([]);
    const soon = await repo.find({ limit: 50, endsBefore: '2027-01-01' });
    expect(soon.items.map((x) => x.id)).toContain(a.id);
    expect(soon.items.every((x) => x.endDate < '2027-01-01')).toBe(true);
  });
});

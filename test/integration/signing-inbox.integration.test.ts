import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * SPEC §5.2: what waits for signature is listed for everyone in its reach — a region's agreement for the users
 * of its member municipalities too (they read it; only the region's own users sign for it, SPEC §2 rule 7), never
 * for anyone outside the region.
 */
describe('signing inbox across a region', () => {
  let api: TestApi;
  let id: string;
  beforeAll(async () => {
    const db = await createTestDb(inject('dynamoEndpoint'), { seed: true });
    api = await startTestApi(db);
    // Only the region's own users write its agreements (SPEC §2 rule 7): its coordinator sends this one out,
    // within a mandate the region sets for itself (here straight on its record: no region admin is seeded).
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.space('RGNOORDVELUWE'),
        UpdateExpression: 'SET mandateThresholdCents = :m',
        ExpressionAttributeValues: { ':m': 10_000_000 },
      }),
    );
    const coordinator = await api.token('noordveluwe.coordinator');
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'service_agreement',
        space: 'RGNOORDVELUWE',
        reference: 'RNV-DVO-SIGN',
        title: 'Regionale DVO ter ondertekening',
        domain: 'ict',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        valueCeilingCents: 5_000_000,
      },
      coordinator,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const a = created.body.result.data;
    const moved = await api.mutate(
      'agreement.transition',
      { id: a.id, expectedVersion: a.version, to: 'out_for_signature' },
      coordinator,
    );
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    id = a.id;
  });
  afterAll(() => api.close());

  const inboxOf = async (user: string) => {
    const res = await api.query('signing.inbox', {}, await api.token(user));
    expect(res.status).toBe(200);
    return res.body.result.data.map((s: { agreementId: string }) => s.agreementId) as string[];
  };

  it("lists the region's agreement for its own and its members' users, but only the region signs", async () => {
    expect(await inboxOf('noordveluwe.coordinator')).toContain(id);
    expect(await inboxOf('ermelo.approver')).toContain(id);
    expect(await inboxOf('harderwijk.inkoper')).toContain(id);
    const sign = await api.mutate(
      'signing.sign',
      { agreementId: id, documentHash: 'a'.repeat(64), consent: true },
      await api.token('ermelo.approver'),
    );
    expect(sign.status).toBe(403);
  });

  it('never for a municipality outside the region or a provider', async () => {
    expect(await inboxOf('utrecht.inkoper')).not.toContain(id);
    expect(await inboxOf('kompas.signer')).not.toContain(id);
  });
});

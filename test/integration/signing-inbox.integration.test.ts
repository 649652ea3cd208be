import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * SPEC §5.2: what waits for signature is listed for everyone who may sign it — a region's agreement for the
 * users of its member municipalities too, never for anyone outside the region.
 */
describe('signing inbox across a region', () => {
  let api: TestApi;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    const inkoper = await api.token('ermelo.inkoper');
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
      },
      inkoper,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    let a = created.body.result.data;
    for (const [to, user] of [
      ['in_approval', 'ermelo.inkoper'],
      ['approved', 'ermelo.approver'],
      ['out_for_signature', 'ermelo.inkoper'],
    ] as const) {
      const moved = await api.mutate(
        'agreement.transition',
        { id: a.id, expectedVersion: a.version, to },
        await api.token(user),
      );
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      a = moved.body.result.data;
    }
    id = a.id;
  });
  afterAll(() => api.close());

  const inboxOf = async (user: string) => {
    const res = await api.query('signing.inbox', {}, await api.token(user));
    expect(res.status).toBe(200);
    return res.body.result.data.map((s: { agreementId: string }) => s.agreementId) as string[];
  };

  it("lists the region's agreement for its members' users", async () => {
    expect(await inboxOf('ermelo.approver')).toContain(id);
    expect(await inboxOf('harderwijk.inkoper')).toContain(id);
  });

  it('never for a municipality outside the region or a provider', async () => {
    expect(await inboxOf('utrecht.inkoper')).not.toContain(id);
    expect(await inboxOf('kompas.signer')).not.toContain(id);
  });
});

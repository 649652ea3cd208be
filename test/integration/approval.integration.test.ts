import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** SPEC §5.1: above the tenant's mandate threshold, signing needs an approver who is not the drafter. */
describe('approval and the mandate threshold', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const draft = async (token: string, reference: string, valueCeilingCents: number) =>
    (
      await api.mutate(
        'agreement.create',
        {
          kind: 'contract',
          reference,
          title: 'Vervoer',
          domain: 'wmo',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          valueCeilingCents,
        },
        token,
      )
    ).body.result.data;

  it('lets a contract within the mandate go straight to signature, and one above it not', async () => {
    const inkoper = await api.token('ermelo.inkoper');
    const small = await draft(inkoper, 'MANDAAT-1', 10_000_000);
    expect(small.transitions).toEqual(['in_approval', 'out_for_signature']);
    expect(
      (
        await api.mutate(
          'agreement.transition',
          { id: small.id, expectedVersion: 1, to: 'out_for_signature' },
          inkoper,
        )
      ).status,
    ).toBe(200);

    const large = await draft(inkoper, 'MANDAAT-2', 10_000_001);
    expect(large.transitions).toEqual(['in_approval']);
    const refused = await api.mutate(
      'agreement.transition',
      { id: large.id, expectedVersion: 1, to: 'out_for_signature' },
      inkoper,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/mandate threshold/);
  });

  it('offers approval only to the approver, not to the drafter', async () => {
    const approver = await api.token('ermelo.approver');
    // (A user holding both roles who drafted it is refused too: packages/core/src/agreement.test.ts.)
    const inkoper = await api.token('ermelo.inkoper');
    const a = await draft(inkoper, 'MANDAAT-4', 50_000_000);
    await api.mutate('agreement.transition', { id: a.id, expectedVersion: 1, to: 'in_approval' }, inkoper);
    const seen = (await api.query('agreement.get', { id: a.id }, approver)).body.result.data;
    expect(seen.transitions).toEqual(['approved', 'draft']);
    expect((await api.query('agreement.get', { id: a.id }, inkoper)).body.result.data.transitions).toEqual(
      [],
    );
    const approved = await api.mutate(
      'agreement.transition',
      { id: a.id, expectedVersion: 2, to: 'approved', note: 'Binnen begroting' },
      approver,
    );
    expect(approved.status).toBe(200);
  });

  it('lets only the tenant admin change the threshold, audited on the space', async () => {
    expect(
      (
        await api.mutate(
          'tenant.updateSettings',
          { expectedVersion: 1, mandateThresholdCents: 1 },
          await api.token('ermelo.inkoper'),
        )
      ).status,
    ).toBe(403);
    const admin = await api.token('ermelo.admin');
    // The seed's own settings changes (the benchmark opt-in, seed-benchmark.ts) come first.
    const { version } = (await api.query('tenant.settings', undefined, admin)).body.result.data;
    const changed = await api.mutate(
      'tenant.updateSettings',
      { expectedVersion: version, mandateThresholdCents: 25_000_000 },
      admin,
    );
    expect(changed.body.result.data).toEqual({
      space: 'GM0233',
      version: version + 1,
      mandateThresholdCents: 25_000_000,
      signalThresholds: [80, 100],
      benchmarkOptIn: true,
      regions: ['RGNOORDVELUWE'],
    });
    const inkoper = await api.token('ermelo.inkoper');
    expect(
      (await api.query('tenant.settings', undefined, inkoper)).body.result.data.mandateThresholdCents,
    ).toBe(25_000_000);
    const now = await draft(inkoper, 'MANDAAT-5', 20_000_000);
    expect(now.transitions).toContain('out_for_signature');
    const trail = (await api.query('tenant.history', undefined, admin)).body.result.data;
    expect(trail.verification.valid).toBe(true);
    expect(trail.events.at(-1)).toMatchObject({
      action: 'settings',
      actor: 'ermelo.admin',
      changes: { mandateThresholdCents: { before: 10_000_000, after: 25_000_000 } },
    });
  });
});

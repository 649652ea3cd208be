import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** SPEC §4.6: either side opens an escalation; each step up the ladder is timed and audited. */
describe('escalation ladder', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('lets the provider open one and the municipality take it up two levels, each step audited', async () => {
    const provider = await api.token('kompas.reporter');
    const manager = await api.token('ermelo.contractmanager');
    const opened = await api.mutate(
      'escalation.open',
      {
        agreementId: 'erm-jh-2025',
        subject: 'Declaraties blijven liggen',
        description: 'Drie maanden onbetaald.',
      },
      provider,
    );
    expect(opened.status).toBe(200);
    const e = opened.body.result.data;
    expect(e).toMatchObject({ status: 'open', level: 0, version: 1 });
    expect(e.steps[0]).toMatchObject({
      side: 'provider',
      by: 'kompas.reporter',
      levelName: 'contractmanager',
    });

    const up1 = await api.mutate(
      'escalation.escalate',
      { agreementId: 'erm-jh-2025', escalationId: e.id, expectedVersion: 1, note: 'Naar de regisseur' },
      manager,
    );
    const up2 = await api.mutate(
      'escalation.escalate',
      { agreementId: 'erm-jh-2025', escalationId: e.id, expectedVersion: 2, note: 'Naar de directie' },
      manager,
    );
    expect(up2.body.result.data.steps.map((s: { levelName: string }) => s.levelName)).toEqual([
      'contractmanager',
      'regisseur',
      'directie',
    ]);
    expect(up1.body.result.data.deadline <= up2.body.result.data.deadline).toBe(true);
    const stale = await api.mutate(
      'escalation.escalate',
      { agreementId: 'erm-jh-2025', escalationId: e.id, expectedVersion: 2, note: 'nogmaals' },
      manager,
    );
    expect(stale.status).toBe(409);

    const open = (await api.query('escalation.openInSpace', {}, manager)).body.result.data;
    expect(open.find((r: { id: string }) => r.id === e.id)).toMatchObject({
      reference: 'ERM-2025-JH01',
      levelName: 'directie',
    });

    // The provider sees the same escalation with every step.
    const theirs = (await api.query('escalation.list', { agreementId: 'erm-jh-2025' }, provider)).body.result
      .data;
    expect(theirs.find((x: { id: string }) => x.id === e.id).steps).toHaveLength(3);

    const resolved = await api.mutate(
      'escalation.resolve',
      { agreementId: 'erm-jh-2025', escalationId: e.id, expectedVersion: 3, note: 'Achterstand ingelopen' },
      provider,
    );
    expect(resolved.body.result.data).toMatchObject({ status: 'resolved', deadline: null });
    const still = (await api.query('escalation.openInSpace', {}, manager)).body.result.data;
    expect(still.some((r: { id: string }) => r.id === e.id)).toBe(false);

    const history = (await api.query('agreement.history', { id: 'erm-jh-2025' }, manager)).body.result.data;
    expect(history.slice(-4).map((h: { action: string }) => h.action)).toEqual([
      'escalation.open',
      'escalation.escalate',
      'escalation.escalate',
      'escalation.resolve',
    ]);
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-jh-2025' }, manager)).body.result.data.valid,
    ).toBe(true);
  });

  it('keeps other providers out', async () => {
    const other = await api.token('wijkracht.signer');
    expect((await api.query('escalation.list', { agreementId: 'erm-jh-2025' }, other)).status).toBe(404);
    const opened = await api.mutate(
      'escalation.open',
      { agreementId: 'erm-jh-2025', subject: 'x', description: 'y' },
      other,
    );
    expect(opened.status).toBe(404);
  });

  it('seeds an open escalation one level up', async () => {
    const open = (await api.query('escalation.openInSpace', {}, await api.token('ermelo.viewer'))).body.result
      .data;
    expect(
      open.some(
        (r: { subject: string; levelName: string }) =>
          r.subject.startsWith('Wachttijd') && r.levelName === 'regisseur',
      ),
    ).toBe(true);
  });
});

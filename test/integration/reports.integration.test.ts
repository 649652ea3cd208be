import { firstExpected, reportDueDate } from '@regie/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/** SPEC §4.3: providers report under information duties; late and missing reports show as overdue. */
describe('information duties and reports', () => {
  let api: TestApi;
  const today = new Date().toISOString().slice(0, 10);
  // The seed activates ERM-2025-JH01 today: its quarterly duty expects the report on the quarter just ended.
  const expected = firstExpected('quarterly', '2025-01-01', today);
  const dueDate = reportDueDate(expected, 30);

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  it('shows the municipality what is due, soonest first, with overdue marked', async () => {
    const due = await api.query('report.due', {}, await api.token('ermelo.contractmanager'));
    expect(due.status).toBe(200);
    const row = due.body.result.data.find((r: { dutyId: string }) => r.dutyId === 'jh-kwartaal');
    expect(row).toMatchObject({
      reference: 'ERM-2025-JH01',
      period: expected.key,
      dueDate,
      overdue: dueDate < today,
    });
    const dates = due.body.result.data.map((r: { dueDate: string }) => r.dueDate);
    expect(dates).toEqual([...dates].sort());
    const one = await api.query(
      'report.due',
      { agreementId: 'erm-jh-2025' },
      await api.token('ermelo.viewer'),
    );
    expect(one.body.result.data.map((r: { dutyId: string }) => r.dutyId)).toEqual(['jh-kwartaal']);
  });

  it('lets the provider see the duty in its own portal and deliver the report', async () => {
    const reporter = await api.token('kompas.reporter');
    const mine = await api.query('report.due', {}, reporter);
    expect(
      mine.body.result.data.map((r: { reference: string; period: string }) => [r.reference, r.period]),
    ).toContainEqual(['ERM-2025-JH01', expected.key]);
    const view = (await api.query('agreement.get', { id: 'erm-jh-2025' }, reporter)).body.result.data;
    expect(view.duties.map((d: { id: string }) => d.id)).toEqual([
      'jh-kwartaal',
      'jh-calamiteit',
      'jh-plafond',
    ]);

    const submitted = await api.mutate(
      'report.submit',
      {
        agreementId: 'erm-jh-2025',
        dutyId: 'jh-kwartaal',
        period: expected.key,
        summary: 'Productie volgens plan; gemiddelde wachttijd 5 weken.',
        figures: [{ label: 'Wachttijd (weken)', value: '5' }],
      },
      reporter,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.result.data).toMatchObject({
      side: 'provider',
      submittedBy: 'kompas.reporter',
      late: today > dueDate,
    });

    // The same period again is refused: the duty now expects the next one.
    const again = await api.mutate(
      'report.submit',
      { agreementId: 'erm-jh-2025', dutyId: 'jh-kwartaal', period: expected.key, summary: 'nogmaals' },
      reporter,
    );
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/expected now is for/);
  });

  it('lets the contract manager read the report, and the audit chain records who delivered it', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const reports = (await api.query('report.list', { agreementId: 'erm-jh-2025' }, manager)).body.result
      .data;
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ period: expected.key, side: 'provider', organisation: 'PV81234567' });
    const history = (await api.query('agreement.history', { id: 'erm-jh-2025' }, manager)).body.result.data;
    expect(history.at(-1)).toMatchObject({
      action: 'report',
      actor: 'kompas.reporter',
      organisation: 'PV81234567',
    });
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-jh-2025' }, manager)).body.result.data.valid,
    ).toBe(true);
    const next = (await api.query('report.due', {}, manager)).body.result.data.find(
      (r: { dutyId: string }) => r.dutyId === 'jh-kwartaal',
    );
    expect(next.period).not.toBe(expected.key);
  });

  it('keeps other providers out, and signers may not report', async () => {
    const other = await api.token('wijkracht.reporter');
    expect((await api.query('report.list', { agreementId: 'erm-jh-2025' }, other)).status).toBe(404);
    const submit = await api.mutate(
      'report.submit',
      { agreementId: 'erm-jh-2025', dutyId: 'jh-kwartaal', period: '2027-Q1', summary: 'x' },
      other,
    );
    expect(submit.status).toBe(404);
    const signer = await api.mutate(
      'report.submit',
      { agreementId: 'erm-jh-2025', dutyId: 'jh-kwartaal', period: '2027-Q1', summary: 'x' },
      await api.token('kompas.signer'),
    );
    expect(signer.status).toBe(403);
  });
});

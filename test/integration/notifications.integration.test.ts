import { addDays, notificationDeadline } from '@regie/core';
import { createDaySignals, keys, readDeadlines } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import {
  activeContractWithTwoProviders,
  KOMPAS,
  KOMPAS_NAME,
  refusedWithoutChange,
  type Tokens,
  tokensOf,
  WIJKRACHT,
} from '../support/two-providers.ts';

/**
 * Issue 14 point 3: a provider party files an event notification; it sits on the owner's deadline index at its
 * response deadline (working days) until answered or escalated; the dashboard and the inbox show it overdue; each
 * party sees only its own; Regie's own ceiling signal stands in for the ceiling_80 duty.
 */
const AGREEMENT = 'erm-jh-2025';

type Entry = {
  id: string;
  source: string;
  state?: string;
  party?: string;
  version: number;
  deadline?: string;
};

describe('event notifications (meldingen)', () => {
  let api: TestApi;
  let t: Tokens;
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    t = await tokensOf(api);
  });
  afterAll(() => api.close());

  // Raw: the refusals below send inputs the router's types rule out.
  const file = (token: string, input: Record<string, unknown>) =>
    api.raw.mutate('notification.file', { agreementId: AGREEMENT, dutyId: 'jh-calamiteit', ...input }, token);
  const list = async (token: string, agreementId = AGREEMENT): Promise<Entry[]> => {
    const response = await api.query('notification.list', { agreementId }, token);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.result.data.items;
  };
  const onIndex = async (id: string) =>
    (
      await readDeadlines(api.db, ['GM0233'], {
        from: '2020-01-01',
        through: '2030-12-31',
        limit: 100,
        which: 'notifications',
      })
    ).items.filter((r) => r.key === `notif-${id}`);

  it('shows the seeded calamity notification overdue on the dashboard', async () => {
    const dashboard = (await api.query('steering.dashboard', {}, t.manager)).body.result.data;
    const row = dashboard.overdueNotifications.find(
      (r: { agreementId: string }) => r.agreementId === AGREEMENT,
    );
    expect(row).toMatchObject({ reference: 'ERM-2025-JH01', event: 'calamity', partyName: KOMPAS_NAME });
    expect(row.deadline < today()).toBe(true);
  });

  it('files under an event duty, puts it on the index at its working-day deadline, and answers it off', async () => {
    const filed = await file(t.kompas, {
      description: 'Cliënt gevallen tijdens begeleiding.',
      figures: [{ label: 'Betrokken cliënten', value: 1, unit: 'cliënt' }],
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    const n = filed.body.result.data;
    const deadline = notificationDeadline(n.filedAt, 1);
    expect(n).toMatchObject({ state: 'open', version: 1, party: KOMPAS, event: 'calamity', deadline });
    const rows = await onIndex(n.id);
    expect(rows).toMatchObject([
      { kind: 'notification', date: deadline, roles: ['contractmanager', 'inkoper'] },
    ]);
    // The upcoming list of the owner shows it, the provider's own list too.
    const upcoming = (await api.query('deadline.upcoming', { from: today(), days: 30 }, t.manager)).body
      .result.data.items;
    expect(upcoming.some((r: { key: string }) => r.key === `notif-${n.id}`)).toBe(true);
    expect((await list(t.kompas)).some((e) => e.id === n.id)).toBe(true);

    // The job for the day after the deadline signals it overdue in the inbox of the contract manager.
    await createDaySignals(api.db, addDays(deadline, 1), ['GM0233']);
    const inbox = (await api.query('inbox.list', {}, t.manager)).body.result.data.items;
    expect(inbox.find((s: { key: string }) => s.key === `notif-${n.id}`)).toMatchObject({
      kind: 'notification',
      lead: -1,
      params: { duty: 'Melding calamiteit', party: KOMPAS_NAME },
    });

    const ack = await api.mutate(
      'notification.respond',
      {
        agreementId: AGREEMENT,
        notificationId: n.id,
        expectedVersion: 1,
        kind: 'acknowledge',
        text: 'Ontvangen',
      },
      t.manager,
    );
    expect(ack.body.result.data).toMatchObject({ state: 'acknowledged', version: 2 });
    expect(await onIndex(n.id)).toHaveLength(1);
    const stale = await api.mutate(
      'notification.respond',
      { agreementId: AGREEMENT, notificationId: n.id, expectedVersion: 1, kind: 'answer', text: 'x' },
      t.manager,
    );
    expect(stale.status).toBe(409);
    const answered = await api.mutate(
      'notification.respond',
      { agreementId: AGREEMENT, notificationId: n.id, expectedVersion: 2, kind: 'answer', text: 'Besproken' },
      t.inkoper,
    );
    expect(answered.body.result.data).toMatchObject({ state: 'answered', version: 3 });
    expect(await onIndex(n.id)).toEqual([]);
    const again = await api.mutate(
      'notification.respond',
      { agreementId: AGREEMENT, notificationId: n.id, expectedVersion: 3, kind: 'answer', text: 'x' },
      t.manager,
    );
    expect(again.body.error.data.reason).toBe('notification.closed');

    const history = (await api.query('agreement.history', { id: AGREEMENT }, t.manager)).body.result.data;
    expect(history.slice(-3).map((h: { action: string }) => h.action)).toEqual([
      'notification.file',
      'notification.acknowledge',
      'notification.answer',
    ]);
  });

  it('turns a notification into an escalation in one step, linked both ways', async () => {
    const n = (await file(t.kompasSigner, { description: 'Wachtlijst loopt op.\nDetails volgen.' })).body
      .result.data;
    const escalated = await api.mutate(
      'notification.escalate',
      { agreementId: AGREEMENT, notificationId: n.id, expectedVersion: 1 },
      t.manager,
    );
    expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
    const { notification, escalationId } = escalated.body.result.data;
    expect(notification).toMatchObject({ state: 'escalated', escalationId, version: 2 });
    expect(await onIndex(n.id)).toEqual([]);
    const escalations = (await api.query('escalation.list', { agreementId: AGREEMENT }, t.kompas)).body.result
      .data;
    expect(escalations.find((e: { id: string }) => e.id === escalationId)).toMatchObject({
      status: 'open',
      subject: 'Melding calamiteit: Wachtlijst loopt op.',
      description: n.description,
      notificationId: n.id,
      party: KOMPAS,
      side: 'municipality',
    });
    const open = (await api.query('escalation.openInSpace', {}, t.manager)).body.result.data;
    expect(open.some((r: { id: string }) => r.id === escalationId)).toBe(true);
    const history = (await api.query('agreement.history', { id: AGREEMENT }, t.manager)).body.result.data;
    expect(history.at(-1)).toMatchObject({ action: 'notification.escalate' });
    expect(Object.keys(history.at(-1).changes).sort()).toEqual(
      [`escalation.${escalationId}`, `notification.${n.id}`].sort(),
    );
    expect(
      (await api.query('agreement.verifyAudit', { id: AGREEMENT }, t.manager)).body.result.data.valid,
    ).toBe(true);
    const twice = await api.mutate(
      'notification.escalate',
      { agreementId: AGREEMENT, notificationId: n.id, expectedVersion: 2 },
      t.manager,
    );
    expect(twice.body.error.data.reason).toBe('notification.closed');
  });

  it('refuses bad input with a 4xx and changes nothing', async () => {
    const open = (await file(t.kompas, { description: 'Nog open' })).body.result.data;
    await refusedWithoutChange(api, [
      () => file(t.kompas, { dutyId: 'jh-kwartaal', description: 'periodiek' }),
      () => file(t.kompas, { dutyId: 'bestaat-niet', description: 'x' }),
      () => file(t.kompas, { description: '' }),
      () => file(t.kompas, { description: 'x'.repeat(4001) }),
      () => file(t.kompas, { description: 'x', figures: Array(11).fill({ label: 'a', value: 1 }) }),
      () => file(t.kompas, { description: 'x', figures: [{ label: 'a', value: 1e13 }] }),
      () => file(t.kompas, { description: 'x', filedAt: '2020-01-01T00:00:00Z' }),
      () => file(t.manager, { description: 'gemeente meldt niet' }),
      () => file(t.wijkracht, { description: 'geen partij' }),
      () =>
        api.mutate(
          'notification.respond',
          { agreementId: AGREEMENT, notificationId: open.id, expectedVersion: 1, kind: 'answer', text: 'x' },
          t.kompas,
        ),
      () =>
        api.raw.mutate(
          'notification.respond',
          { agreementId: AGREEMENT, notificationId: open.id, expectedVersion: 1, kind: 'close', text: 'x' },
          t.manager,
        ),
      () =>
        api.mutate(
          'notification.escalate',
          { agreementId: AGREEMENT, notificationId: 'n-bestaat-niet', expectedVersion: 1 },
          t.manager,
        ),
      () =>
        api.mutate(
          'notification.escalate',
          { agreementId: AGREEMENT, notificationId: open.id, expectedVersion: 1 },
          t.kompas,
        ),
    ]);
  });

  it('shows the provider Regie’s own ceiling signal under the ceiling_80 duty, as met', async () => {
    expect((await list(t.kompas)).some((e) => e.source === 'signal')).toBe(false);
    const budget = (await api.query('budget.get', { agreementId: AGREEMENT }, t.manager)).body.result.data;
    const toEighty = Math.ceil(125_000_000 * 0.8) - Number(budget.spentCents ?? 0);
    expect(toEighty).toBeGreaterThan(0);
    const recorded = await api.mutate(
      'budget.record',
      { agreementId: AGREEMENT, realisation: { period: '2026-10', amountCents: toEighty } },
      t.manager,
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const signal = (await list(t.kompas)).find((e) => e.source === 'signal');
    expect(signal).toMatchObject({
      dutyId: 'jh-plafond',
      event: 'ceiling_80',
      threshold: 80,
      metBySignal: true,
    });
    // An agreement without a ceiling_80 duty shows no such entry.
    expect((await list(t.manager, 'erm-jh-2026-samen')).some((e) => e.source === 'signal')).toBe(false);
  });

  it('keeps each provider party of a shared contract to its own notifications', async () => {
    const id = await activeContractWithTwoProviders(api, t, [
      { id: 'dp-calamiteit', kind: 'event', title: 'Melding calamiteit', event: 'calamity', responseDays: 2 },
    ]);
    const fileOn = (token: string, description: string) =>
      api.mutate('notification.file', { agreementId: id, dutyId: 'dp-calamiteit', description }, token);
    const kompas = (await fileOn(t.kompas, 'GEHEIM-kompas')).body.result.data;
    const wijkracht = (await fileOn(t.wijkracht, 'GEHEIM-wijkracht')).body.result.data;
    expect([kompas.party, wijkracht.party]).toEqual([KOMPAS, WIJKRACHT]);
    for (const [token, own, other] of [
      [t.kompas, kompas, wijkracht],
      [t.wijkracht, wijkracht, kompas],
      [t.wijkrachtSigner, wijkracht, kompas],
    ] as const) {
      const body = JSON.stringify((await api.query('notification.list', { agreementId: id }, token)).body);
      expect(body).toContain(own.id);
      expect(body).not.toContain(other.id);
      expect(body).not.toContain(other.description);
    }
    const all = await list(t.manager, id);
    expect(all.map((e) => e.party).sort()).toEqual([KOMPAS, WIJKRACHT].sort());
    // A co-party can neither answer nor escalate the other's (its roles may not), nor name it at all.
    await refusedWithoutChange(
      api,
      [t.wijkracht, t.wijkrachtSigner].flatMap((token) => [
        () =>
          api.mutate(
            'notification.respond',
            { agreementId: id, notificationId: kompas.id, expectedVersion: 1, kind: 'answer', text: 'x' },
            token,
          ),
        () =>
          api.mutate(
            'notification.escalate',
            { agreementId: id, notificationId: kompas.id, expectedVersion: 1 },
            token,
          ),
      ]),
    );
    // The index row names the party whose notification waits.
    const rows = (await onIndex(kompas.id)).concat(await onIndex(wijkracht.id));
    expect(rows.map((r) => r.params.party).sort()).toEqual(
      [KOMPAS_NAME, 'Stichting Wijkracht Noord-Veluwe'].sort(),
    );
    expect(rows.every((r) => r.space === 'GM0233' && r.agreementId === id)).toBe(true);
    expect(keys.openNotifications('GM0233')).toBe('GM0233#NOTIFOPEN');
  });
});

import { BatchWriteCommand, DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, type Deadline } from '@regie/core';
import { createDaySignals, deadlineItem, keys, readDeadlines } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * SPEC §5.3: one deadline engine per tenant, an inbox per user fed by a scheduled job that reads only what
 * is due, and a personal iCal feed behind a secret, revocable URL. Seed: erm-jh-2025 is active, ends
 * 2027-12-31 with six months' notice (notice date 2027-06-30) and two renewal options (decision 2027-05-30).
 */
describe('deadline engine', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const resetJob = (space: string) =>
    api.db.doc.send(new DeleteCommand({ TableName: api.db.tableName, Key: keys.jobRun(space) }));

  it("lists an agreement's notice, renewal decision and end date in date order", async () => {
    const manager = await api.token('ermelo.contractmanager');
    const res = await api.query('deadline.upcoming', { from: '2027-05-01', days: 400, limit: 100 }, manager);
    expect(res.status).toBe(200);
    const mine = res.body.result.data.items.filter(
      (d: { agreementId: string }) => d.agreementId === 'erm-jh-2025',
    );
    expect(mine.map((d: { kind: string; date: string }) => [d.kind, d.date])).toEqual([
      ['renewal_decision', '2027-05-30'],
      ['notice', '2027-06-30'],
      ['end', '2027-12-31'],
    ]);
    const dates = res.body.result.data.items.map((d: { date: string }) => d.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('pages through a merged list without losing or repeating a row', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const all = (await api.query('deadline.upcoming', { from: '2026-01-01', days: 400, limit: 100 }, manager))
      .body.result.data.items;
    expect(all.length).toBeGreaterThan(4);
    expect(all.some((d: { kind: string }) => d.kind === 'report_due')).toBe(true);
    const paged: { id: string }[] = [];
    let cursor: string | undefined;
    do {
      const page = (
        await api.query('deadline.upcoming', { from: '2026-01-01', days: 400, limit: 2, cursor }, manager)
      ).body.result.data;
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items);
      cursor = page.cursor ?? undefined;
    } while (cursor);
    expect(paged.map((d) => d.id)).toEqual(all.map((d: { id: string }) => d.id));
  });

  it('refuses a cursor that names another partition and a space out of reach', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const forged = Buffer.from(JSON.stringify({ 'GM0034#DEADLINES': '2026' })).toString('base64url');
    expect((await api.query('deadline.upcoming', { cursor: forged }, manager)).status).toBe(400);
    expect((await api.query('deadline.upcoming', { space: 'GM0034' }, manager)).status).toBe(404);
  });

  it("turns the day's deadlines into inbox signals for the roles, and a second run creates nothing", async () => {
    await resetJob('GM0233');
    // 2027-05-31: the notice date 2027-06-30 is 30 days ahead.
    const first = await createDaySignals(api.db, '2027-05-31', ['GM0233']);
    expect(first.created).toBeGreaterThan(0);
    const again = await createDaySignals(api.db, '2027-05-31', ['GM0233']);
    expect(again).toEqual({ spaces: 1, read: 0, created: 0, existing: 0 });
    // Even when the record of the last run is lost, a rerun writes the very same signals.
    await resetJob('GM0233');
    const retry = await createDaySignals(api.db, '2027-05-31', ['GM0233']);
    expect(retry.created).toBe(0);
    expect(retry.existing).toBe(first.created);

    for (const user of ['ermelo.contractmanager', 'ermelo.inkoper']) {
      const inbox = (await api.query('inbox.list', {}, await api.token(user))).body.result.data;
      expect(
        inbox.items.filter((s: { signalId: string }) => s.signalId === 'erm-jh-2025.notice.2027-06-30.30'),
      ).toHaveLength(1);
    }
    // Signals go to roles: the viewer has none; another municipality sees none of Ermelo's.
    const viewer = (await api.query('inbox.list', {}, await api.token('ermelo.viewer'))).body.result.data;
    expect(viewer.items).toEqual([]);
    const other = (await api.query('inbox.list', {}, await api.token('harderwijk.contractmanager'))).body
      .result.data;
    expect(other.items.filter((s: { space: string }) => s.space === 'GM0233')).toEqual([]);
  });

  it('marks a signal read for one user only', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const inkoper = await api.token('ermelo.inkoper');
    const before = (await api.query('inbox.list', {}, manager)).body.result.data;
    const signal = before.items.find(
      (s: { signalId: string }) => s.signalId === 'erm-jh-2025.notice.2027-06-30.30',
    );
    expect(signal.read).toBe(false);
    const marked = await api.mutate(
      'inbox.markRead',
      { ids: [{ space: 'GM0233', signalId: signal.signalId }] },
      manager,
    );
    expect(marked.status).toBe(200);
    const after = (await api.query('inbox.list', {}, manager)).body.result.data;
    expect(after.unread).toBe(before.unread - 1);
    const theirs = (await api.query('inbox.list', {}, inkoper)).body.result.data;
    expect(theirs.items.find((s: { signalId: string }) => s.signalId === signal.signalId).read).toBe(false);
    const foreign = await api.mutate(
      'inbox.markRead',
      { ids: [{ space: 'GM0034', signalId: signal.signalId }] },
      manager,
    );
    expect(foreign.status).toBe(404);
  });

  it('signals a report on its due date and as overdue the day after', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const due = (
      await api.query(
        'deadline.upcoming',
        { space: 'GM0233', from: '2026-01-01', days: 400, limit: 100 },
        manager,
      )
    ).body.result.data.items.find(
      (d: { kind: string; agreementId: string }) =>
        d.kind === 'report_due' && d.agreementId === 'erm-jh-2025',
    );
    expect(due).toBeTruthy();
    await resetJob('GM0233');
    const run = await createDaySignals(api.db, addDays(due.date, 1), ['GM0233']);
    expect(run.created).toBeGreaterThan(0);
    const inbox = (await api.query('inbox.list', {}, manager)).body.result.data;
    expect(inbox.items.map((s: { signalId: string }) => s.signalId)).toContain(`${due.id}.-1`);
  });

  it('reads only what is due: a thousand far-off deadlines cost the job nothing', async () => {
    const space = 'GM0233';
    const far: Deadline[] = Array.from({ length: 1000 }, (_, i) => ({
      kind: 'end',
      key: `noise-${i}`,
      date: addDays('2030-01-01', i % 300),
      agreementId: 'erm-wmo-2026',
      space,
      roles: ['contractmanager'],
      label: 'end',
    }));
    for (let i = 0; i < far.length; i += 25) {
      await api.db.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [api.db.tableName]: far.slice(i, i + 25).map((d) => ({
              PutRequest: { Item: deadlineItem(d, { reference: 'ERM-NOISE', title: 'ruis' }) },
            })),
          },
        }),
      );
    }
    const today = '2027-05-31';
    const expected = (
      await Promise.all(
        [
          [addDays(today, 30), 'deadlines'],
          [addDays(today, 7), 'deadlines'],
          [today, 'deadlines'],
          [today, 'reports'],
          [addDays(today, -1), 'reports'],
          [today, 'escalations'],
          [addDays(today, -1), 'escalations'],
        ].map(([day, which]) =>
          readDeadlines(api.db, [space], {
            from: day!,
            through: day!,
            limit: 100,
            which: which as 'deadlines',
          }),
        ),
      )
    ).reduce((n, r) => n + r.items.length, 0);
    await resetJob(space);
    const run = await createDaySignals(api.db, today, [space]);
    expect(run.read).toBe(expected);
    expect(run.read).toBeLessThan(10);
  });

  it('serves a personal iCal feed at a secret URL, rotates and revokes it', async () => {
    const manager = await api.token('ermelo.contractmanager');
    expect((await api.query('ical.status', undefined, manager)).body.result.data.active).toBe(false);
    const created = (await api.mutate('ical.create', {}, manager)).body.result.data;
    expect(created.path).toMatch(/^\/ical\/GM0233\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await fetch(`${api.url}${created.path}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const body = await feed.text();
    expect(body).toContain('BEGIN:VCALENDAR');
    expect(body).toMatch(/DTSTART;VALUE=DATE:20270630/);
    expect(body).toContain('Laatste dag opzeggen: ERM-2025-JH01');
    expect(body).not.toContain('HDW'); // nothing of another municipality

    // The secret only opens its own space's feed; a guess opens nothing.
    const secret = created.path.split('/')[3];
    expect((await fetch(`${api.url}/ical/GM0034/${secret}`)).status).toBe(404);
    expect((await fetch(`${api.url}/ical/GM0233/${'A'.repeat(43)}.ics`)).status).toBe(404);
    expect((await fetch(`${api.url}/ical/GM0233/kort.ics`)).status).toBe(404);

    const rotated = (await api.mutate('ical.create', {}, manager)).body.result.data;
    expect((await fetch(`${api.url}${created.path}`)).status).toBe(404);
    expect((await fetch(`${api.url}${rotated.path}`)).status).toBe(200);
    expect((await api.mutate('ical.revoke', {}, manager)).status).toBe(200);
    expect((await fetch(`${api.url}${rotated.path}`)).status).toBe(404);
    expect((await api.query('ical.status', undefined, manager)).body.result.data.active).toBe(false);
  });

  it('lists an open escalation by its step deadline and signals it on the day and, still open, the day after', async () => {
    const manager = await api.token('ermelo.contractmanager');
    const opened = await api.mutate(
      'escalation.open',
      { agreementId: 'erm-jh-2025', subject: 'Wachtlijst loopt op', description: 'Vier maanden wachten.' },
      manager,
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const e = opened.body.result.data;
    const key = `esc-${e.id}-0`;
    const upcoming = (
      await api.query(
        'deadline.upcoming',
        { space: 'GM0233', from: e.deadline, days: 1, limit: 100 },
        manager,
      )
    ).body.result.data.items;
    expect(upcoming.find((d: { key: string }) => d.key === key)).toMatchObject({
      kind: 'escalation',
      date: e.deadline,
      reference: 'ERM-2025-JH01',
      params: { subject: 'Wachtlijst loopt op', level: 'contractmanager' },
      roles: ['contractmanager', 'inkoper'],
    });
    await resetJob('GM0233');
    await createDaySignals(api.db, addDays(e.deadline, 1), ['GM0233']);
    const inbox = (await api.query('inbox.list', {}, await api.token('ermelo.inkoper'))).body.result.data;
    const ids = inbox.items.map((s: { signalId: string }) => s.signalId);
    expect(ids).toContain(`erm-jh-2025.${key}.${e.deadline}.-1`);
    // Resolved, it leaves the list (and the index the job reads).
    const resolved = await api.mutate(
      'escalation.resolve',
      { agreementId: 'erm-jh-2025', escalationId: e.id, expectedVersion: e.version, note: 'Opgelost' },
      manager,
    );
    expect(resolved.status).toBe(200);
    const after = (
      await api.query(
        'deadline.upcoming',
        { space: 'GM0233', from: e.deadline, days: 1, limit: 100 },
        manager,
      )
    ).body.result.data.items;
    expect(after.some((d: { key: string }) => d.key === key)).toBe(false);
  });

  it("brings the day's budget signals into the inbox of their roles, once", async () => {
    const manager = await api.token('ermelo.contractmanager');
    const agreement = (await api.query('agreement.get', { id: 'erm-jh-2025' }, manager)).body.result.data;
    const spent = agreement.budget?.spentCents ?? 0;
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await api.mutate(
      'budget.record',
      {
        agreementId: 'erm-jh-2025',
        realisation: { period: today.slice(0, 7), amountCents: agreement.valueCeilingCents - spent },
      },
      manager,
    );
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    const crossed = recorded.body.result.data.signals.filter((s: { year?: number }) => s.year === undefined);
    expect(crossed.map((s: { threshold: number }) => s.threshold)).toContain(100);
    await resetJob('GM0233');
    const first = await createDaySignals(api.db, today, ['GM0233']);
    expect(first.created).toBeGreaterThan(0);
    const inbox = (await api.query('inbox.list', {}, manager)).body.result.data;
    const budget = inbox.items.filter((s: { kind: string }) => s.kind === 'budget_threshold');
    expect(budget.map((s: { signalId: string }) => s.signalId)).toContain(
      `erm-jh-2025.budget-all-100.${today}.0`,
    );
    expect(budget.find((s: { params: { threshold: string } }) => s.params.threshold === '100')).toMatchObject(
      {
        reference: 'ERM-2025-JH01',
        date: today,
        roles: ['contractmanager', 'inkoper', 'approver'],
      },
    );
    await resetJob('GM0233');
    const again = await createDaySignals(api.db, today, ['GM0233']);
    expect(again.created).toBe(0);
    const other = (await api.query('inbox.list', {}, await api.token('harderwijk.contractmanager'))).body
      .result.data;
    expect(other.items.filter((s: { agreementId: string }) => s.agreementId === 'erm-jh-2025')).toEqual([]);
  });

  it('gives every stored deadline of an agreement its new title when it is renamed', async () => {
    const manager = await api.token('ermelo.contractmanager');
    // A deadline another feature wrote (as the Wgr calendar does), not one the agreement's own rules produce.
    await api.db.doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [api.db.tableName]: [
            {
              PutRequest: {
                Item: deadlineItem(
                  {
                    kind: 'wgr',
                    key: 'wgr-2027-budgetAdoption',
                    date: '2026-12-15',
                    agreementId: 'erm-jh-2025',
                    space: 'GM0233',
                    roles: ['contractmanager'],
                    label: 'wgr.budgetAdoption',
                    params: { year: '2027' },
                  },
                  { reference: 'ERM-2025-JH01', title: 'oude titel' },
                ),
              },
            },
          ],
        },
      }),
    );
    const current = (await api.query('agreement.get', { id: 'erm-jh-2025' }, manager)).body.result.data;
    const renamed = await api.mutate(
      'agreement.update',
      {
        id: 'erm-jh-2025',
        expectedVersion: current.version,
        data: { title: 'Jeugdhulp Noord-Veluwe (hernoemd)' },
      },
      await api.token('ermelo.inkoper'),
    );
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const mine = (
      await api.query(
        'deadline.upcoming',
        { space: 'GM0233', from: '2026-12-01', days: 400, limit: 100 },
        manager,
      )
    ).body.result.data.items.filter((d: { agreementId: string }) => d.agreementId === 'erm-jh-2025');
    expect(mine.map((d: { key: string }) => d.key)).toEqual(
      expect.arrayContaining(['wgr-2027-budgetAdoption', 'notice', 'renewal']),
    );
    for (const d of mine) expect(d.title, JSON.stringify(d)).toBe('Jeugdhulp Noord-Veluwe (hernoemd)');
    expect(
      (await api.query('agreement.verifyAudit', { id: 'erm-jh-2025' }, manager)).body.result.data.valid,
    ).toBe(true);
  });

  it('keeps a draft off the list and moves the dates with a renewal (run last: it renews the seed)', async () => {
    const inkoper = await api.token('ermelo.inkoper');
    const manager = await api.token('ermelo.contractmanager');
    const created = await api.mutate(
      'agreement.create',
      {
        kind: 'contract',
        reference: 'ERM-DL-1',
        title: 'Termijnproef',
        domain: 'youth',
        startDate: '2026-01-01',
        endDate: '2027-03-31',
        noticePeriodMonths: 3,
      },
      inkoper,
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const list = async (from: string) =>
      (await api.query('deadline.upcoming', { space: 'GM0233', from, days: 400, limit: 100 }, manager)).body
        .result.data.items;
    expect(
      (await list('2026-01-01')).filter(
        (d: { agreementId: string }) => d.agreementId === created.body.result.data.id,
      ),
    ).toEqual([]);

    const current = (await api.query('agreement.get', { id: 'erm-jh-2025' }, manager)).body.result.data;
    const renewed = await api.mutate(
      'agreement.renew',
      { id: 'erm-jh-2025', expectedVersion: current.version },
      inkoper,
    );
    expect(renewed.status, JSON.stringify(renewed.body)).toBe(200);
    const moved = (await list('2027-06-01')).filter(
      (d: { agreementId: string }) => d.agreementId === 'erm-jh-2025',
    );
    expect(moved.map((d: { kind: string; date: string }) => [d.kind, d.date])).toEqual([
      ['renewal_decision', '2028-05-30'],
      ['notice', '2028-06-30'],
    ]);
    expect(
      (await list('2027-01-01')).some((d: { id: string }) => d.id === 'erm-jh-2025.notice.2027-06-30'),
    ).toBe(false);
  });
});

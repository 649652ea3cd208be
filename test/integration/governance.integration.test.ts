import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, governanceDefaults, meetingSchedule } from '@regie/core';
import { deadlineItem, keys } from '@regie/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * Governance that acts (issue 14 point 1) against DynamoDB Local: a partner relation previewed and applied to a
 * running seed contract with two provider parties (ERM-2026-JH02) — its duties, the due items that follow, the
 * meeting deadlines on the deadline index, one audit event — and nothing written for a stale version or bad input.
 * A meeting passed without a dialogue record is missed on the dashboard until a record marks it held.
 */
describe('governance: preview and apply a relation decision', () => {
  let api: TestApi;
  const agreementId = 'erm-jh-2026-samen';
  const space = 'GM0233';
  const today = new Date().toISOString().slice(0, 10);
  const answers = {
    complexity: 'high',
    controlWhat: 'low',
    controlHow: 'low',
    alignment: 'aligned',
  } as const;
  const relation = { answers, chosen: 'partner' as const, governance: governanceDefaults('partner') };
  let token: string;

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    token = await api.token('ermelo.contractmanager');
  });
  afterAll(() => api.close());

  type Preview = {
    agreementVersion: number;
    steeringVersion: number;
    duties: {
      kept: { id?: string; title: string }[];
      added: { title: string; kind: string }[];
      removed: { id?: string; title: string }[];
      changed: unknown[];
      result: Record<string, unknown>[];
    };
    kpiLevel: { expected: string; reached: string | null; unclassified: string[] };
    meetings: { key: string; date: string }[];
    variants: { productCode: string; variant: string; matches: boolean }[];
    warnings: { code: string; reason: string; source: { section: string } }[];
  };

  const preview = async (user = token): Promise<Preview> => {
    const response = await api.query('steering.governancePreview', { agreementId, relation }, user);
    expect(response.status).toBe(200);
    return response.body.result.data;
  };

  it('previews the diff, KPI level, meetings, variants and warnings without writing', async () => {
    const before = await tableFingerprint(api.db);
    const p = await preview(await api.token('ermelo.viewer'));
    // Partner reports half-yearly: the quarterly report asks more than that, proposed for removal.
    expect(p.duties.removed.map((d) => d.id)).toEqual(['gb-kwartaal']);
    expect(p.duties.added.map((d) => d.title)).toEqual([
      'Halfjaarrapportage',
      'Melding calamiteit',
      'Melding wijziging eigendom',
      'Melding financiële problemen',
    ]);
    expect(p.kpiLevel).toEqual({
      expected: 'outcome',
      reached: null,
      unclassified: ['Behandeldoelen behaald'],
    });
    expect(p.meetings).toEqual(meetingSchedule('bimonthly', today, '2027-12-31'));
    expect(p.meetings.length).toBeGreaterThan(0);
    expect(p.variants).toMatchObject([{ productCode: '45A53', variant: 'output', matches: false }]);
    expect(p.warnings.map((w) => [w.code, w.reason])).toEqual([
      ['kpi_depth_not_reached', 'governance.kpiDepthNotReached'],
      ['execution_variant_differs', 'governance.executionVariantDiffers'],
    ]);
    expect(p.warnings.every((w) => w.source.section.startsWith('DOMAIN.md'))).toBe(true);
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('writes nothing for a stale version, an unknown duty, a wrong role or bad input', async () => {
    const p = await preview();
    const before = await tableFingerprint(api.db);
    const base = {
      agreementId,
      expectedVersion: p.steeringVersion,
      agreementVersion: p.agreementVersion,
      relation,
      duties: p.duties.result as never,
    };
    const staleAgreement = await api.mutate(
      'steering.applyGovernance',
      { ...base, agreementVersion: p.agreementVersion - 1 },
      token,
    );
    expect(staleAgreement.status).toBe(409);
    const staleSteering = await api.mutate(
      'steering.applyGovernance',
      { ...base, expectedVersion: p.steeringVersion + 1 },
      token,
    );
    expect(staleSteering.status).toBe(409);
    const unknown = await api.mutate(
      'steering.applyGovernance',
      {
        ...base,
        duties: [{ id: 'not-a-duty-here', kind: 'event', title: 'X', event: 'calamity', responseDays: 1 }],
      },
      token,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.data.reason).toBe('duty.unknown');
    const viewer = await api.mutate('steering.applyGovernance', base, await api.token('ermelo.viewer'));
    expect(viewer.status).toBe(403);
    const bad = await api.raw.mutate(
      'steering.applyGovernance',
      { ...base, duties: [{ kind: 'periodic', title: 'Rapport' }] },
      token,
    );
    expect(bad.status).toBe(400);
    const foreign = await api.mutate('steering.applyGovernance', base, await api.token('zeewolde.inkoper'));
    expect(foreign.status).toBe(404);
    expect(await tableFingerprint(api.db)).toEqual(before);
  });

  it('applies a partner relation: duties, due items, meeting deadlines and one audit event', async () => {
    const p = await preview();
    const historyBefore = (await api.query('agreement.history', { id: agreementId }, token)).body.result.data;
    const applied = await api.mutate(
      'steering.applyGovernance',
      {
        agreementId,
        expectedVersion: p.steeringVersion,
        agreementVersion: p.agreementVersion,
        relation,
        duties: p.duties.result as never,
      },
      token,
    );
    expect(applied.status).toBe(200);
    const data = applied.body.result.data;
    expect(data.steering).toMatchObject({ version: p.steeringVersion + 1, relation: { chosen: 'partner' } });
    expect(data.agreementVersion).toBe(p.agreementVersion + 1);
    expect(data.meetings.map((m: { date: string }) => m.date)).toEqual(p.meetings.map((m) => m.date));

    const agreement = (await api.query('agreement.get', { id: agreementId }, token)).body.result.data;
    expect(agreement.version).toBe(p.agreementVersion + 1);
    expect(agreement.termsVersion).toBe(p.agreementVersion + 1);
    expect(agreement.status).toBe('active');
    expect(agreement.duties.map((d: { title: string }) => d.title)).toEqual([
      'Halfjaarrapportage',
      'Melding calamiteit',
      'Melding wijziging eigendom',
      'Melding financiële problemen',
    ]);

    // Each provider party owes the half-yearly report; the quarterly one is no longer expected.
    const due = (await api.query('report.due', { agreementId }, token)).body.result.data as {
      dutyTitle: string;
      party: string;
      frequency: string;
    }[];
    expect(due.map((d) => [d.dutyTitle, d.frequency]).sort()).toEqual([
      ['Halfjaarrapportage', 'half_yearly'],
      ['Halfjaarrapportage', 'half_yearly'],
    ]);
    expect(new Set(due.map((d) => d.party)).size).toBe(2);

    // The meetings are on the space's deadline index by date, for the contract manager and the purchaser.
    const first = p.meetings[0]!;
    const indexed = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :sk)',
        ExpressionAttributeValues: {
          ':pk': keys.deadlineIndex(space),
          ':sk': `${first.date}#${agreementId}#`,
        },
      }),
    );
    expect(indexed.Items?.map((i) => [i.kind, i.key, i.roles])).toEqual([
      ['meeting', first.key, ['contractmanager', 'inkoper']],
    ]);
    const upcoming = (await api.query('deadline.upcoming', { space, days: 400, limit: 100 }, token)).body
      .result.data.items as { kind: string; agreementId: string; date: string }[];
    expect(
      upcoming.filter((r) => r.kind === 'meeting' && r.agreementId === agreementId).map((r) => r.date),
    ).toEqual(p.meetings.map((m) => m.date).filter((d) => d <= addDays(today, 399)));

    // One audit event carries the relation, the duties and the meetings; the chain still verifies.
    const history = (await api.query('agreement.history', { id: agreementId }, token)).body.result.data;
    expect(history).toHaveLength(historyBefore.length + 1);
    const event = history.at(-1);
    expect(event).toMatchObject({ action: 'governance', actor: 'ermelo.contractmanager' });
    expect(Object.keys(event.changes).sort()).toEqual([
      'duties',
      'meetings',
      'relation',
      'round',
      'termsVersion',
    ]);
    expect(
      (await api.query('agreement.verifyAudit', { id: agreementId }, token)).body.result.data.valid,
    ).toBe(true);
    const dashboard = (await api.query('steering.dashboard', { space }, token)).body.result.data;
    expect(dashboard.relationTypes.partner).toBeGreaterThan(0);
  });

  it('shows a meeting missed on the dashboard until a dialogue record marks it held', async () => {
    // A meeting planned three weeks ago (the cadence only plans ahead, so the test places it in the past).
    const date = addDays(today, -21);
    const key = `meeting-${date}`;
    await api.db.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
        TableName: api.db.tableName,
        Item: deadlineItem(
          {
            kind: 'meeting',
            key,
            date,
            agreementId,
            space,
            roles: ['contractmanager', 'inkoper'],
            label: 'meeting',
          },
          { reference: 'ERM-2026-JH02', title: 'Jeugdhulp gezinsbehandeling (combinatie)' },
        ),
      }),
    );
    const missed = async () =>
      (await api.query('steering.dashboard', { space }, token)).body.result.data.missedMeetings as {
        agreementId: string;
        date: string;
      }[];
    expect(await missed()).toContainEqual(
      expect.objectContaining({ agreementId, date, reference: 'ERM-2026-JH02' }),
    );

    // Minutes recorded two days after the meeting: it counts as held.
    const recorded = await api.mutate(
      'dialogue.record',
      { agreementId, date: addDays(date, 2), kind: 'meeting', participants: ['Contractmanager Ermelo'] },
      token,
    );
    expect(recorded.status).toBe(200);
    expect((await missed()).some((m) => m.agreementId === agreementId && m.date === date)).toBe(false);
    const item = await api.db.doc.send(
      new GetCommand({ TableName: api.db.tableName, Key: keys.deadline(space, agreementId, key) }),
    );
    expect(item.Item).toMatchObject({ held: true, heldBy: recorded.body.result.data.id });
    expect(item.Item?.gsi2pk).toBeUndefined();
  });

  it('takes the planned meetings away when the agreement ends, keeping a missed one on record', async () => {
    const meetings = async () =>
      (
        await api.db.doc.send(
          new QueryCommand({
            TableName: api.db.tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
            ExpressionAttributeValues: {
              ':pk': keys.agreement(space, agreementId).pk,
              ':sk': `${keys.deadlinePrefix}meeting-`,
            },
          }),
        )
      ).Items ?? [];
    // A meeting that passed unheld while the agreement ran (placed by the test: the cadence plans ahead only).
    const missedDate = addDays(today, -10);
    await api.db.doc.send(
      new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
        TableName: api.db.tableName,
        Item: deadlineItem(
          {
            kind: 'meeting',
            key: `meeting-${missedDate}`,
            date: missedDate,
            agreementId,
            space,
            roles: ['contractmanager', 'inkoper'],
            label: 'meeting',
          },
          { reference: 'ERM-2026-JH02', title: 'Jeugdhulp gezinsbehandeling (combinatie)' },
        ),
      }),
    );
    expect((await meetings()).filter((m) => m.date >= today).length).toBeGreaterThan(0);
    const inkoper = await api.token('ermelo.inkoper');
    const { version } = (await api.query('agreement.get', { id: agreementId }, inkoper)).body.result.data;
    const ended = await api.mutate(
      'agreement.transition',
      { id: agreementId, expectedVersion: version, to: 'terminated', note: 'Opgezegd' },
      inkoper,
    );
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const left = await meetings();
    expect(left.filter((m) => m.date >= today)).toEqual([]);
    expect(left.map((m) => m.date)).toContain(missedDate);
    const upcoming = (await api.query('deadline.upcoming', { space, days: 400, limit: 100 }, token)).body
      .result.data.items as { kind: string; agreementId: string }[];
    expect(upcoming.some((r) => r.kind === 'meeting' && r.agreementId === agreementId)).toBe(false);
    expect(
      (await api.query('agreement.verifyAudit', { id: agreementId }, token)).body.result.data.valid,
    ).toBe(true);
  });
});

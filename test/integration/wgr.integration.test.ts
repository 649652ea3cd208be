import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ProcedureInput, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * SPEC §5.6 / issue #5 point 4: the Wgr planning & control calendar of the GR Sociaal Domein Noord-Veluwe
 * (rnv-gr-01) for budget year 2027 — created and moved by the region's coordinator, each council's opinion
 * recorded (by the region, or by the member for its own council), next to each member's contribution; every
 * change audited in the GR's chain and every statutory date stored as a deadline. The tests build on each other.
 */
/** An opinion to record on the GR's calendar; the year may be overridden (a year without a calendar). */
type OpinionInput = Omit<ProcedureInput<'wgr.recordOpinion'>, 'agreementId' | 'year'> & { year?: number };

describe('Wgr P&C calendar', () => {
  let api: TestApi;
  const GR = 'rnv-gr-01';
  const YEAR = 2027;
  const opinion: OpinionInput['opinion'] = {
    draftReceived: '2026-04-08',
    opinionSubmitted: '2026-06-18',
    outcome: 'agrees_with_remarks',
    summary: 'Akkoord, met zorg over de stijgende kosten jeugdhulp.',
  };

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const as = (user: string) => api.token(user);
  const get = async (user: string, input: ProcedureInput<'wgr.get'> = { agreementId: GR, year: YEAR }) =>
    api.query('wgr.get', input, await as(user));
  const plan = async (user: string, input: Omit<ProcedureInput<'wgr.plan'>, 'agreementId' | 'year'>) =>
    api.mutate('wgr.plan', { agreementId: GR, year: YEAR, ...input }, await as(user));
  const record = async (user: string, input: OpinionInput) =>
    api.mutate('wgr.recordOpinion', { agreementId: GR, year: YEAR, ...input }, await as(user));

  /** The deadline items of the GR's collection, straight from the table. */
  async function wgrDeadlines() {
    const result = await api.db.doc.send(
      new QueryCommand({
        TableName: api.db.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :dl)',
        ExpressionAttributeValues: { ':pk': `RGNOORDVELUWE#AGR#${GR}`, ':dl': `DL#wgr-${YEAR}-` },
        ConsistentRead: true,
      }),
    );
    return Object.fromEntries((result.Items ?? []).map((i) => [i.key as string, i]));
  }

  it('shows the statutory defaults and each member’s contribution before the calendar exists', async () => {
    const response = await get('noordveluwe.coordinator');
    expect(response.status).toBe(200);
    const view = response.body.result.data;
    expect(view).toMatchObject({ version: 0, exists: false, canPlan: true, budgetSource: 'value_ceiling' });
    expect(view.steps).toHaveLength(8);
    expect(view.steps.find((s: { key: string }) => s.key === 'kaderbrief')).toMatchObject({
      date: '2026-04-30',
      article: 'Wgr art. 34b',
    });
    expect(view.members.map((m: { space: string }) => m.space)).toEqual(['GM0233', 'GM0243', 'GM0050']);
    expect(view.members.map((m: { contributionCents: number }) => m.contributionCents)).toEqual([
      395_454_545, 717_676_768, 336_868_687,
    ]);
    expect(view.canRecordFor).toEqual(['GM0233', 'GM0243', 'GM0050']);
    expect(Object.keys(await wgrDeadlines())).toEqual([]);
  });

  it('creates the calendar, audits it and stores every statutory date as a deadline', async () => {
    const created = await plan('noordveluwe.coordinator', { expectedVersion: 0 });
    expect(created.status).toBe(200);
    expect(created.body.result.data).toMatchObject({
      version: 1,
      exists: true,
      updatedBy: 'noordveluwe.coordinator',
      // The person's name is recorded with the key, so the page shows who (issue 12 point 6).
      updatedByName: 'Corrie Coördinator',
    });
    const deadlines = await wgrDeadlines();
    expect(Object.keys(deadlines).sort()).toEqual(
      [
        'kaderbrief',
        'draftBudgetToCouncils',
        'councilOpinions',
        'budgetAdoption',
        'budgetToProvince',
        'provisionalAccountsToCouncils',
        'accountsAdoption',
        'accountsToProvince',
      ]
        .map((k) => `wgr-${YEAR}-${k}`)
        .sort(),
    );
    expect(deadlines[`wgr-${YEAR}-budgetAdoption`]).toMatchObject({
      kind: 'wgr',
      date: '2026-07-01',
      space: 'RGNOORDVELUWE',
      roles: ['coordinator', 'contractmanager'],
      label: 'wgr.budgetAdoption',
      params: { year: '2027' },
      reference: 'RNV-GR-01',
      gsi1pk: 'RGNOORDVELUWE#DEADLINES',
      gsi1sk: `2026-07-01#${GR}#wgr-${YEAR}-budgetAdoption`,
    });
    const coordinator = await as('noordveluwe.coordinator');
    const history = (await api.query('agreement.history', { id: GR }, coordinator)).body.result.data;
    expect(history.at(-1)).toMatchObject({ action: 'wgr.plan', actor: 'noordveluwe.coordinator' });
  });

  it('moves the deadlines when the plan changes, and refuses a stale version', async () => {
    const moved = await plan('noordveluwe.coordinator', {
      expectedVersion: 1,
      budgetAdoption: '2026-07-08',
      draftBudgetCents: 1_500_000_000,
    });
    expect(moved.status).toBe(200);
    const view = moved.body.result.data;
    expect(view).toMatchObject({ version: 2, budgetCents: 1_500_000_000, budgetSource: 'plan' });
    expect(
      view.members.reduce((s: number, m: { contributionCents: number }) => s + m.contributionCents, 0),
    ).toBe(1_500_000_000);
    const deadlines = await wgrDeadlines();
    expect(Object.keys(deadlines)).toHaveLength(8);
    expect(deadlines[`wgr-${YEAR}-budgetAdoption`]).toMatchObject({
      date: '2026-07-08',
      gsi1sk: `2026-07-08#${GR}#wgr-${YEAR}-budgetAdoption`,
    });
    expect(deadlines[`wgr-${YEAR}-draftBudgetToCouncils`]?.date).toBe('2026-04-15');
    expect(deadlines[`wgr-${YEAR}-kaderbrief`]?.date).toBe('2026-04-30');

    const stale = await plan('noordveluwe.coordinator', { expectedVersion: 1, budgetAdoption: '2026-06-24' });
    expect(stale.status).toBe(409);
    const again = await plan('noordveluwe.coordinator', { expectedVersion: 0 });
    expect(again.status).toBe(409);
    expect((await wgrDeadlines())[`wgr-${YEAR}-budgetAdoption`]?.date).toBe('2026-07-08');
  });

  it('records a council’s opinion next to that member’s contribution', async () => {
    const recorded = await record('noordveluwe.coordinator', {
      member: 'GM0243',
      expectedVersion: 2,
      opinion,
    });
    expect(recorded.status).toBe(200);
    const view = recorded.body.result.data;
    expect(view.version).toBe(3);
    const harderwijk = view.members.find((m: { space: string }) => m.space === 'GM0243');
    expect(harderwijk).toMatchObject({
      name: 'Gemeente Harderwijk',
      contributionCents: expect.any(Number),
      windowCloses: '2026-07-01',
      // Submitted within 12 weeks; the budget was adopted on 8 July and the answer is not recorded yet.
      flags: ['unanswered'],
      opinion: { ...opinion, recordedBy: 'noordveluwe.coordinator' },
    });
    expect(harderwijk.contributionCents).toBeGreaterThan(0);
    const answered = await record('noordveluwe.coordinator', {
      member: 'GM0243',
      expectedVersion: 3,
      opinion: { ...opinion, answered: '2026-07-02' },
    });
    expect(answered.status).toBe(200);
    expect(
      answered.body.result.data.members.find((m: { space: string }) => m.space === 'GM0243').flags,
    ).toEqual([]);
    const stale = await record('noordveluwe.coordinator', { member: 'GM0243', expectedVersion: 3, opinion });
    expect(stale.status).toBe(409);

    const coordinator = await as('noordveluwe.coordinator');
    const history = (await api.query('agreement.history', { id: GR }, coordinator)).body.result.data;
    expect(history.slice(-2).map((h: { action: string }) => h.action)).toEqual([
      'wgr.opinion',
      'wgr.opinion',
    ]);
    const verify = (await api.query('agreement.verifyAudit', { id: GR }, coordinator)).body.result.data;
    expect(verify).toMatchObject({ valid: true });
    // An opinion moves no deadline.
    expect((await wgrDeadlines())[`wgr-${YEAR}-budgetAdoption`]?.date).toBe('2026-07-08');
  });

  it('lets a member read the calendar and record its own council’s opinion, and nothing else', async () => {
    const read = await get('ermelo.viewer');
    expect(read.status).toBe(200);
    expect(read.body.result.data).toMatchObject({ version: 4, canPlan: false, canRecordFor: [] });

    const ermelo = await get('ermelo.inkoper');
    expect(ermelo.body.result.data).toMatchObject({ canPlan: false, canRecordFor: ['GM0233'] });
    const own = await record('ermelo.inkoper', {
      member: 'GM0233',
      expectedVersion: 4,
      opinion: {
        draftReceived: '2026-04-15',
        opinionSubmitted: '2026-07-07',
        outcome: 'objects',
        summary: 'Te hoog.',
      },
    });
    expect(own.status).toBe(200);
    expect(own.body.result.data.members[0]).toMatchObject({
      space: 'GM0233',
      opinion: { outcome: 'objects', recordedBy: 'ermelo.inkoper' },
    });
    const other = await record('ermelo.inkoper', { member: 'GM0050', expectedVersion: 5, opinion });
    expect(other.status).toBe(403);
    expect((await plan('ermelo.inkoper', { expectedVersion: 5 })).status).toBe(403);
    expect((await record('ermelo.viewer', { member: 'GM0233', expectedVersion: 5, opinion })).status).toBe(
      403,
    );
    expect((await plan('kompas.signer', { expectedVersion: 5 })).status).toBe(403);
    expect((await get('kompas.signer')).status).toBe(403);
    expect((await get('noordveluwe.coordinator')).body.result.data.version).toBe(5);
  });

  it('answers a non-member exactly as for a missing GR', async () => {
    const foreign = await get('utrecht.inkoper');
    const ghost = await get('utrecht.inkoper', { agreementId: 'ghost-0000', year: YEAR });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe(ghost.body.error.message);
    expect(JSON.stringify(foreign.body)).not.toContain('RNV-GR-01');
    const write = await record('utrecht.inkoper', { member: 'GM0344', expectedVersion: 5, opinion });
    expect(write.status).toBe(404);
    expect((await plan('utrecht.inkoper', { expectedVersion: 5 })).status).toBe(404);
  });

  it('refuses bad input with a 4xx naming the problem', async () => {
    const cases: [string, OpinionInput, number, RegExp][] = [
      [
        'opinion before the draft',
        { member: 'GM0050', expectedVersion: 5, opinion: { ...opinion, opinionSubmitted: '2026-04-01' } },
        400,
        /before the draft budget/,
      ],
      [
        'answer before the opinion',
        { member: 'GM0050', expectedVersion: 5, opinion: { ...opinion, answered: '2026-06-01' } },
        400,
        /cannot answer before/,
      ],
      [
        'a municipality outside the GR',
        { member: 'GM0344', expectedVersion: 5, opinion },
        400,
        /does not take part/,
      ],
      [
        'a date outside the cycle',
        { member: 'GM0050', expectedVersion: 5, opinion: { draftReceived: '2020-04-08' } },
        400,
        /between 2025 and 2027/,
      ],
      [
        'an overlong summary',
        { member: 'GM0050', expectedVersion: 5, opinion: { ...opinion, summary: 'x'.repeat(2001) } },
        400,
        /./,
      ],
      [
        'a year without a calendar',
        { year: 2028, member: 'GM0050', expectedVersion: 1, opinion },
        404,
        /Calendar not found/,
      ],
    ];
    for (const [name, input, status, message] of cases) {
      const response = await record('noordveluwe.coordinator', input);
      expect(response.status, name).toBe(status);
      expect(response.body.error.message, name).toMatch(message);
    }
    const notAGr = await api.mutate(
      'wgr.plan',
      { agreementId: 'rnv-ict-01', year: YEAR, expectedVersion: 0 },
      await as('noordveluwe.coordinator'),
    );
    expect(notAGr.status).toBe(400);
    expect(notAGr.body.error.message).toMatch(/Only a gemeenschappelijke regeling/);
    expect(
      (await plan('noordveluwe.coordinator', { expectedVersion: 5, budgetAdoption: '2024-07-01' })).status,
    ).toBe(400);
    expect((await get('noordveluwe.coordinator', { agreementId: GR, year: 1999 })).status).toBe(400);
    // Nothing of it was stored.
    expect((await get('noordveluwe.coordinator')).body.result.data.version).toBe(5);
  });
});

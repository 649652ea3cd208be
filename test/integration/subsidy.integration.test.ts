import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '@regie/db';
import { SEED_REGULATIONS } from '@regie/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';

/**
 * SPEC §3.2, Awb titel 4.2: the ceiling (4:25) holds even under concurrent grants, a late book-year application
 * (4:60) is granted only knowingly, a lower settlement needs a 4:46 ground, ex officio settlement (4:47), the
 * phase-out warning (4:51), the Awb terms on the deadline index, and all of it audited and isolated.
 */
describe('subsidies under the Awb', () => {
  let api: TestApi;
  let inkoper: string;
  let manager: string;
  let n = 0;

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    inkoper = await api.token('ermelo.inkoper');
    manager = await api.token('ermelo.contractmanager');
  });
  afterAll(() => api.close());

  const data = (r: { status: number; body: { result?: { data: unknown } } }) => {
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    // biome-ignore lint/suspicious/noExplicitAny: test reads the API's JSON
    return r.body.result!.data as any;
  };

  /** A requested subsidy for Kompas with its application recorded under `regulationId`. */
  async function applied(
    regulationId: string,
    requestedCents: number,
    extra: { bookYear?: number; applicationDate?: string; endDate?: string } = {},
  ) {
    n++;
    const created = data(
      await api.mutate(
        'agreement.create',
        {
          kind: 'subsidy',
          reference: `T-SUB-${n}`,
          title: `Buurtactiviteiten ${n}`,
          domain: 'wmo',
          startDate: '2026-01-01',
          endDate: extra.endDate ?? '2026-12-31',
          parties: [{ organisationId: 'org-kompas', role: 'recipient' }],
        },
        inkoper,
      ),
    );
    const view = data(
      await api.mutate(
        'subsidy.recordApplication',
        {
          agreementId: created.id,
          expectedVersion: created.version,
          regulationId,
          applicationDate: extra.applicationDate ?? '2025-09-01',
          requestedCents,
          ...(extra.bookYear ? { bookYear: extra.bookYear } : {}),
        },
        inkoper,
      ),
    );
    return { id: created.id as string, version: view.version as number };
  }

  async function regulation(ceilingCents: number | null, extra: Record<string, unknown> = {}) {
    return data(
      await api.mutate(
        'subsidy.createRegulation',
        {
          name: `Regeling ${++n}`,
          legalBasis: 'ASV Ermelo 2024, art. 4',
          budgetYear: 2026,
          ceilingCents,
          ...extra,
        },
        inkoper,
      ),
    );
  }

  const deadline = async (agreementId: string, key: string) =>
    (
      await api.db.doc.send(
        new GetCommand({ TableName: api.db.tableName, Key: keys.deadline('GM0233', agreementId, key) }),
      )
    ).Item;

  it('refuses a grant beyond the ceiling, names the room left, and changes nothing', async () => {
    const seeded = data(await api.query('subsidy.regulation', { id: SEED_REGULATIONS.welzijn2026 }, manager));
    expect(seeded).toMatchObject({
      ceilingCents: 40_000_000,
      grantedCents: 38_500_000,
      roomLeftCents: 1_500_000,
    });
    const s = await applied(SEED_REGULATIONS.welzijn2026, 2_000_000);
    const refused = await api.mutate(
      'subsidy.grant',
      { agreementId: s.id, expectedVersion: s.version, amountCents: 2_000_000 },
      inkoper,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('Awb 4:25');
    expect(refused.body.error.message).toContain('room left: €15,000.00');
    const after = data(await api.query('subsidy.get', { agreementId: s.id }, manager));
    expect(after).toMatchObject({ status: 'requested', version: s.version });
    expect(after.regulation.roomLeftCents).toBe(1_500_000);
    expect(after.decisions).toEqual(expect.arrayContaining(['granted', 'refused']));
  });

  it('lets concurrent grants never together pass the ceiling', async () => {
    const reg = await regulation(1_000_000);
    const subsidies = await Promise.all(Array.from({ length: 7 }, () => applied(reg.id, 300_000)));
    const results = await Promise.all(
      subsidies.map((s) =>
        api.mutate(
          'subsidy.grant',
          { agreementId: s.id, expectedVersion: s.version, amountCents: 300_000 },
          inkoper,
        ),
      ),
    );
    const granted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 400);
    expect(granted).toHaveLength(3);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r.body.error.message).toContain('room left: €1,000.00');
    const after = data(await api.query('subsidy.regulation', { id: reg.id }, manager));
    expect(after).toMatchObject({ grantedCents: 900_000, roomLeftCents: 100_000 });
    const statuses = await Promise.all(
      subsidies.map(async (s) => data(await api.query('agreement.get', { id: s.id }, manager)).status),
    );
    expect(statuses.filter((st) => st === 'granted')).toHaveLength(3);
    expect(statuses.filter((st) => st === 'requested')).toHaveLength(4);
  });

  it('grants only through subsidy.grant, never a plain transition', async () => {
    const s = await applied(SEED_REGULATIONS.welzijn2024, 100_000);
    const plain = await api.mutate(
      'agreement.transition',
      { id: s.id, expectedVersion: s.version, to: 'granted' },
      inkoper,
    );
    expect(plain.status).toBe(400);
    expect(plain.body.error.message).toContain('subsidy.grant');
    const view = data(await api.query('agreement.get', { id: s.id }, manager));
    expect(view.transitions).not.toContain('granted');
    expect(view.transitions).toContain('refused');
  });

  it('records the decision term and the settlement term as Awb deadlines, in step with each move', async () => {
    const s = await applied(SEED_REGULATIONS.welzijn2026, 100_000, { applicationDate: '2025-09-01' });
    expect(await deadline(s.id, 'awb-decision')).toMatchObject({
      kind: 'awb',
      date: '2025-10-27', // 8 weeks, the regulation's decision term
      label: 'awb.decision',
      roles: ['contractmanager', 'inkoper'],
      gsi1pk: keys.deadlineIndex('GM0233'),
    });
    const granted = data(
      await api.mutate(
        'subsidy.grant',
        { agreementId: s.id, expectedVersion: s.version, amountCents: 100_000 },
        inkoper,
      ),
    );
    expect(granted.record.grant).toMatchObject({ by: 'ermelo.inkoper', byName: 'Inge Inkoper' });
    expect(await deadline(s.id, 'awb-decision')).toBeUndefined();
    expect(await deadline(s.id, 'awb-settlement')).toMatchObject({
      kind: 'awb',
      date: '2027-04-01', // 13 weeks after 31 December 2026
      label: 'awb.settlement_application',
    });
    expect(granted.deadlines).toEqual([
      expect.objectContaining({ key: 'awb-settlement', date: '2027-04-01' }),
    ]);
    data(
      await api.mutate(
        'agreement.transition',
        { id: s.id, expectedVersion: granted.version, to: 'settlement_requested' },
        manager,
      ),
    );
    expect(await deadline(s.id, 'awb-settlement')).toBeUndefined();
  });

  it('refuses a lower settlement without a 4:46 ground, accepts it with one, and keeps the chain valid', async () => {
    const sub = data(await api.query('agreement.get', { id: 'erm-sub-2026' }, manager));
    const requested = data(
      await api.mutate(
        'agreement.transition',
        { id: sub.id, expectedVersion: sub.version, to: 'settlement_requested' },
        manager,
      ),
    );
    const bare = await api.mutate(
      'subsidy.settle',
      { agreementId: sub.id, expectedVersion: requested.version, amountCents: 35_000_000, exOfficio: false },
      manager,
    );
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toContain('4:46');
    const higher = await api.mutate(
      'subsidy.settle',
      { agreementId: sub.id, expectedVersion: requested.version, amountCents: 38_500_001, exOfficio: false },
      manager,
    );
    expect(higher.status).toBe(400);
    const settled = data(
      await api.mutate(
        'subsidy.settle',
        {
          agreementId: sub.id,
          expectedVersion: requested.version,
          amountCents: 35_000_000,
          ground: 'not_carried_out',
          motivation: 'De mantelzorgcursussen in het najaar gingen niet door.',
          exOfficio: false,
        },
        manager,
      ),
    );
    expect(settled.status).toBe('settled');
    expect(settled.record.settlement).toMatchObject({
      amountCents: 35_000_000,
      ground: 'not_carried_out',
      exOfficio: false,
      by: 'ermelo.contractmanager',
      byName: 'Karim Contractmanager',
    });
    const history = data(await api.query('agreement.history', { id: sub.id }, manager));
    expect(history.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['subsidy.application', 'subsidy.grant', 'subsidy.settle']),
    );
    expect(history.at(-1).changes['subsidy.settlement'].after.ground).toBe('not_carried_out');
    expect(data(await api.query('agreement.verifyAudit', { id: sub.id }, manager))).toMatchObject({
      valid: true,
    });
  });

  it('settles ex officio only once the settlement term has lapsed, or at grant within the regulation’s limit', async () => {
    const lapsed = await applied(SEED_REGULATIONS.welzijn2024, 200_000, { endDate: '2026-06-30' });
    const g1 = data(
      await api.mutate(
        'subsidy.grant',
        {
          agreementId: lapsed.id,
          expectedVersion: lapsed.version,
          amountCents: 200_000,
          settlementDueDate: '2026-09-30',
        },
        inkoper,
      ),
    );
    expect(g1.exOfficioFrom).toBe('2026-10-01');
    const withoutFlag = await api.mutate(
      'subsidy.settle',
      { agreementId: lapsed.id, expectedVersion: g1.version, amountCents: 200_000, exOfficio: false },
      manager,
    );
    expect(withoutFlag.status).toBe(400);
    const ex = data(
      await api.mutate(
        'subsidy.settle',
        { agreementId: lapsed.id, expectedVersion: g1.version, amountCents: 200_000, exOfficio: true },
        manager,
      ),
    );
    expect(ex.record.settlement).toMatchObject({ exOfficio: true, amountCents: 200_000 });
    const history = data(await api.query('agreement.history', { id: lapsed.id }, manager));
    expect(history.at(-1).action).toBe('subsidy.settle_ex_officio');

    const running = await applied(SEED_REGULATIONS.welzijn2024, 200_000, { endDate: '2099-06-30' });
    const g2 = data(
      await api.mutate(
        'subsidy.grant',
        { agreementId: running.id, expectedVersion: running.version, amountCents: 200_000 },
        inkoper,
      ),
    );
    const early = await api.mutate(
      'subsidy.settle',
      { agreementId: running.id, expectedVersion: g2.version, amountCents: 200_000, exOfficio: true },
      manager,
    );
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('has lapsed');

    const small = await applied(SEED_REGULATIONS.welzijn2026, 400_000);
    const big = await api.mutate(
      'subsidy.grant',
      { agreementId: small.id, expectedVersion: small.version, amountCents: 600_000, settleAtGrant: true },
      inkoper,
    );
    expect(big.status).toBe(400);
    const direct = data(
      await api.mutate(
        'subsidy.grant',
        { agreementId: small.id, expectedVersion: small.version, amountCents: 400_000, settleAtGrant: true },
        inkoper,
      ),
    );
    expect(direct.status).toBe('settled');
    expect(direct.record.grant.settledAtGrant).toBe(true);
    expect(direct.record.settlement).toMatchObject({ exOfficio: true, amountCents: 400_000 });
    expect(await deadline(small.id, 'awb-settlement')).toBeUndefined();
  });

  it('grants a late book-year application (4:60) only knowingly, and records it', async () => {
    const reg = await regulation(null, { budgetYear: 2027 });
    const late = await applied(reg.id, 100_000, { bookYear: 2027, applicationDate: '2026-11-02' });
    const view = data(await api.query('subsidy.get', { agreementId: late.id }, manager));
    expect(view.application).toMatchObject({
      rule: '4:60',
      late: true,
      deadline: '2026-10-02',
      bookYear: 2027,
    });
    const refused = await api.mutate(
      'subsidy.grant',
      { agreementId: late.id, expectedVersion: late.version, amountCents: 100_000 },
      inkoper,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('2026-10-02');
    const noReason = await api.mutate(
      'subsidy.grant',
      {
        agreementId: late.id,
        expectedVersion: late.version,
        amountCents: 100_000,
        acceptLateApplication: true,
      },
      inkoper,
    );
    expect(noReason.status).toBe(400);
    const granted = data(
      await api.mutate(
        'subsidy.grant',
        {
          agreementId: late.id,
          expectedVersion: late.version,
          amountCents: 100_000,
          acceptLateApplication: true,
          lateMotivation: 'Nieuwe taak, pas in oktober door de raad vastgesteld.',
        },
        inkoper,
      ),
    );
    expect(granted.record.grant.lateApplication).toEqual({
      deadline: '2026-10-02',
      received: '2026-11-02',
      motivation: 'Nieuwe taak, pas in oktober door de raad vastgesteld.',
    });
    const onTime = await applied(reg.id, 100_000, { bookYear: 2027, applicationDate: '2026-10-02' });
    expect(data(await api.query('subsidy.get', { agreementId: onTime.id }, manager)).application.late).toBe(
      false,
    );
  });

  it('warns before ending or cutting a subsidy of 3 or more consecutive years (4:51)', async () => {
    const view = data(await api.query('subsidy.get', { agreementId: 'erm-sub-2027' }, manager));
    // 2026's subsidy counts at what it was settled at (lower, in a test above), or else at its grant.
    const before = data(await api.query('subsidy.get', { agreementId: 'erm-sub-2026' }, manager)).record;
    const received = before.settlement?.amountCents ?? before.grant.amountCents;
    expect(received).toBeLessThan(38_500_001);
    expect(view.phaseOut).toMatchObject({
      warning: true,
      consecutiveYears: 3,
      years: [2024, 2025, 2026],
      previousAnnualCents: received,
      decisionCents: 30_000_000,
    });
    expect(view.phaseOut.references).toEqual(['ERM-SUB-2024-01', 'ERM-SUB-2026-01']);
    const refusal = data(await api.query('subsidy.phaseOut', { agreementId: 'erm-sub-2027' }, manager));
    expect(refusal).toMatchObject({ warning: true, decisionCents: 0 });
    const same = data(
      await api.query('subsidy.phaseOut', { agreementId: 'erm-sub-2027', amountCents: 38_500_000 }, manager),
    );
    expect(same.warning).toBe(false);
    // Kompas has had no subsidy before: nothing to phase out.
    const fresh = await applied(SEED_REGULATIONS.welzijn2024, 100_000);
    expect(data(await api.query('subsidy.phaseOut', { agreementId: fresh.id }, manager))).toMatchObject({
      warning: false,
      consecutiveYears: 0,
    });
  });

  it('keeps the regulation’s terms versioned and audited, its ceiling never below what is granted', async () => {
    const reg = await regulation(1_000_000);
    const s = await applied(reg.id, 600_000);
    data(
      await api.mutate(
        'subsidy.grant',
        { agreementId: s.id, expectedVersion: s.version, amountCents: 600_000 },
        inkoper,
      ),
    );
    const below = await api.mutate(
      'subsidy.updateRegulation',
      { id: reg.id, expectedVersion: 1, data: { ceilingCents: 500_000 } },
      inkoper,
    );
    expect(below.status).toBe(400);
    expect(below.body.error.message).toContain('€6,000.00');
    const raised = data(
      await api.mutate(
        'subsidy.updateRegulation',
        { id: reg.id, expectedVersion: 1, data: { ceilingCents: 2_000_000 } },
        inkoper,
      ),
    );
    expect(raised).toMatchObject({
      version: 2,
      ceilingCents: 2_000_000,
      grantedCents: 600_000,
      roomLeftCents: 1_400_000,
    });
    const stale = await api.mutate(
      'subsidy.updateRegulation',
      { id: reg.id, expectedVersion: 1, data: { name: 'Nieuw' } },
      inkoper,
    );
    expect(stale.status).toBe(409);
    expect(data(await api.query('subsidy.verifyRegulation', { id: reg.id }, manager))).toEqual({
      valid: true,
      events: 2,
    });
    const list = data(await api.query('subsidy.regulations', { budgetYear: 2026 }, manager));
    expect(list.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([reg.id, SEED_REGULATIONS.welzijn2026]),
    );
    expect(list.map((r: { id: string }) => r.id)).not.toContain(SEED_REGULATIONS.welzijn2024);
  });

  it('answers NOT_FOUND for another space’s subsidy or regulation, and 4xx for bad input', async () => {
    const utrecht = await api.token('utrecht.inkoper');
    const harderwijk = await api.token('harderwijk.inkoper');
    expect((await api.query('subsidy.get', { agreementId: 'erm-sub-2027' }, utrecht)).status).toBe(404);
    expect(
      (await api.query('subsidy.regulation', { id: SEED_REGULATIONS.welzijn2026 }, harderwijk)).status,
    ).toBe(404);
    expect((await api.query('subsidy.regulations', { space: 'GM0233' }, utrecht)).status).toBe(404);
    expect(data(await api.query('subsidy.regulations', {}, utrecht))).toEqual([]);
    const foreign = await api.mutate(
      'subsidy.grant',
      { agreementId: 'erm-sub-2027', expectedVersion: 1, amountCents: 1 },
      harderwijk,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe(
      (
        await api.mutate(
          'subsidy.grant',
          { agreementId: 'ghost-0000', expectedVersion: 1, amountCents: 1 },
          harderwijk,
        )
      ).body.error.message,
    );
    const viewer = await api.token('ermelo.viewer');
    expect(
      (
        await api.mutate(
          'subsidy.grant',
          { agreementId: 'erm-sub-2027', expectedVersion: 1, amountCents: 1 },
          viewer,
        )
      ).status,
    ).toBe(403);
    // Inputs the schema refuses, sent raw on purpose.
    for (const bad of [
      { agreementId: 'erm-sub-2027', expectedVersion: 1, amountCents: -1 },
      { agreementId: 'erm-sub-2027', expectedVersion: 1, amountCents: 1, extra: true },
      { agreementId: 'erm-sub-2027', expectedVersion: 1, amountCents: 1, lateMotivation: '' },
    ]) {
      expect((await api.raw.mutate('subsidy.grant', bad, inkoper)).status).toBe(400);
    }
    const ground = await api.raw.mutate(
      'subsidy.settle',
      { agreementId: 'erm-sub-2027', expectedVersion: 1, amountCents: 1, ground: 'zomaar', exOfficio: false },
      inkoper,
    );
    expect(ground.status).toBe(400);
    const contract = await api.query('subsidy.get', { agreementId: 'erm-jh-2025' }, manager);
    expect(contract.status).toBe(400);
    expect(contract.body.error.message).toContain('not a subsidy');
    const unknownRegulation = await api.mutate(
      'subsidy.recordApplication',
      {
        agreementId: 'erm-sub-2027',
        expectedVersion: 1,
        regulationId: 'nope',
        applicationDate: '2026-09-01',
        requestedCents: 1,
      },
      inkoper,
    );
    expect(unknownRegulation.status).toBe(400);
    expect(unknownRegulation.body.error.message).toContain('regulation');
  });
  it('pays advances on a granted subsidy up to the grant, and settles to a balance to pay or reclaim (4:95)', async () => {
    const reg = await regulation(null);
    const sub = await applied(reg.id, 1_000_000);
    // Not before the grant.
    const early = await api.mutate(
      'subsidy.advance',
      { agreementId: sub.id, expectedVersion: sub.version, date: '2026-01-15', amountCents: 100_000 },
      manager,
    );
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('granted subsidy');
    let view = data(
      await api.mutate(
        'subsidy.grant',
        { agreementId: sub.id, expectedVersion: sub.version, amountCents: 1_000_000 },
        manager,
      ),
    );
    expect(view).toMatchObject({ advancedCents: 0, advanceLeftCents: 1_000_000, balanceCents: null });
    for (const [date, amountCents] of [
      ['2026-01-15', 400_000],
      ['2026-04-15', 400_000],
    ] as const) {
      view = data(
        await api.mutate(
          'subsidy.advance',
          {
            agreementId: sub.id,
            expectedVersion: view.version,
            date,
            amountCents,
            note: 'Kwartaalvoorschot',
          },
          manager,
        ),
      );
    }
    expect(view).toMatchObject({ advancedCents: 800_000, advanceLeftCents: 200_000 });
    expect(view.record.advances.map((a: { date: string }) => a.date)).toEqual(['2026-01-15', '2026-04-15']);
    // Past the grant: refused with what is left, and nothing stored.
    const over = await api.mutate(
      'subsidy.advance',
      { agreementId: sub.id, expectedVersion: view.version, date: '2026-07-15', amountCents: 200_001 },
      manager,
    );
    expect(over.status).toBe(400);
    expect(over.body.error.message).toContain('€8,000.00 advanced, €2,000.00 left');
    const stale = await api.mutate(
      'subsidy.advance',
      { agreementId: sub.id, expectedVersion: view.version - 1, date: '2026-07-15', amountCents: 1 },
      manager,
    );
    expect(stale.status).toBe(409);
    expect(data(await api.query('subsidy.get', { agreementId: sub.id }, manager)).version).toBe(view.version);
    // A viewer reads but never pays.
    const viewer = await api.mutate(
      'subsidy.advance',
      { agreementId: sub.id, expectedVersion: view.version, date: '2026-07-15', amountCents: 1 },
      await api.token('ermelo.viewer'),
    );
    expect(viewer.status).toBe(403);

    // Settled lower than the advances paid: the difference is to be reclaimed.
    const requested = data(
      await api.mutate(
        'agreement.transition',
        { id: sub.id, expectedVersion: view.version, to: 'settlement_requested' },
        manager,
      ),
    );
    const settled = data(
      await api.mutate(
        'subsidy.settle',
        {
          agreementId: sub.id,
          expectedVersion: requested.version,
          amountCents: 700_000,
          ground: 'not_carried_out',
          motivation: 'Een deel van de activiteiten ging niet door.',
          exOfficio: false,
        },
        manager,
      ),
    );
    expect(settled).toMatchObject({ advancedCents: 800_000, advanceLeftCents: null, balanceCents: -100_000 });
    const after = await api.mutate(
      'subsidy.advance',
      { agreementId: sub.id, expectedVersion: settled.version, date: '2026-12-01', amountCents: 1 },
      manager,
    );
    expect(after.status).toBe(400);
    // The recipient sees in its portal what its decisions told it, and nothing of who decided or the checks.
    const recipient = data(
      await api.query('agreement.get', { id: sub.id }, await api.token('kompas.signer')),
    );
    expect(recipient.view).toBe('party');
    expect(recipient.subsidy).toEqual({
      applicationDate: '2025-09-01',
      requestedCents: 1_000_000,
      grant: { amountCents: 1_000_000, date: expect.any(String), settlementDueDate: expect.any(String) },
      settlement: {
        amountCents: 700_000,
        date: expect.any(String),
        exOfficio: false,
        ground: 'not_carried_out',
        motivation: 'Een deel van de activiteiten ging niet door.',
      },
      advances: [
        { id: expect.any(String), date: '2026-01-15', amountCents: 400_000 },
        { id: expect.any(String), date: '2026-04-15', amountCents: 400_000 },
      ],
      advancedCents: 800_000,
      balanceCents: -100_000,
    });
    expect(JSON.stringify(recipient)).not.toContain('ermelo.contractmanager');
    const history = data(await api.query('agreement.history', { id: sub.id }, manager));
    expect(history.filter((e: { action: string }) => e.action === 'subsidy.advance')).toHaveLength(2);
    expect(data(await api.query('agreement.verifyAudit', { id: sub.id }, manager)).valid).toBe(true);
  });
});

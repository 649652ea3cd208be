import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type ApiResponse, startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

const GR = 'rnv-gr-01';

/**
 * Issue 16 point 5: P&C harmonised in content on the seeded GR (seed-pc.ts). The indicator set is agreed per set
 * version by every member; a changed set needs agreement again before targets are recorded; values and figures
 * are versioned and audited in the same transaction; a member sees its own view (contribution, opinion, indicators)
 * but not another member's; the paragraaf verbonden partijen of Ermelo is complete and exports as CSV and XLSX
 * for its controller only, with Ermelo's figures.
 */
describe('P&C harmonised in content', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
  });
  afterAll(() => api.close());

  const q = async (user: string, path: string, input: unknown) =>
    api.raw.query(path, input, await api.token(user));
  const m = async (user: string, path: string, input: unknown) =>
    api.raw.mutate(path, input, await api.token(user));
  const ok = (r: ApiResponse) => {
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.result.data;
  };
  const file = async (path: string, user: string) =>
    fetch(`${api.url}/files/exports/verbonden-partijen/${path}`, {
      headers: { authorization: `Bearer ${await api.token(user)}` },
    });

  it('holds the seeded set, agreed by all three members, with targets, realised values and baselines', async () => {
    const view = ok(await q('noordveluwe.coordinator', 'pc.get', { agreementId: GR, year: 2025 }));
    expect(view.indicators.map((i: { type: string }) => i.type)).toEqual([
      'input',
      'output',
      'outcome',
      'outcome',
    ]);
    expect([view.agreedCount, view.memberCount, view.agreedByAll, view.canEdit]).toEqual([3, 3, true, true]);
    const uitstroom = view.indicators.find((i: { id: string }) => i.id === 'ind-uitstroom');
    expect([uitstroom.baseline.value, uitstroom.target, uitstroom.realised, uitstroom.outcome]).toEqual([
      18.5,
      21,
      22.3,
      'met',
    ]);
    const wachttijd = view.indicators.find((i: { id: string }) => i.id === 'ind-wachttijd');
    expect(wachttijd.outcome).toBe('not_met');
  });

  it("shows a member its own view next to its contribution, and refuses another member's (NOT_FOUND)", async () => {
    const own = ok(await q('ermelo.viewer', 'pc.member', { agreementId: GR, year: 2025, member: 'GM0233' }));
    const calendar = ok(await q('noordveluwe.coordinator', 'wgr.get', { agreementId: GR, year: 2025 }));
    const row = calendar.members.find((r: { space: string }) => r.space === 'GM0233');
    expect(own.contributionCents).toBe(row.contributionCents);
    expect(own.contributionCents).toBeGreaterThan(0);
    expect(own.agreement).toBe('agreed');
    expect(own.indicators).toHaveLength(4);
    const other = await q('harderwijk.inkoper', 'pc.member', {
      agreementId: GR,
      year: 2025,
      member: 'GM0233',
    });
    const ghost = await q('harderwijk.inkoper', 'pc.member', {
      agreementId: GR,
      year: 2025,
      member: 'GM9999',
    });
    expect(other.status).toBe(404);
    expect(other.body.error.data.reason).toBe(ghost.body.error.data.reason);
    // A member's pc.get names only its own agreement; the region's writers get every member's.
    const memberView = ok(await q('harderwijk.inkoper', 'pc.get', { agreementId: GR, year: 2025 }));
    expect(memberView.members.map((r: { space: string }) => r.space)).toEqual(['GM0243']);
    expect(memberView.canAgreeFor).toEqual(['GM0243']);
    // Outside the region the GR does not exist.
    const foreign = await q('utrecht.inkoper', 'pc.get', { agreementId: GR, year: 2025 });
    expect(foreign.status).toBe(404);
    // Not a GR: the regional ICT agreement has no indicator set.
    expect(
      (await q('noordveluwe.coordinator', 'pc.get', { agreementId: 'rnv-ict-01', year: 2025 })).body.error
        .data.reason,
    ).toBe('pc.notAGr');
  });

  it('asks every member to agree again after a change, and records targets only then', async () => {
    const coordinator = 'noordveluwe.coordinator';
    let view = ok(await q(coordinator, 'pc.get', { agreementId: GR, year: 2028 }));
    const indicators = view.indicators.map(
      ({ target: _t, realised: _r, outcome: _o, ...i }: Record<string, unknown>) => i,
    );
    // The same content again: a new item version, the same set version, agreements still count.
    const same = ok(
      await m(coordinator, 'pc.setIndicators', {
        agreementId: GR,
        expectedVersion: view.version,
        indicators,
      }),
    );
    expect([same.setVersion, same.agreedByAll]).toEqual([view.setVersion, true]);
    const changed = [
      ...indicators,
      {
        id: 'ind-tevredenheid',
        name: 'Cliënttevredenheid',
        type: 'outcome',
        unit: 'cijfer',
        direction: 'higher_is_better',
        baseline: { value: 7.4, year: 2024 },
      },
    ];
    view = ok(
      await m(coordinator, 'pc.setIndicators', {
        agreementId: GR,
        expectedVersion: same.version,
        indicators: changed,
      }),
    );
    expect([view.setVersion, view.agreedCount, view.agreedByAll]).toEqual([same.setVersion + 1, 0, false]);
    const targets = {
      agreementId: GR,
      year: 2028,
      step: 'draftBudget',
      expectedVersion: 0,
      values: [{ indicatorId: 'ind-tevredenheid', value: 7.6 }],
    };
    expect((await m(coordinator, 'pc.recordValues', targets)).body.error.data.reason).toBe('pc.setNotAgreed');
    // Harderwijk agrees for itself, not for Ermelo; an agreement to the old version is refused.
    expect(
      (
        await m('harderwijk.inkoper', 'pc.agree', {
          agreementId: GR,
          member: 'GM0233',
          setVersion: view.setVersion,
          expectedVersion: view.version,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await m('harderwijk.inkoper', 'pc.agree', {
          agreementId: GR,
          member: 'GM0243',
          setVersion: view.setVersion - 1,
          expectedVersion: view.version,
        })
      ).body.error.data.reason,
    ).toBe('pc.staleSetVersion');
    expect(
      (
        await m('ermelo.viewer', 'pc.agree', {
          agreementId: GR,
          member: 'GM0233',
          setVersion: view.setVersion,
          expectedVersion: view.version,
        })
      ).status,
    ).toBe(403);
    for (const user of ['harderwijk.inkoper', 'ermelo.inkoper', 'zeewolde.inkoper']) {
      const space = { harderwijk: 'GM0243', ermelo: 'GM0233', zeewolde: 'GM0050' }[user.split('.')[0]!]!;
      view = ok(
        await m(user, 'pc.agree', {
          agreementId: GR,
          member: space,
          setVersion: view.setVersion,
          expectedVersion: view.version,
        }),
      );
    }
    // The last member's answer shows the set agreed by all (counts are shared; other members' rows are not).
    expect([view.agreedByAll, view.members.length]).toEqual([true, 1]);
    expect(ok(await q(coordinator, 'pc.get', { agreementId: GR, year: 2028 })).agreedByAll).toBe(true);
    const recorded = ok(await m(coordinator, 'pc.recordValues', targets));
    expect(recorded.yearVersion).toBe(1);
    expect(recorded.indicators.find((i: { id: string }) => i.id === 'ind-tevredenheid').target).toBe(7.6);
    // A member's writer cannot record values; a stale version writes nothing.
    expect((await m('ermelo.inkoper', 'pc.recordValues', { ...targets, expectedVersion: 1 })).status).toBe(
      403,
    );
    const before = await tableFingerprint(api.db);
    const stale = await m(coordinator, 'pc.recordValues', { ...targets, expectedVersion: 0 });
    expect([stale.status, stale.body.error.data.reason]).toEqual([409, 'pc.versionConflict']);
    expect(await tableFingerprint(api.db)).toEqual(before);
    // Each change is on the GR's audit chain, and the chain still verifies.
    const history = ok(await q('ermelo.viewer', 'agreement.history', { id: GR })) as unknown as {
      action: string;
    }[];
    const actions = history.map((e) => e.action);
    for (const action of [
      'pc.indicators',
      'pc.agree',
      'pc.targets',
      'pc.realised',
      'pc.financials',
      'pc.profile',
    ])
      expect(actions, action).toContain(action);
    expect(ok(await q('ermelo.viewer', 'agreement.verifyAudit', { id: GR })).valid).toBe(true);
  });

  it("gives Ermelo's controller a complete paragraaf with Ermelo's figures", async () => {
    const paragraph = ok(await q('ermelo.viewer', 'pc.paragraph', { year: 2025 }));
    expect(paragraph.space).toBe('GM0233');
    expect(paragraph.complete).toBe(true);
    expect(paragraph.groups.map((g: { legalForm: string }) => g.legalForm)).toEqual([
      'gemeenschappelijke_regeling',
    ]);
    const row = paragraph.groups[0].rows[0];
    expect(row.reference).toBe('RNV-GR-01');
    expect(row.partyName).toBe('Sociaal Domein Noord-Veluwe (openbaar lichaam)');
    expect(row.missing).toEqual([]);
    // 27/99 of the equity (largest remainder): € 4.200.000 → € 1.145.454,54; € 4.650.000 → € 1.268.181,82.
    expect([row.interestStartCents, row.interestEndCents, row.interestSource]).toEqual([
      114_545_454,
      126_818_182,
      'equity_share',
    ]);
    expect([row.equityStartCents, row.debtEndCents, row.resultCents, row.provisional]).toEqual([
      420_000_000,
      1_790_000_000,
      45_000_000,
      false,
    ]);
    // Harderwijk's paragraaf holds Harderwijk's share, never Ermelo's.
    const other = ok(await q('harderwijk.contractmanager', 'pc.paragraph', { year: 2025 }));
    expect(other.groups[0].rows[0].interestStartCents).toBe(207_878_788);
    expect(JSON.stringify(other)).not.toContain('114545455');
    // Utrecht takes part in no GR; the region's coordinator has no paragraaf of its own.
    expect(ok(await q('utrecht.inkoper', 'pc.paragraph', { year: 2025 })).groups).toEqual([]);
    expect((await q('noordveluwe.coordinator', 'pc.paragraph', { year: 2025 })).status).toBe(403);
  });

  it('exports the paragraaf as CSV and XLSX for the controller, and nobody else’s', async () => {
    const csv = await file('2025.csv', 'ermelo.viewer');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="verbonden-partijen-GM0233-2025.csv"',
    );
    const text = await csv.text();
    const [header, line] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header).toContain('Financieel belang begin jaar (€)');
    expect(line).toContain('Gemeenschappelijke regelingen,RNV-GR-01');
    expect(line).toContain('1145454.54');
    expect(line).toContain('Definitief');

    const xlsx = await file('2025.xlsx', 'ermelo.viewer');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    const sheet = book.getWorksheet('Verbonden partijen')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('RNV-GR-01');
    expect(sheet.getRow(2).getCell(7).value).toBe(1145454.54);
    expect(book.getWorksheet('Toelichting')!.getRow(5).getCell(2).value).toBe('Ja');

    expect((await file('2025.csv', 'noordveluwe.coordinator')).status).toBe(403);
    expect((await file('2025.csv', 'kompas.signer')).status).toBe(403);
    expect((await file('1999.csv', 'ermelo.viewer')).status).toBe(400);
    expect((await file('2025.csv?space=GM0243', 'ermelo.viewer')).status).toBe(400);
    expect((await file('2025.pdf', 'ermelo.viewer')).status).toBe(400);
  });

  it('refuses bad input with a reason, never a 5xx', async () => {
    const coordinator = 'noordveluwe.coordinator';
    const bad = [
      [
        'pc.setIndicators',
        {
          agreementId: GR,
          expectedVersion: 99,
          indicators: [{ id: 'x-1', name: 'x', type: 'outcome', unit: '%', direction: 'higher_is_better' }],
        },
      ],
      [
        'pc.setFinancials',
        { agreementId: GR, year: 2025, expectedVersion: 3, financials: { equityStartCents: 1.5 } },
      ],
      [
        'pc.setFinancials',
        {
          agreementId: GR,
          year: 2030,
          expectedVersion: 0,
          financials: {
            equityStartCents: 1,
            equityEndCents: 1,
            debtStartCents: 1,
            debtEndCents: 1,
            resultCents: 1,
            uncoveredRisks: 'x',
            provisional: true,
            interests: [{ member: 'GM0344', startCents: 1, endCents: 1 }],
          },
        },
      ],
      [
        'pc.recordValues',
        {
          agreementId: GR,
          year: 2030,
          step: 'annualAccounts',
          expectedVersion: 0,
          values: [{ indicatorId: 'ind-onbekend', value: 1 }],
        },
      ],
      [
        'pc.setProfile',
        {
          agreementId: GR,
          expectedVersion: 0,
          profile: { legalForm: 'bv', publicInterest: 'x', governanceInterest: 'y', shareMemberRows: false },
        },
      ],
    ] as const;
    const reasons = [];
    for (const [path, input] of bad) {
      const r = await m(coordinator, path, input);
      expect(r.status, `${path} ${JSON.stringify(r.body)}`).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      reasons.push(r.body.error.data.issues?.[0]?.reason ?? r.body.error.data.reason);
    }
    expect(reasons).toEqual([
      'pc.baselineRequired',
      'validation.invalid_type',
      'pc.notMember',
      'pc.unknownIndicator',
      'validation.invalid_value',
    ]);
  });
  it("shows a member its own council's opinion next to its contribution and the indicators", async () => {
    const before = ok(
      await q('ermelo.viewer', 'pc.member', { agreementId: GR, year: 2027, member: 'GM0233' }),
    );
    expect(before.opinion?.outcome ?? null).toBeNull();
    // The seed plans no calendar for 2027: the region plans it, then records Ermelo's council's opinion on it.
    const calendar = ok(
      await m('noordveluwe.coordinator', 'wgr.plan', { agreementId: GR, year: 2027, expectedVersion: 0 }),
    );
    const opinion = {
      draftReceived: '2026-04-08',
      opinionSubmitted: '2026-06-12',
      outcome: 'agrees_with_remarks',
      summary: 'Akkoord; let op de uitstroom naar werk.',
    };
    ok(
      await m('noordveluwe.coordinator', 'wgr.recordOpinion', {
        agreementId: GR,
        year: 2027,
        member: 'GM0233',
        expectedVersion: calendar.version,
        opinion,
      }),
    );
    const own = ok(await q('ermelo.viewer', 'pc.member', { agreementId: GR, year: 2027, member: 'GM0233' }));
    expect(own.opinion).toEqual({
      outcome: 'agrees_with_remarks',
      opinionSubmitted: '2026-06-12',
      summary: 'Akkoord; let op de uitstroom naar werk.',
    });
    expect(own.contributionCents).toBe(before.contributionCents);
    // The indicators stay beside it (an earlier test here grew the seeded four to five).
    expect(own.indicators.length).toBeGreaterThanOrEqual(4);
    expect(own.indicators).toEqual(before.indicators);
    // Harderwijk's view of its own year is unchanged: another member's opinion is not its.
    const other = ok(
      await q('harderwijk.inkoper', 'pc.member', { agreementId: GR, year: 2027, member: 'GM0243' }),
    );
    expect(other.opinion?.outcome ?? null).toBeNull();
  });
});

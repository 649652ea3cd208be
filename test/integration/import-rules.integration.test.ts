import type { ImportRow, ImportRowResult } from '@regie/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.ts';
import { createTestDb } from '../support/db.ts';
import { tableFingerprint } from '../support/snapshot.ts';

/**
 * Issue 13 point 3: what an imported agreement is afterwards, and who may import where. An imported active
 * contract behaves like one that went through approval and signature (deadlines, party views, steering, its next
 * moves); an imported subsidy takes its application; a region's GR is imported by the region's own users only.
 */

const KOMPAS = { kvkNumber: '81234567', name: 'Jeugdhulp Kompas B.V.' };
const SDNV = { kvkNumber: '62345678', name: 'Sociaal Domein Noord-Veluwe' };

const row = (over: Partial<ImportRow> & Pick<ImportRow, 'reference'>): ImportRow => ({
  line: 2,
  kind: 'contract',
  title: 'Jeugdhulp ambulant (oud register)',
  status: 'active',
  domain: 'youth',
  startDate: '2025-01-01',
  endDate: '2028-12-31',
  noticePeriodMonths: 3,
  // Above Ermelo's mandate threshold: imported, not approved, and still active.
  valueCeilingCents: 50_000_000,
  parties: [KOMPAS],
  ...over,
});

describe('imported agreements and who imports them', () => {
  let api: TestApi;
  const tokens: Record<string, string> = {};

  async function importRows(user: string, rows: ImportRow[], dryRun = false) {
    const response = await api.mutate('agreement.import', { rows, dryRun }, tokens[user]);
    return {
      status: response.status,
      body: response.body,
      results: response.body?.result?.data?.results as ImportRowResult[],
    };
  }

  beforeAll(async () => {
    api = await startTestApi(await createTestDb(inject('dynamoEndpoint'), { seed: true }));
    for (const user of [
      'ermelo.inkoper',
      'ermelo.viewer',
      'ermelo.approver',
      'kompas.signer',
      'noordveluwe.coordinator',
    ])
      tokens[user] = await api.token(user);
  });
  afterAll(() => api.close());

  it('an imported active contract has its deadlines, its party view, steering and its next moves', async () => {
    const { results } = await importRows('ermelo.inkoper', [row({ reference: 'IMP-ACTIVE-1' })]);
    expect(results).toMatchObject([{ outcome: 'created', line: 2, reference: 'IMP-ACTIVE-1' }]);
    const id = results[0]!.id!;
    const own = (await api.query('agreement.get', { id }, tokens['ermelo.inkoper'])).body.result.data;
    expect(own).toMatchObject({ status: 'active', approval: null, version: 1 });
    expect(own.transitions.sort()).toEqual(['expired', 'terminated']);
    const deadlines = await api.query(
      'deadline.upcoming',
      { from: '2028-09-01', days: 122, limit: 100 },
      tokens['ermelo.inkoper'],
    );
    expect(
      deadlines.body.result.data.items
        .filter((d: { agreementId: string }) => d.agreementId === id)
        .map((d: { kind: string }) => d.kind)
        .sort(),
    ).toEqual(['end', 'notice']);
    // The provider party sees it, as it sees a contract signed in Regie.
    const party = await api.query('agreement.get', { id }, tokens['kompas.signer']);
    expect(party.body.result.data).toMatchObject({ id, view: 'party', status: 'active' });
    const steering = await api.mutate(
      'steering.update',
      {
        agreementId: id,
        expectedVersion: 0,
        roles: { opdrachtgever: { name: 'Team Jeugd', portfolioHolder: 'Wethouder Jansen' } },
      },
      tokens['ermelo.inkoper'],
    );
    expect(steering.status, JSON.stringify(steering.body)).toBe(200);
    const ended = await api.mutate(
      'agreement.transition',
      { id, expectedVersion: 1, to: 'terminated' },
      tokens['ermelo.inkoper'],
    );
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const history = (await api.query('agreement.history', { id }, tokens['ermelo.inkoper'])).body.result.data;
    expect(history.map((e: { action: string }) => e.action)).toEqual([
      'agreement.import',
      'steering',
      'transition',
    ]);
    expect(
      (await api.query('agreement.verifyAudit', { id }, tokens['ermelo.inkoper'])).body.result.data.valid,
    ).toBe(true);
  });

  it('an imported draft stays internal: its party does not see it until it is offered', async () => {
    const { results } = await importRows('ermelo.inkoper', [
      row({ reference: 'IMP-DRAFT-1', status: 'draft' }),
    ]);
    const id = results[0]!.id!;
    expect((await api.query('agreement.get', { id }, tokens['kompas.signer'])).status).toBe(404);
    const own = (await api.query('agreement.get', { id }, tokens['ermelo.inkoper'])).body.result.data;
    // Above the mandate threshold: the draft goes through approval like any other.
    expect(own.transitions).toEqual(['in_approval']);
  });

  it('an imported subsidy application takes its Awb application record', async () => {
    const { results } = await importRows('ermelo.inkoper', [
      row({ reference: 'IMP-SUB-1', kind: 'subsidy', status: 'requested', domain: 'participation' }),
    ]);
    const id = results[0]!.id!;
    const own = (await api.query('agreement.get', { id }, tokens['ermelo.inkoper'])).body.result.data;
    expect(own.parties.map((p: { role: string }) => p.role)).toEqual(['recipient']);
    const applied = await api.mutate(
      'subsidy.recordApplication',
      {
        agreementId: id,
        expectedVersion: 1,
        regulationId: 'erm-regl-welzijn-2026',
        applicationDate: '2026-09-01',
        requestedCents: 100_000,
        bookYear: 2027,
      },
      tokens['ermelo.inkoper'],
    );
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
  });

  it('refuses statuses outside the importable ones, per kind', async () => {
    const { results } = await importRows(
      'ermelo.inkoper',
      [
        row({ reference: 'IMP-ST-1', status: 'approved' }),
        row({ reference: 'IMP-ST-2', kind: 'subsidy', status: 'granted', domain: 'participation' }),
        row({ reference: 'IMP-ST-3', kind: 'joint_arrangement', status: 'expired', parties: [] }),
      ],
      true,
    );
    expect(results.map((r) => [r.outcome, r.field, r.reason])).toEqual([
      ['invalid', 'status', 'import.statusNotImportable'],
      ['invalid', 'status', 'import.statusNotImportable'],
      ['invalid', 'status', 'import.statusNotImportable'],
    ]);
  });

  it('reports the second row of a reference in one file, in any case', async () => {
    const { results } = await importRows('ermelo.inkoper', [
      row({ line: 7, reference: 'IMP-DUP-1' }),
      row({ line: 9, reference: 'imp-dup-1' }),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['created', 'invalid']);
    expect(results[1]).toMatchObject({
      field: 'reference',
      reason: 'import.duplicateInFile',
      params: { reference: 'imp-dup-1', line: 7 },
    });
  });

  it('writes each reference once when the same batch arrives twice at the same time', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row({ line: i + 2, reference: `IMP-RACE-${i}` }));
    const [a, b] = await Promise.all([
      importRows('ermelo.inkoper', rows),
      importRows('ermelo.inkoper', rows),
    ]);
    for (let i = 0; i < rows.length; i++) {
      const pair = [a.results[i]!, b.results[i]!];
      expect(pair.map((r) => r.outcome).sort(), rows[i]!.reference).toEqual(['created', 'exists']);
      expect(pair[0]!.id).toBe(pair[1]!.id);
    }
  });

  it("imports a region's GR by the region's own users only, with the joint body as its party", async () => {
    const gr = row({
      reference: 'IMP-GR-1',
      kind: 'joint_arrangement',
      domain: 'other',
      space: 'RGNOORDVELUWE',
      parties: [SDNV],
    });
    const member = await importRows('ermelo.inkoper', [gr]);
    expect(member.results).toMatchObject([
      { outcome: 'invalid', field: 'space', reason: 'region.onlyOwnUsers' },
    ]);
    const { results } = await importRows('noordveluwe.coordinator', [gr]);
    const id = results[0]!.id!;
    const own = (await api.query('agreement.get', { id }, tokens['noordveluwe.coordinator'])).body.result
      .data;
    expect(own).toMatchObject({ space: 'RGNOORDVELUWE', status: 'active' });
    expect(own.parties.map((p: { role: string }) => p.role)).toEqual(['joint_body']);
    const plan = await api.mutate(
      'wgr.plan',
      {
        agreementId: id,
        year: 2027,
        expectedVersion: 0,
        budgetAdoption: '2026-07-08',
        accountsAdoption: '2028-06-24',
        draftBudgetCents: 1_500_000_000,
      },
      tokens['noordveluwe.coordinator'],
    );
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
  });

  it('refuses a foreign space like a missing one, and callers without a write role; nothing changes', async () => {
    const before = await tableFingerprint(api.db);
    for (const space of ['GM0344', 'GM9999']) {
      const foreign = await importRows('ermelo.inkoper', [row({ reference: 'IMP-X-1', space })], true);
      expect(foreign.status).toBe(404);
      expect(foreign.body.error.data.reason).toBe('space.notFound');
    }
    for (const user of ['ermelo.viewer', 'ermelo.approver', 'kompas.signer']) {
      for (const dryRun of [true, false]) {
        const refused = await importRows(user, [row({ reference: 'IMP-X-2' })], dryRun);
        expect(refused.status, user).toBe(403);
      }
    }
    expect(await tableFingerprint(api.db)).toEqual(before);
  });
});

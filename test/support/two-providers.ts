import type { DutyInput } from '@regie/core';
import { expect } from 'vitest';
import type { TestApi } from './api.ts';
import { tableFingerprint } from './snapshot.ts';

/** Two providers of Ermelo's seed on one contract (SPEC §2 rule 6): Jeugdhulp Kompas and Stichting Wijkracht. */
export const KOMPAS = 'PV81234567';
export const WIJKRACHT = 'PV40123456';
export const KOMPAS_NAME = 'Jeugdhulp Kompas B.V.';
export const WIJKRACHT_NAME = 'Stichting Wijkracht Noord-Veluwe';

export type Tokens = Record<
  'manager' | 'inkoper' | 'kompas' | 'kompasSigner' | 'wijkracht' | 'wijkrachtSigner',
  string
>;

export async function tokensOf(api: TestApi): Promise<Tokens> {
  return {
    manager: await api.token('ermelo.contractmanager'),
    inkoper: await api.token('ermelo.inkoper'),
    kompas: await api.token('kompas.reporter'),
    kompasSigner: await api.token('kompas.signer'),
    wijkracht: await api.token('wijkracht.reporter'),
    wijkrachtSigner: await api.token('wijkracht.signer'),
  };
}

/**
 * Through the API: an active Ermelo contract (2025–2027) with Kompas as contractor and Wijkracht as
 * subcontractor, a quarterly duty `dp-kwartaal` and a KPI `kpi-wacht`; approved by the approver first.
 */
export async function activeContractWithTwoProviders(
  api: TestApi,
  t: Tokens,
  /** Duties besides the quarterly report (an event duty for notifications). */
  extraDuties: readonly DutyInput[] = [],
): Promise<string> {
  const created = await api.mutate(
    'agreement.create',
    {
      kind: 'contract',
      reference: 'ERM-2025-JH-SAMEN',
      title: 'Jeugdhulp ambulant, hoofd- en onderaannemer',
      domain: 'youth',
      startDate: '2025-01-01',
      endDate: '2027-12-31',
      valueCeilingCents: 5_000_000,
      parties: [
        { organisationId: 'org-kompas', role: 'contractor' },
        { organisationId: 'org-wijkracht', role: 'subcontractor' },
      ],
      duties: [
        {
          id: 'dp-kwartaal',
          kind: 'periodic',
          title: 'Kwartaalrapportage',
          frequency: 'quarterly',
          dueDays: 30,
        },
        ...extraDuties,
      ],
      kpis: [
        {
          id: 'kpi-wacht',
          name: 'Wachttijd',
          unit: 'weken',
          target: 6,
          direction: 'lower',
          frequency: 'quarterly',
        },
      ],
    },
    t.inkoper,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  const id: string = created.body.result.data.id;
  let version = created.body.result.data.version;
  const approver = await api.token('ermelo.approver');
  for (const [to, token] of [
    ['in_approval', t.inkoper],
    ['approved', approver],
    ['out_for_signature', t.inkoper],
    ['active', t.inkoper],
  ] as const) {
    const moved = await api.mutate('agreement.transition', { id, expectedVersion: version, to }, token);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    version = moved.body.result.data.version;
  }
  return id;
}

/** Calls that must each be refused with a 4xx, and together change nothing in the table. */
export async function refusedWithoutChange(
  api: TestApi,
  calls: (() => Promise<{ status: number; body: unknown }>)[],
) {
  const before = await tableFingerprint(api.db);
  for (const call of calls) {
    const response = await call();
    expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  }
  expect(await tableFingerprint(api.db)).toEqual(before);
}

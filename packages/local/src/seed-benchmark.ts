import type { AgreementCreateInput, AgreementStatus } from '@regie/core';
import { createRepositories, type Db, readOnlyFor, runBenchmark, type Scope } from '@regie/db';
import { REGION, scopeOf } from './seed.ts';

/**
 * The regional benchmark's seed (issue 15 point 4): Ermelo and Harderwijk share their figures with Regio
 * Noord-Veluwe, Zeewolde does not. Each has a running contract with Jeugdhulp Kompas on 45A12 — and Ermelo and
 * Harderwijk on 45A13 too — at its own tariffs, with realisations in 2026; Zeewolde's contract is there so a test
 * can prove its figures never reach the region. Ermelo's 2026 contract (indexed tariffs) started after its
 * ERM-2025-JH01 on the same codes, so its tariffs are the ones in force; ERM-2025-JH01 keeps no realisations (other
 * tests read its budget). Then the benchmark job runs once for a fixed day, so the seed's figures are the same on
 * every run.
 */
export const SEED_BENCHMARK_AS_OF = '2026-12-01';

export const BENCHMARK_AGREEMENTS = {
  ermelo: 'erm-jh-ambulant',
  harderwijk: 'hdw-jh-ambulant',
  zeewolde: 'zwd-jh-ambulant',
} as const;

/** A seed-only approver of a municipality without one among the seed users (approval needs someone else). */
const approverOf = (base: Scope, space: string): Scope => ({
  ...base,
  actor: `${space.toLowerCase()}.seed-approver`,
  actorName: 'Budgethouder (seed)',
  roles: ['approver'],
});

const contract = (
  reference: string,
  title: string,
  lines: { id: string; code: string; description: string; unit: 'piece' | 'hour'; tariffCents: number }[],
): AgreementCreateInput => ({
  kind: 'contract',
  reference,
  title,
  description: 'Raamovereenkomst ambulante jeugdhulp (regionale productcodes).',
  domain: 'youth',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 6,
  valueCeilingCents: 90_000_000,
  parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
  kpis: [
    {
      id: 'kpi-wachttijd',
      name: 'Gemiddelde wachttijd tot start hulp',
      unit: 'weken',
      target: 6,
      direction: 'lower',
      frequency: 'quarterly',
    },
  ],
  productLines: lines.map((l) => ({
    id: l.id,
    category: '45',
    productCode: l.code,
    description: l.description,
    variant: l.unit === 'piece' ? ('output' as const) : ('effort' as const),
    unit: l.unit,
    frequency: l.unit === 'piece' ? ('per_month' as const) : ('per_week' as const),
    tariffCents: l.tariffCents,
    volumeCeiling: 5_000,
    moneyCeilingCents: 45_000_000,
  })),
});

async function activeContract(db: Db, inkoper: string, id: string, input: AgreementCreateInput) {
  const scope = scopeOf(inkoper);
  let current = await createRepositories(db, scope).agreements.create(input, { id });
  const steps: [AgreementStatus, Scope][] = [
    ['in_approval', scope],
    ['approved', approverOf(scope, scope.space)],
    ['out_for_signature', scope],
    ['active', scope],
  ];
  for (const [to, by] of steps) {
    current = await createRepositories(db, by).agreements.transition(id, current.version, to);
  }
}

/** Monthly realisations (volume × tariff) of one line, January through `months`. */
async function realise(
  db: Db,
  by: string,
  agreementId: string,
  line: string,
  tariffCents: number,
  perMonth: number[],
) {
  const budget = createRepositories(db, scopeOf(by)).budget;
  for (const [i, volume] of perMonth.entries()) {
    await budget.record(agreementId, {
      period: `2026-${String(i + 1).padStart(2, '0')}`,
      amountCents: volume * tariffCents,
      volume,
      productLineId: line,
    });
  }
}

export async function seedBenchmark(db: Db): Promise<void> {
  await activeContract(
    db,
    'ermelo.inkoper',
    BENCHMARK_AGREEMENTS.ermelo,
    contract('ERM-2026-JH03', 'Jeugdhulp ambulant Ermelo 2026–2027 (geïndexeerd)', [
      {
        id: 'erm-45a12',
        code: '45A12',
        description: 'Jeugdhulp ambulant licht',
        unit: 'piece',
        tariffCents: 99_500,
      },
      {
        id: 'erm-45a13',
        code: '45A13',
        description: 'Jeugdhulp ambulant intensief',
        unit: 'hour',
        tariffCents: 9_950,
      },
    ]),
  );
  await activeContract(
    db,
    'harderwijk.inkoper',
    BENCHMARK_AGREEMENTS.harderwijk,
    contract('HDW-2026-JH02', 'Jeugdhulp ambulant Harderwijk 2026–2027', [
      {
        id: 'hdw-45a12',
        code: '45A12',
        description: 'Jeugdhulp ambulant licht',
        unit: 'piece',
        tariffCents: 104_000,
      },
      {
        id: 'hdw-45a13',
        code: '45A13',
        description: 'Jeugdhulp ambulant intensief',
        unit: 'hour',
        tariffCents: 9_400,
      },
    ]),
  );
  await activeContract(
    db,
    'zeewolde.inkoper',
    BENCHMARK_AGREEMENTS.zeewolde,
    contract('ZWD-2026-JH01', 'Jeugdhulp ambulant Zeewolde 2026–2027', [
      {
        id: 'zwd-45a12',
        code: '45A12',
        description: 'Jeugdhulp ambulant licht',
        unit: 'piece',
        tariffCents: 87_700,
      },
    ]),
  );
  await realise(
    db,
    'ermelo.contractmanager',
    BENCHMARK_AGREEMENTS.ermelo,
    'erm-45a12',
    99_500,
    [5, 6, 5, 6, 5, 6, 5, 6, 5, 5],
  );
  await realise(
    db,
    'ermelo.contractmanager',
    BENCHMARK_AGREEMENTS.ermelo,
    'erm-45a13',
    9_950,
    [40, 42, 38, 41, 40, 39],
  );
  await realise(
    db,
    'harderwijk.contractmanager',
    BENCHMARK_AGREEMENTS.harderwijk,
    'hdw-45a12',
    104_000,
    [9, 10, 10, 9, 10, 10, 10, 10, 10, 10],
  );
  await realise(
    db,
    'harderwijk.contractmanager',
    BENCHMARK_AGREEMENTS.harderwijk,
    'hdw-45a13',
    9_400,
    [80, 75, 82, 78, 80, 85],
  );
  await realise(db, 'zeewolde.inkoper', BENCHMARK_AGREEMENTS.zeewolde, 'zwd-45a12', 87_700, [4, 4, 5, 4]);
  // A comparable KPI result in Harderwijk (Ermelo's is seed-steering.ts's 7.5 weeks in 2026-Q2), and Zeewolde's.
  await createRepositories(db, scopeOf('kompas.reporter')).accountability.recordKpi({
    agreementId: BENCHMARK_AGREEMENTS.harderwijk,
    kpiId: 'kpi-wachttijd',
    period: '2026-Q2',
    value: 5.5,
  });
  await createRepositories(db, scopeOf('zeewolde.inkoper')).accountability.recordKpi({
    agreementId: BENCHMARK_AGREEMENTS.zeewolde,
    kpiId: 'kpi-wachttijd',
    period: '2026-Q2',
    value: 4,
  });
  // Ermelo and Harderwijk opt in through their settings (audited on each space's own chain), as an admin would.
  const harderwijkAdmin: Scope = {
    ...scopeOf('harderwijk.inkoper'),
    actor: 'harderwijk.seed-admin',
    actorName: 'Beheerder (seed)',
    roles: ['admin'],
  };
  for (const admin of [scopeOf('ermelo.admin'), harderwijkAdmin]) {
    const tenant = createRepositories(db, admin).tenant;
    await tenant.update((await tenant.settings()).version, { benchmarkOptIn: true });
  }
  await runBenchmark(db, async (space) => readOnlyFor(db, space), SEED_BENCHMARK_AS_OF, [REGION]);
}

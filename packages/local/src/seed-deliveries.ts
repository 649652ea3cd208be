import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { type AgreementCreateInput, parsePeriod, reportDueDate } from '@regie/core';
import { createRepositories, type Db, dueItem, readDues, reportRepository } from '@regie/db';
import { scopeOf } from './seed.ts';

/**
 * Structured data deliveries (issue 15 point 3): a running contract with Kompas whose quarterly report carries a data
 * specification of three fields, three quarters of 2026 delivered with their figures, and a KPI whose results are
 * taken from one of those fields. Made here rather than in SEED_AGREEMENTS, so the isolation matrix (which tries
 * every seeded agreement as a foreign target) does not grow with it.
 */
export const SEED_DELIVERY = {
  agreementId: 'erm-jh-2026-levering',
  reference: 'ERM-2026-JH05',
  dutyId: 'lv-kwartaal',
  kpiId: 'kpi-lv-wachttijd',
} as const;

const INPUT: AgreementCreateInput = {
  kind: 'contract',
  reference: SEED_DELIVERY.reference,
  title: 'Jeugdhulp dagbehandeling 2026–2027',
  description: 'Dagbehandeling jeugd (categorie 45) met een kwartaallevering van gegevens.',
  domain: 'youth',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  noticePeriodMonths: 3,
  valueCeilingCents: 48_000_000,
  parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
  duties: [
    {
      id: SEED_DELIVERY.dutyId,
      kind: 'periodic',
      title: 'Kwartaallevering dagbehandeling',
      frequency: 'quarterly',
      dueDays: 30,
      dataSpec: [
        { key: 'clienten', label: 'Cliënten in zorg', unit: 'cliënten', type: 'count', required: true },
        { key: 'wachttijd', label: 'Gemiddelde wachttijd', unit: 'weken', type: 'weeks', required: true },
        { key: 'kosten', label: 'Gedeclareerde kosten', type: 'amount', required: false },
      ],
    },
  ],
  kpis: [
    {
      id: SEED_DELIVERY.kpiId,
      name: 'Wachttijd dagbehandeling',
      unit: 'weken',
      target: 6,
      direction: 'lower',
      frequency: 'quarterly',
      level: 'output',
      source: { dutyId: SEED_DELIVERY.dutyId, field: 'wachttijd' },
    },
  ],
  productLines: [
    {
      id: 'lv-45a20',
      category: '45',
      productCode: '45A20',
      description: 'Dagbehandeling jeugd',
      variant: 'output',
      unit: 'dagdeel',
      frequency: 'per_week',
      tariffCents: 7_250,
      volumeCeiling: 6_400,
      moneyCeilingCents: 46_400_000,
    },
  ],
};

/** The three quarters Kompas delivered, each on its own day within the 30 days after the quarter. */
export const SEED_DELIVERIES = [
  { period: '2026-Q1', on: '2026-04-21', data: { clienten: 38, wachttijd: 7.5, kosten: 10_150_000 } },
  { period: '2026-Q2', on: '2026-07-20', data: { clienten: 42, wachttijd: 6.5, kosten: 11_310_000 } },
  { period: '2026-Q3', on: '2026-10-26', data: { clienten: 45, wachttijd: 5.5 } },
] as const;

export async function seedDeliveries(db: Db): Promise<void> {
  const id = SEED_DELIVERY.agreementId;
  let current = await createRepositories(db, scopeOf('ermelo.inkoper')).agreements.create(INPUT, { id });
  for (const [to, key] of [
    ['in_approval', 'ermelo.inkoper'],
    ['approved', 'ermelo.approver'],
    ['out_for_signature', 'ermelo.inkoper'],
    ['active', 'ermelo.inkoper'],
  ] as const)
    current = await createRepositories(db, scopeOf(key)).agreements.transition(id, current.version, to);
  // Activation expects the report of the quarter just ended; the seed's history starts with the first quarter,
  // so its due goes back there once, and each quarter is then delivered through the repository on its own day.
  const [due] = await readDues(db, current.space, id);
  const first = parsePeriod('quarterly', SEED_DELIVERIES[0].period)!;
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: dueItem(current, {
        ...due!,
        period: first.key,
        periodEnd: first.end,
        dueDate: reportDueDate(first, 30),
      }),
    }),
  );
  for (const delivery of SEED_DELIVERIES) {
    const reports = reportRepository(
      db,
      scopeOf('kompas.reporter'),
      async () => db,
      () => new Date(`${delivery.on}T09:00:00Z`),
    );
    await reports.submit({
      agreementId: id,
      dutyId: SEED_DELIVERY.dutyId,
      period: delivery.period,
      summary: `Levering ${delivery.period}: cliënten, wachttijd en kosten volgens de gegevensspecificatie.`,
      data: { ...delivery.data },
    });
  }
}

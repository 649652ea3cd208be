import * as z from 'zod/mini';
import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  DOMAINS,
  type Domain,
} from './agreement.ts';
import type { AuditEvent } from './audit.ts';
import type { Cell } from './csv.ts';

export { type Cell, csvTable } from './csv.ts';

import { idSchema, isoDate, text } from './schema.ts';
import { SPACE_PATTERN } from './spaces.ts';
import type { InternalView } from './views.ts';

/** The register's filters (`agreement.find`), also the filters of a register export. */
export const agreementFindInput = z.strictObject({
  kind: z.optional(z.enum(AGREEMENT_KINDS)),
  status: z.optional(z.enum(AGREEMENT_STATUSES)),
  domain: z.optional(z.enum(DOMAINS)),
  party: z.optional(idSchema()),
  parentId: z.optional(idSchema()),
  endsBefore: z.optional(isoDate()),
  q: z.optional(text(100, 1)),
  sort: z.optional(z.enum(['newest', 'endDate'])),
  space: z.optional(z.string().check(z.regex(SPACE_PATTERN, 'Invalid space'))),
  cursor: z.optional(text(2048, 1)),
  limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
});
export type AgreementFindInput = z.infer<typeof agreementFindInput>;

/**
 * Exports (SPEC §5.5): the filtered register as a table (CSV and XLSX share it), and an agreement's audit trail
 * as JSON lines. Pure; the files app streams the bytes.
 */

/** The most rows one register export holds; a larger register is exported with narrower filters. */
export const MAX_EXPORT_ROWS = 10_000;

const KINDS_NL: Record<AgreementKind, string> = {
  contract: 'Inkoopcontract',
  subsidy: 'Subsidie',
  joint_arrangement: 'Gemeenschappelijke regeling',
  service_agreement: 'Dienstverleningsovereenkomst',
};
const STATUSES_NL: Record<AgreementStatus, string> = {
  draft: 'concept',
  in_approval: 'in goedkeuring',
  approved: 'goedgekeurd',
  out_for_signature: 'ter ondertekening',
  active: 'actief',
  terminated: 'beëindigd',
  expired: 'verlopen',
  requested: 'aangevraagd',
  granted: 'verleend',
  settlement_requested: 'vaststelling aangevraagd',
  settled: 'vastgesteld',
  refused: 'geweigerd',
  withdrawn: 'ingetrokken',
};
const DOMAINS_NL: Record<Domain, string> = {
  youth: 'Jeugd',
  wmo: 'Wmo',
  participation: 'Participatie',
  ict: 'ICT',
  other: 'Overig',
};

export interface ExportColumn {
  key: string;
  /** Dutch header (the product is Dutch first; an export travels to colleagues and auditors as it is). */
  header: string;
  /** Spreadsheet hint: dates as dates, money with two decimals, percentages. */
  type: 'text' | 'date' | 'money' | 'percent' | 'integer';
}

export const REGISTER_COLUMNS: readonly ExportColumn[] = [
  { key: 'reference', header: 'Kenmerk', type: 'text' },
  { key: 'title', header: 'Titel', type: 'text' },
  { key: 'kind', header: 'Soort', type: 'text' },
  { key: 'status', header: 'Status', type: 'text' },
  { key: 'domain', header: 'Domein', type: 'text' },
  { key: 'space', header: 'Eigenaar', type: 'text' },
  { key: 'parties', header: 'Partijen', type: 'text' },
  { key: 'startDate', header: 'Begindatum', type: 'date' },
  { key: 'endDate', header: 'Einddatum', type: 'date' },
  { key: 'noticePeriodMonths', header: 'Opzegtermijn (maanden)', type: 'integer' },
  { key: 'renewalOptionsLeft', header: 'Verlengopties over', type: 'integer' },
  { key: 'valueCeiling', header: 'Plafond (EUR)', type: 'money' },
  { key: 'spent', header: 'Besteed (EUR)', type: 'money' },
  { key: 'used', header: 'Besteed (%)', type: 'percent' },
  { key: 'version', header: 'Versie', type: 'integer' },
  { key: 'updatedAt', header: 'Laatst gewijzigd', type: 'text' },
];

/** One register row as cells, in REGISTER_COLUMNS order. Money in euros (two decimals), percentages as 0–1+. */
export function registerRow(a: InternalView): Cell[] {
  const values: Record<string, Cell> = {
    reference: a.reference,
    title: a.title,
    kind: KINDS_NL[a.kind],
    status: STATUSES_NL[a.status],
    domain: DOMAINS_NL[a.domain],
    space: a.space,
    parties: a.parties.map((p) => `${p.name} (KvK ${p.kvkNumber})`).join('; '),
    startDate: a.startDate,
    endDate: a.endDate,
    noticePeriodMonths: a.noticePeriodMonths,
    renewalOptionsLeft: a.renewal ? a.renewal.options - a.renewal.used : null,
    valueCeiling: a.valueCeilingCents === null ? null : a.valueCeilingCents / 100,
    spent: a.budget ? a.budget.spentCents / 100 : null,
    used: a.budget ? a.budget.usedBasisPoints / 10_000 : null,
    version: a.version,
    updatedAt: a.updatedAt,
  };
  return REGISTER_COLUMNS.map((c) => values[c.key] ?? null);
}

/** An audit trail as JSON lines: one event per line, in seq order, exactly as hashed. */
export function auditJsonLines(events: readonly AuditEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}

import * as z from 'zod/mini';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, DOMAINS } from './agreement.ts';
import type { AuditEvent } from './audit.ts';
import type { Cell } from './csv.ts';

export { type Cell, csvTable } from './csv.ts';

import { DOMAINS_NL, KINDS_NL, REGISTER_COLUMNS, STATUSES_NL } from './register-columns.ts';

// The columns and Dutch names live apart so the browser's import can read an export back (register-columns.ts).
export {
  DOMAINS_NL,
  type ExportColumn,
  KINDS_NL,
  REGISTER_COLUMNS,
  STATUSES_NL,
} from './register-columns.ts';

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

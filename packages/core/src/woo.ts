import * as z from 'zod/mini';
import type { Agreement } from './agreement.ts';
import { csvTable } from './csv.ts';

/**
 * Publication under the Wet open overheid (SPEC §5.4, DOMAIN.md §e). An agreement marked for publication
 * appears in the municipality's public register with public fields only. Categories: the Woo art. 3.3
 * categories that fit agreements (convenanten, subsidieverplichtingen anders dan met beschikking,
 * beschikkingen) and `overeenkomst` for the general duty of art. 3.1.
 */
export const WOO_CATEGORIES = ['overeenkomst', 'convenant', 'subsidieverplichting', 'beschikking'] as const;

export const publicationSchema = z.strictObject({
  publish: z.boolean(),
  wooCategory: z.optional(z.enum(WOO_CATEGORIES)),
  /** Business data supplied in confidence (Woo 5.1 lid 1 c): the value is then left out. */
  suppliedInConfidence: z.optional(z.boolean()),
});
export type Publication = z.infer<typeof publicationSchema>;

/** Statuses in which a marked agreement is public: decided and in force, or ended. */
const PUBLIC_STATUSES = new Set([
  'out_for_signature',
  'active',
  'terminated',
  'expired',
  'granted',
  'settlement_requested',
  'settled',
]);

/** Every field the public register shows; nothing else ever leaves (tested against this list). */
export const PUBLIC_FIELDS = [
  'reference',
  'title',
  'kind',
  'domain',
  'status',
  'startDate',
  'endDate',
  'valueCeilingEuro',
  'contractors',
  'wooCategory',
  'publisher',
  'updatedAt',
] as const;
export type PublicRecord = Record<(typeof PUBLIC_FIELDS)[number], string | number | null>;

export function isPublic(a: Pick<Agreement, 'status'> & { publication?: Publication | null }): boolean {
  return a.publication?.publish === true && PUBLIC_STATUSES.has(a.status);
}

export function toPublicRecord(
  a: Agreement & { publication?: Publication | null },
  publisher: string,
): PublicRecord {
  return {
    reference: a.reference,
    title: a.title,
    kind: a.kind,
    domain: a.domain,
    status: a.status,
    startDate: a.startDate,
    endDate: a.endDate,
    valueCeilingEuro:
      a.valueCeilingCents === null || a.publication?.suppliedInConfidence
        ? null
        : Math.round(a.valueCeilingCents) / 100,
    contractors: a.parties.map((p) => p.name).join('; '),
    wooCategory: a.publication?.wooCategory ?? 'overeenkomst',
    publisher,
    updatedAt: a.updatedAt,
  };
}

/** RFC 4180 CSV, with a leading apostrophe against formula injection in spreadsheets. */
export function toCsv(rows: readonly PublicRecord[]): string {
  return csvTable(
    PUBLIC_FIELDS,
    rows.map((r) => PUBLIC_FIELDS.map((f) => r[f])),
  );
}

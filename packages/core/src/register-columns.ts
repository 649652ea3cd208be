import {
  AGREEMENT_KINDS,
  AGREEMENT_STATUSES,
  type AgreementKind,
  type AgreementStatus,
  DOMAINS,
  type Domain,
} from './lists.ts';

/**
 * The register's columns and the Dutch names its export writes (exports.ts). Apart from the export so the browser
 * can read an export back (the register import, import-parse.ts) without reaching the export's server-only imports.
 */

export const KINDS_NL: Record<AgreementKind, string> = {
  contract: 'Inkoopcontract',
  subsidy: 'Subsidie',
  joint_arrangement: 'Gemeenschappelijke regeling',
  service_agreement: 'Dienstverleningsovereenkomst',
};
export const STATUSES_NL: Record<AgreementStatus, string> = {
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
export const DOMAINS_NL: Record<Domain, string> = {
  youth: 'Jeugd',
  wmo: 'Wmo',
  participation: 'Participatie',
  ict: 'ICT',
  other: 'Overig',
};

/** A Dutch name (any case) → its code: what a register export wrote, read back. */
function reverse<T extends string>(codes: readonly T[], names: Record<T, string>): ReadonlyMap<string, T> {
  return new Map(codes.map((code) => [names[code].toLowerCase(), code]));
}
export const KIND_BY_NL = reverse(AGREEMENT_KINDS, KINDS_NL);
export const STATUS_BY_NL = reverse(AGREEMENT_STATUSES, STATUSES_NL);
export const DOMAIN_BY_NL = reverse(DOMAINS, DOMAINS_NL);

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

/** The header of a register column by its key (a typo fails at load, not in a file). */
export function registerHeader(key: string): string {
  const column = REGISTER_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`No register column ${key}`);
  return column.header;
}

import { type AllocationKey, allocate } from './allocation.ts';
import { LEGAL_FORMS, LEGAL_FORMS_NL, type LegalForm, type PcProfile } from './pc-indicators.ts';
import type { PcFinancials } from './pc-values.ts';

/**
 * The paragraaf verbonden partijen (BBV art. 15) from the P&C figures of each party (pc-values.ts): per member its
 * share or entered interest, grouped and as export cells.
 */

/** A share of an amount by the allocation key; a negative amount (negative equity) is split as its size. */
export function shareOf(
  amountCents: number,
  key: AllocationKey | null | undefined,
  member: string,
): number | null {
  if (!key?.weights.some((w) => w.space === member)) return null;
  const shares = allocate(Math.abs(amountCents), key);
  const cents = shares.find((s) => s.space === member)?.cents ?? 0;
  return amountCents < 0 ? -cents : cents;
}

export type InterestSource = 'entered' | 'equity_share' | 'none';

/**
 * The municipality's financial interest at the start and end of the year (BBV art. 15 lid 1 c): as entered on the
 * arrangement, else its share of the party's equity under the GR's allocation key.
 */
export function memberInterest(
  financials: PcFinancials | undefined,
  key: AllocationKey | null | undefined,
  member: string,
): { startCents: number | null; endCents: number | null; source: InterestSource } {
  const entered = financials?.interests.find((i) => i.member === member);
  if (entered) return { startCents: entered.startCents, endCents: entered.endCents, source: 'entered' };
  if (!financials) return { startCents: null, endCents: null, source: 'none' };
  const start = shareOf(financials.equityStartCents, key, member);
  const end = shareOf(financials.equityEndCents, key, member);
  if (start === null || end === null) return { startCents: null, endCents: null, source: 'none' };
  return { startCents: start, endCents: end, source: 'equity_share' };
}

/** One verbonden partij in a municipality's paragraaf. */
export interface ParagraphRow {
  agreementId: string;
  reference: string;
  title: string;
  /** The party itself (the joint body), or the arrangement's title without one. */
  partyName: string;
  legalForm: LegalForm;
  publicInterest: string | null;
  governanceInterest: string | null;
  /** The municipality's contribution for the year under the allocation key (from the Wgr calendar's budget). */
  contributionCents: number | null;
  interestStartCents: number | null;
  interestEndCents: number | null;
  interestSource: InterestSource;
  equityStartCents: number | null;
  equityEndCents: number | null;
  debtStartCents: number | null;
  debtEndCents: number | null;
  resultCents: number | null;
  uncoveredRisks: string | null;
  provisional: boolean | null;
  /** The BBV fields that are still missing (nothing: the row is complete). */
  missing: ParagraphField[];
}

export type ParagraphField =
  | 'legalForm'
  | 'publicInterest'
  | 'governanceInterest'
  | 'interest'
  | 'financials';

export function paragraphRow(input: {
  agreement: { id: string; reference: string; title: string; allocationKey?: AllocationKey | null };
  partyName: string | null;
  member: string;
  profile: PcProfile | undefined;
  financials: PcFinancials | undefined;
  contributionCents: number | null;
}): ParagraphRow {
  const { agreement, profile, financials } = input;
  const interest = memberInterest(financials, agreement.allocationKey, input.member);
  const missing: ParagraphField[] = [];
  if (!profile) missing.push('legalForm', 'publicInterest', 'governanceInterest');
  if (interest.source === 'none') missing.push('interest');
  if (!financials) missing.push('financials');
  return {
    agreementId: agreement.id,
    reference: agreement.reference,
    title: agreement.title,
    partyName: input.partyName ?? agreement.title,
    // A joint arrangement is a GR unless its profile says otherwise.
    legalForm: profile?.legalForm ?? 'gemeenschappelijke_regeling',
    publicInterest: profile?.publicInterest ?? null,
    governanceInterest: profile?.governanceInterest ?? null,
    contributionCents: input.contributionCents,
    interestStartCents: interest.startCents,
    interestEndCents: interest.endCents,
    interestSource: interest.source,
    equityStartCents: financials?.equityStartCents ?? null,
    equityEndCents: financials?.equityEndCents ?? null,
    debtStartCents: financials?.debtStartCents ?? null,
    debtEndCents: financials?.debtEndCents ?? null,
    resultCents: financials?.resultCents ?? null,
    uncoveredRisks: financials?.uncoveredRisks ?? null,
    provisional: financials?.provisional ?? null,
    missing,
  };
}

export interface ParagraphGroup {
  legalForm: LegalForm;
  rows: ParagraphRow[];
}

/** The rows grouped by legal form in the BBV's order, each group by reference; empty groups left out. */
export function groupParagraph(rows: readonly ParagraphRow[]): ParagraphGroup[] {
  return LEGAL_FORMS.map((legalForm) => ({
    legalForm,
    rows: rows
      .filter((r) => r.legalForm === legalForm)
      .sort((a, b) => a.reference.localeCompare(b.reference)),
  })).filter((g) => g.rows.length > 0);
}

export interface Paragraph {
  space: string;
  year: number;
  groups: ParagraphGroup[];
  complete: boolean;
}

/** The columns of the export (CSV and XLSX share them); money in euros. */
export const PARAGRAPH_COLUMNS = [
  { key: 'group', header: 'Categorie', type: 'text' },
  { key: 'reference', header: 'Kenmerk', type: 'text' },
  { key: 'party', header: 'Verbonden partij', type: 'text' },
  { key: 'publicInterest', header: 'Openbaar belang', type: 'text' },
  { key: 'governanceInterest', header: 'Bestuurlijk belang', type: 'text' },
  { key: 'contribution', header: 'Bijdrage gemeente (€)', type: 'money' },
  { key: 'interestStart', header: 'Financieel belang begin jaar (€)', type: 'money' },
  { key: 'interestEnd', header: 'Financieel belang eind jaar (€)', type: 'money' },
  { key: 'interestSource', header: 'Bron financieel belang', type: 'text' },
  { key: 'equityStart', header: 'Eigen vermogen begin jaar (€)', type: 'money' },
  { key: 'equityEnd', header: 'Eigen vermogen eind jaar (€)', type: 'money' },
  { key: 'debtStart', header: 'Vreemd vermogen begin jaar (€)', type: 'money' },
  { key: 'debtEnd', header: 'Vreemd vermogen eind jaar (€)', type: 'money' },
  { key: 'result', header: 'Financieel resultaat (€)', type: 'money' },
  { key: 'risks', header: 'Niet-afgedekte risico’s', type: 'text' },
  { key: 'status', header: 'Status cijfers', type: 'text' },
] as const;

const INTEREST_SOURCE_NL: Record<InterestSource, string> = {
  entered: 'Ingevoerd',
  equity_share: 'Aandeel eigen vermogen volgens verdeelsleutel',
  none: 'Ontbreekt',
};
const euros = (cents: number | null) => (cents === null ? null : cents / 100);

/** The paragraaf as rows of cells in PARAGRAPH_COLUMNS order (money in euros, two decimals). */
export function paragraphCells(paragraph: Pick<Paragraph, 'groups'>): (string | number | null)[][] {
  return paragraph.groups.flatMap((g) =>
    g.rows.map((r) => [
      LEGAL_FORMS_NL[g.legalForm],
      r.reference,
      r.partyName,
      r.publicInterest,
      r.governanceInterest,
      euros(r.contributionCents),
      euros(r.interestStartCents),
      euros(r.interestEndCents),
      INTEREST_SOURCE_NL[r.interestSource],
      euros(r.equityStartCents),
      euros(r.equityEndCents),
      euros(r.debtStartCents),
      euros(r.debtEndCents),
      euros(r.resultCents),
      r.uncoveredRisks,
      r.provisional === null ? 'Ontbreekt' : r.provisional ? 'Voorlopig' : 'Definitief',
    ]),
  );
}

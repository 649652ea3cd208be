import * as z from 'zod/mini';
import { addDays } from './calendar.ts';
import type { Deadline } from './deadlines.ts';
import { dutyInputSchema } from './duties.ts';
import {
  type GovernanceDecision,
  type GovernanceProposal,
  type GovernanceTerms,
  governanceProposal,
} from './governance.ts';
import type { GOVERNANCE_EXECUTION_VARIANTS } from './relation.ts';
import type { Role } from './roles.ts';
import { idSchema } from './schema.ts';
import { relationDecisionSchema } from './steering.ts';
import type { ProductLineInput } from './terms.ts';

/**
 * Governance that acts, wired (issue 14 point 1): the preview of what a relation decision changes on one
 * agreement, what applying it sends, and the meetings it schedules as deadlines. Pure; the storage side is
 * packages/db/src/governance.ts.
 */
type Variant = (typeof GOVERNANCE_EXECUTION_VARIANTS)[number];

const version = () => z.int().check(z.gte(0), z.lte(1_000_000_000));

export const governancePreviewSchema = z.strictObject({
  agreementId: idSchema(),
  relation: relationDecisionSchema,
});
export type GovernancePreviewInput = z.infer<typeof governancePreviewSchema>;

export const governanceApplySchema = z.strictObject({
  agreementId: idSchema(),
  /** The steering version you saw; 0 when none was stored yet. */
  expectedVersion: version(),
  /** The agreement version you saw: its duties are terms. */
  agreementVersion: version(),
  relation: relationDecisionSchema,
  /** The duty list after applying, as the user accepted or edited it (kept duties keep their id). */
  duties: z.array(dutyInputSchema).check(z.maxLength(20)),
});
export type GovernanceApplyInput = z.infer<typeof governanceApplySchema>;

/** Each product line's execution variant against the relation's preferred one. */
export interface VariantRow {
  productLineId: string;
  productCode: string;
  description: string;
  variant: Variant;
  matches: boolean;
}

export function variantComparison(
  preferred: Variant,
  lines: readonly (Pick<ProductLineInput, 'variant'> & {
    id?: string;
    productCode?: string;
    description?: string;
  })[],
): VariantRow[] {
  return lines.map((line, i) => ({
    productLineId: line.id ?? String(i),
    productCode: line.productCode ?? '',
    description: line.description ?? '',
    variant: line.variant,
    matches: line.variant === preferred,
  }));
}

export interface GovernancePreview extends GovernanceProposal {
  preferredVariant: Variant;
  variants: VariantRow[];
}

/** The proposal with the per-line variant comparison the diff shows. */
export function governancePreview(
  decision: GovernanceDecision,
  terms: Omit<GovernanceTerms, 'productLines'> & {
    productLines: readonly (GovernanceTerms['productLines'][number] & {
      id?: string;
      productCode?: string;
      description?: string;
    })[];
  },
  today: string,
): GovernancePreview {
  return {
    ...governanceProposal(decision, terms, today),
    preferredVariant: decision.governance.executionVariant,
    variants: variantComparison(decision.governance.executionVariant, terms.productLines),
  };
}

/** Who prepares and attends a steering meeting on the municipality's side. */
export const MEETING_ROLES: Role[] = ['contractmanager', 'inkoper'];

/** Days after a meeting's date within which a dialogue record still counts as that meeting (minutes come late). */
export const MEETING_GRACE_DAYS = 7;

/** The stored deadlines of a meeting schedule. */
export function meetingDeadlines(
  a: { id: string; space: string },
  meetings: readonly { key: string; date: string }[],
): Deadline[] {
  return meetings.map((m) => ({
    kind: 'meeting',
    key: m.key,
    date: m.date,
    agreementId: a.id,
    space: a.space,
    roles: MEETING_ROLES,
    label: 'meeting',
  }));
}

/** Whether a dialogue record on `recordDate` is the meeting planned on `meetingDate`: that day or a few after. */
export function meetingHeldBy(meetingDate: string, recordDate: string): boolean {
  return recordDate >= meetingDate && recordDate <= addDays(meetingDate, MEETING_GRACE_DAYS);
}

/** The latest planned date a meeting without a record counts as missed on `today`. */
export function missedBefore(today: string): string {
  return addDays(today, -MEETING_GRACE_DAYS);
}

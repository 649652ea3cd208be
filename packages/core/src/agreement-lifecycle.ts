import { DomainError } from './errors.ts';
import type { AgreementKind, AgreementStatus } from './lists.ts';
import type { Role } from './roles.ts';

/*
 * The life cycle of each kind of agreement (SPEC §3) and the mandate: which moves exist, who may make them, and
 * when a move needs the budget holder's approval because the value exceeds the mandate threshold.
 */

interface TransitionRule {
  readonly from: AgreementStatus;
  readonly to: AgreementStatus;
  /** Roles that may make this move; the procedure's own role declaration is checked first. */
  readonly roles: readonly Role[];
  /** Only when the value is within the tenant's mandate threshold (SPEC §5.1). */
  readonly withinMandate?: true;
  /** Never by the user who drafted the agreement (SPEC §5.1: the approver is not the purchaser). */
  readonly notByDrafter?: true;
  /**
   * Only when the mandate covers the current terms: the value is within the threshold, or an approver approved
   * exactly these terms (`approvalCovers`). An approval of an earlier, lower value does not count.
   */
  readonly covered?: true;
}

/**
 * What an approver approved (SPEC §5.1): who, when, and the terms version and value approved — so a later
 * change of terms is never covered by it.
 */
export interface Approval {
  by: string;
  /** The approver's name (approvals recorded before names were kept have none). */
  byName?: string;
  at: string;
  termsVersion: number;
  valueCeilingCents: number | null;
}

/** What a move may depend on besides the statuses: who asks, who drafted it, its value, the mandate. */
export interface TransitionContext {
  roles: readonly Role[];
  actor: string;
  createdBy: string;
  valueCeilingCents: number | null;
  /** The tenant's mandate threshold; null when none is set (then every agreement needs approval). */
  mandateThresholdCents: number | null;
  /** The approval on record (none when absent) and the version of the terms it must be for. */
  approval?: Approval | null;
  termsVersion?: number;
}

export const withinMandate = (c: Pick<TransitionContext, 'valueCeilingCents' | 'mandateThresholdCents'>) =>
  c.valueCeilingCents !== null &&
  c.mandateThresholdCents !== null &&
  c.valueCeilingCents <= c.mandateThresholdCents;

/** Whether an approval is of exactly these terms: the same terms version and no higher value than approved. */
export function approvalCovers(
  approval: Approval | null | undefined,
  terms: { termsVersion?: number; valueCeilingCents: number | null },
): boolean {
  if (!approval || approval.termsVersion !== terms.termsVersion) return false;
  if (terms.valueCeilingCents === null) return approval.valueCeilingCents === null;
  return approval.valueCeilingCents === null || terms.valueCeilingCents <= approval.valueCeilingCents;
}

/** Within the threshold, or approved for the current terms (SPEC §5.1). */
export const mandateCovers = (c: TransitionContext) => withinMandate(c) || approvalCovers(c.approval, c);

/**
 * Refuses a move into signature or into force that the mandate does not cover. Also for moves a workflow makes
 * (the last signature), so no path reaches `active` around it.
 */
export function assertMandateCovers(c: TransitionContext, to: AgreementStatus): void {
  if (mandateCovers(c)) return;
  const stale = c.approval ? ` (the approval on record is of terms version ${c.approval.termsVersion})` : '';
  throw new DomainError('BAD_REQUEST', 'mandate.approvalRequired', {
    params: { to, thresholdCents: c.mandateThresholdCents },
    field: 'to',
    message: `Above the mandate threshold an approver must approve the current terms before the agreement goes to ${to}${stale}`,
  });
}

/** A region's coordinator drafts and moves the region's own agreements (SPEC §2 rule 7, docs/region-rules.md). */
const PURCHASE: readonly Role[] = ['inkoper', 'contractmanager', 'coordinator'];

const APPROVE: readonly Role[] = ['approver'];

/** SPEC §3.1 — contract; §3.4 — service agreement (DVO) follows the same path to signature. */
const signedLifecycle: readonly TransitionRule[] = [
  { from: 'draft', to: 'in_approval', roles: PURCHASE },
  // Within the mandate threshold no approval is needed before signing (SPEC §5.1).
  { from: 'draft', to: 'out_for_signature', roles: PURCHASE, withinMandate: true },
  { from: 'in_approval', to: 'approved', roles: APPROVE, notByDrafter: true },
  { from: 'in_approval', to: 'draft', roles: APPROVE, notByDrafter: true }, // rejection
  { from: 'approved', to: 'out_for_signature', roles: PURCHASE, covered: true },
  // By hand (signed outside Regie): the mandate is checked again against the current value and approval.
  { from: 'out_for_signature', to: 'active', roles: PURCHASE, covered: true },
  { from: 'active', to: 'terminated', roles: PURCHASE },
  { from: 'active', to: 'expired', roles: PURCHASE },
];

/** Initial status and allowed moves per kind. */
export const LIFECYCLES: Record<
  AgreementKind,
  { initial: AgreementStatus; rules: readonly TransitionRule[] }
> = {
  contract: { initial: 'draft', rules: signedLifecycle },
  service_agreement: { initial: 'draft', rules: signedLifecycle },
  /** SPEC §3.2 — Awb titel 4.2: aanvraag → verlening → aanvraag tot vaststelling → vaststelling. */
  subsidy: {
    initial: 'requested',
    rules: [
      { from: 'requested', to: 'granted', roles: PURCHASE },
      { from: 'requested', to: 'refused', roles: PURCHASE },
      { from: 'requested', to: 'withdrawn', roles: PURCHASE },
      { from: 'granted', to: 'settlement_requested', roles: PURCHASE },
      { from: 'granted', to: 'withdrawn', roles: PURCHASE },
      { from: 'settlement_requested', to: 'settled', roles: PURCHASE },
      // Awb 4:44/4:47: without an application for settlement the board may settle ex officio.
      { from: 'granted', to: 'settled', roles: PURCHASE },
      // Awb 4:47: a small subsidy may be settled ex officio in the grant decision itself.
      { from: 'requested', to: 'settled', roles: PURCHASE },
    ],
  },
  /** SPEC §3.3 — a GR is drafted, takes effect, and ends (opheffing or, for one member, uittreding). */
  joint_arrangement: {
    initial: 'draft',
    rules: [
      { from: 'draft', to: 'active', roles: PURCHASE },
      { from: 'active', to: 'terminated', roles: PURCHASE },
    ],
  },
};

/**
 * Moves that are decisions with rules of their own and go only through their own procedure, never through a
 * plain `agreement.transition`: a subsidy is granted (ceiling, 4:60) and settled (4:46, 4:47) through
 * `subsidy.grant` and `subsidy.settle` (packages/core/src/subsidy.ts).
 */
const DEDICATED_MOVES: Partial<Record<AgreementKind, Partial<Record<AgreementStatus, string>>>> = {
  subsidy: { granted: 'subsidy.grant', settled: 'subsidy.settle' },
};

/** The procedure a move must go through, or undefined when `agreement.transition` makes it. */
export function dedicatedRoute(kind: AgreementKind, to: AgreementStatus): string | undefined {
  return DEDICATED_MOVES[kind]?.[to];
}

/** The statuses a kind can ever be in. */
export function statusesOf(kind: AgreementKind): AgreementStatus[] {
  const { initial, rules } = LIFECYCLES[kind];
  const set = new Set<AgreementStatus>([initial]);
  for (const rule of rules) set.add(rule.from).add(rule.to);
  return [...set];
}

function applies(rule: TransitionRule, context: TransitionContext): boolean {
  return (
    rule.roles.some((role) => context.roles.includes(role)) &&
    (!rule.withinMandate || withinMandate(context)) &&
    (!rule.covered || mandateCovers(context)) &&
    (!rule.notByDrafter || context.actor !== context.createdBy)
  );
}

/**
 * Whether the mandate threshold can change which moves these roles may make: true when a rule that depends on it
 * (`withinMandate`, `covered`) is open to one of them. When false, `allowedTransitions` gives the same answer whatever
 * the threshold, so a read for these roles need not load the space record that holds it.
 */
export function mandateMatters(roles: readonly Role[]): boolean {
  return Object.values(LIFECYCLES).some(({ rules }) =>
    rules.some(
      (rule) => (rule.withinMandate || rule.covered) && rule.roles.some((role) => roles.includes(role)),
    ),
  );
}

/** The statuses the caller may move an agreement of this kind to from its current status. */
export function allowedTransitions(
  kind: AgreementKind,
  from: AgreementStatus,
  context: TransitionContext,
): AgreementStatus[] {
  return LIFECYCLES[kind].rules
    .filter((rule) => rule.from === from && applies(rule, context))
    .map((rule) => rule.to);
}

/**
 * Checks a status change and throws a DomainError that says why it is not allowed.
 * Returns nothing when the move is allowed for the caller.
 */
export function assertTransition(
  kind: AgreementKind,
  from: AgreementStatus,
  to: AgreementStatus,
  context: TransitionContext,
): void {
  const rules = LIFECYCLES[kind].rules.filter((rule) => rule.from === from);
  const rule = rules.find((r) => r.to === to);
  if (!rule) {
    const allowed = [...new Set(rules.map((r) => r.to))];
    throw new DomainError('BAD_REQUEST', 'agreement.transitionNotAllowed', {
      params: { kind, from, to, allowed: allowed.join(', ') },
      field: 'to',
      message: `A ${kind} cannot go from ${from} to ${to}; allowed from ${from}: ${allowed.length ? allowed.join(', ') : 'none'}`,
    });
  }
  if (!rule.roles.some((role) => context.roles.includes(role))) {
    throw new DomainError('FORBIDDEN', 'agreement.transitionRoleRequired', {
      params: { kind, from, to, roles: rule.roles.join(', ') },
      message: `Moving a ${kind} from ${from} to ${to} needs role ${rule.roles.join(' or ')}`,
    });
  }
  if (rule.notByDrafter && context.actor === context.createdBy) {
    throw new DomainError('FORBIDDEN', 'mandate.approverIsDrafter', {
      message: 'The approver cannot be the purchaser who drafted the agreement',
    });
  }
  if (rule.withinMandate && !withinMandate(context)) {
    throw context.valueCeilingCents === null
      ? new DomainError('BAD_REQUEST', 'mandate.noCeiling', {
          params: { to },
          field: 'to',
          message: 'An agreement without a value ceiling needs approval before signing',
        })
      : new DomainError('BAD_REQUEST', 'mandate.approvalRequired', {
          params: { to, thresholdCents: context.mandateThresholdCents },
          field: 'to',
          message: 'Above the mandate threshold an approver must approve before signing',
        });
  }
  if (rule.covered) assertMandateCovers(context, to);
}

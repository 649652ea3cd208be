import type { AppRouter } from '@regie/api';
import type { inferInput, inferOutput, TRPCOptionsProxy } from '@trpc/tanstack-react-query';

type Api = TRPCOptionsProxy<AppRouter>;

/** Types come from the router (types only: no server code reaches the browser bundle). */
export type AgreementSummary = inferOutput<Api['agreement']['find']>['items'][number];
export type Agreement = inferOutput<Api['agreement']['get']>;
export type CreateAgreementInput = inferInput<Api['agreement']['create']>;
// The input is optional on the wire; this is its object form.
export type FindAgreementsInput = Extract<inferInput<Api['agreement']['find']>, object>;

export const KINDS = ['contract', 'subsidy', 'joint_arrangement', 'service_agreement'] as const;
export type AgreementKind = (typeof KINDS)[number];

export const DOMAINS = ['youth', 'wmo', 'participation', 'ict', 'other'] as const;
export type AgreementDomain = (typeof DOMAINS)[number];

/** Life-cycle states of all kinds (SPEC §3): the contract cycle, then the subsidy cycle (Awb 4.2). */
export const STATUSES = [
  'draft',
  'in_approval',
  'approved',
  'out_for_signature',
  'active',
  'terminated',
  'expired',
  'requested',
  'granted',
  'settlement_requested',
  'settled',
  'refused',
  'withdrawn',
] as const;
export type AgreementStatus = (typeof STATUSES)[number];

export function isKind(value: string | null | undefined): value is AgreementKind {
  return (KINDS as readonly string[]).includes(value ?? '');
}
export function isDomain(value: string | null | undefined): value is AgreementDomain {
  return (DOMAINS as readonly string[]).includes(value ?? '');
}
export function isStatus(value: string | null | undefined): value is AgreementStatus {
  return (STATUSES as readonly string[]).includes(value ?? '');
}

/** Roles that may draft an agreement (as `agreement.create` declares), to offer the action only to them. */
export const CREATE_ROLES: readonly string[] = ['inkoper', 'contractmanager'];

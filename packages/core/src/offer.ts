import type { AgreementKind, AgreementStatus } from './agreement.ts';
import { REPORTING_STATUSES } from './duties.ts';
import { DomainError } from './errors.ts';
import { MUNICIPAL_ROLES, PROVIDER_ROLES, type Role } from './roles.ts';
import type { SpaceKind } from './spaces.ts';

/**
 * Issue 11 point 2: a provider party sees an agreement only once the owner has offered it. A contract or DVO is
 * offered when it goes out for signature (and stays so while active and after it ends); a GR once it takes
 * effect. A subsidy starts as the recipient's own application, so the recipient sees it from `requested` on.
 * Before that, the owner may share a draft for negotiation on purpose (`agreement.share`).
 */
const OFFERED: Record<AgreementKind, readonly AgreementStatus[]> = {
  contract: ['out_for_signature', 'active', 'terminated', 'expired'],
  service_agreement: ['out_for_signature', 'active', 'terminated', 'expired'],
  joint_arrangement: ['active', 'terminated'],
  subsidy: ['requested', 'granted', 'settlement_requested', 'settled', 'refused', 'withdrawn'],
};

/** Whether the status alone puts the agreement before its parties. */
export function offeredByStatus(kind: AgreementKind, status: AgreementStatus): boolean {
  return OFFERED[kind].includes(status);
}

/** Whether the provider parties see the agreement (their party views exist). */
export function visibleToParties(a: {
  kind: AgreementKind;
  status: AgreementStatus;
  sharedWithParties?: boolean;
}): boolean {
  return offeredByStatus(a.kind, a.status) || a.sharedWithParties === true;
}

/**
 * The share after a move: a move back into the internal phase (a rejection to draft, or any move from an offered
 * status to one that is not) withdraws it, so the parties lose the view until it is shared or offered again.
 */
export function shareAfterMove(
  kind: AgreementKind,
  from: AgreementStatus,
  to: AgreementStatus,
  shared: boolean,
): boolean {
  if (!shared || from === to) return shared;
  if (to === 'draft') return false;
  return !(offeredByStatus(kind, from) && !offeredByStatus(kind, to));
}

/** Only a draft that is not yet offered can be shared or its share withdrawn. */
export function assertShareable(a: { kind: AgreementKind; status: AgreementStatus }): void {
  if (offeredByStatus(a.kind, a.status)) {
    throw new DomainError('BAD_REQUEST', 'agreement.alreadyOffered', {
      params: { kind: a.kind, status: a.status },
      field: 'id',
      message: `A ${a.kind} in status ${a.status} is already before its parties`,
    });
  }
}

/**
 * Nothing is reported, realised or KPI-recorded on an agreement that does not run: a contract, DVO or GR is
 * active, a subsidy granted (its settlement application still carries the last figures).
 */
export function assertRunning(a: { status: AgreementStatus }): void {
  if (!REPORTING_STATUSES.includes(a.status)) {
    throw new DomainError('BAD_REQUEST', 'report.agreementNotActive', {
      params: { status: a.status },
      field: 'agreementId',
      message: `Nothing can be reported on an agreement in status ${a.status}; it must be active`,
    });
  }
}

/**
 * SPEC §2 rule 7 (docs/region-rules.md): what a space owns is written, signed and re-keyed only by users acting in
 * that space — its own users, with the roles it granted them. A member municipality's users reach a region and
 * read what it holds (with their share), but never write as the region. The Wgr calendar and agreements both
 * decide it here.
 */
export function actsForOwner(caller: { space: string }, ownerSpace: string): boolean {
  return caller.space === ownerSpace;
}

export function assertActsForOwner(caller: { space: string }, ownerSpace: string): void {
  if (!actsForOwner(caller, ownerSpace)) {
    throw new DomainError('FORBIDDEN', 'region.onlyOwnUsers', {
      message: 'Only the region’s own users change its agreements; members read them and their share',
    });
  }
}

/**
 * The roles a user of a space of this kind may hold: provider roles in a provider, municipal roles in a
 * municipality and a region — the coordinator only in a region, where it acts for the region.
 */
export function rolesFitSpace(kind: SpaceKind, roles: readonly Role[]): boolean {
  const fitting =
    kind === 'provider'
      ? PROVIDER_ROLES
      : kind === 'region'
        ? MUNICIPAL_ROLES
        : MUNICIPAL_ROLES.filter((role) => role !== 'coordinator');
  return roles.length > 0 && roles.every((role) => fitting.includes(role));
}

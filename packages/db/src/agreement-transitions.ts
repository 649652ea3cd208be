import {
  type Agreement,
  type AgreementStatus,
  type AuditEvent,
  assertActsForOwner,
  assertShareable,
  assertTransition,
  DomainError,
  dedicatedRoute,
  type InternalView,
  renew,
} from '@regie/core';
import { type AgreementContext, toAgreement } from './agreement-context.ts';
import type { AgreementCommits } from './agreement-prepare.ts';

/** The repository's moves of an agreement through its life cycle: a status transition, a renewal, the share. */
export function agreementTransitions(ctx: AgreementContext, { commit }: AgreementCommits) {
  const { scope, mandateOf, contextFor, load, internalView } = ctx;

  return {
    async transition(
      id: string,
      expectedVersion: number,
      to: AgreementStatus,
      note?: string,
    ): Promise<InternalView> {
      const current = await load(id);
      assertActsForOwner(scope, current.space);
      const mandate = await mandateOf(current.space);
      assertTransition(current.kind, current.status, to, contextFor(current, mandate));
      const route = dedicatedRoute(current.kind, to);
      if (route)
        throw new DomainError('BAD_REQUEST', 'agreement.decisionRoute', {
          params: { route },
          field: 'to',
          message: `This move is a decision made through ${route}`,
        });
      const changes: AuditEvent['changes'] = { status: { before: current.status, after: to } };
      if (note) changes.note = { before: null, after: note };
      const next: Agreement = { ...toAgreement(current), status: to };
      if (to === 'approved') {
        // What was approved, so a later change of terms or value is not covered by it (SPEC §5.1).
        next.approval = {
          by: scope.actor,
          ...(scope.actorName ? { byName: scope.actorName } : {}),
          at: new Date().toISOString(),
          termsVersion: next.termsVersion,
          valueCeilingCents: next.valueCeilingCents,
        };
        changes.approval = { before: current.approval ?? null, after: next.approval };
      }
      return internalView(
        await commit(current, next, expectedVersion, 'transition', changes, false),
        mandate,
      );
    },

    /** Uses one renewal option of an active agreement and moves its end date (SPEC §3.1). */
    async renew(id: string, expectedVersion: number): Promise<InternalView> {
      const current = await load(id);
      assertActsForOwner(scope, current.space);
      if (current.status !== 'active')
        throw new DomainError('BAD_REQUEST', 'agreement.renewNotActive', {
          field: 'id',
          message: 'Only an active agreement can be renewed',
        });
      const renewed = renew(current.endDate, current.renewal);
      const changes: AuditEvent['changes'] = {
        endDate: { before: current.endDate, after: renewed.endDate },
        renewal: { before: current.renewal, after: renewed.renewal },
      };
      return internalView(
        await commit(
          current,
          { ...toAgreement(current), ...renewed },
          expectedVersion,
          'renew',
          changes,
          true,
        ),
        await mandateOf(current.space),
      );
    },

    /**
     * Shares a draft with its provider parties for negotiation, or withdraws the share (issue 11 point 2): their
     * party views appear or disappear in the same transaction, and the audit event says so.
     */
    async share(id: string, expectedVersion: number, shared: boolean): Promise<InternalView> {
      const current = await load(id);
      assertActsForOwner(scope, current.space);
      assertShareable(current);
      const before = current.sharedWithParties === true;
      if (before === shared && current.version === expectedVersion) {
        return internalView(toAgreement(current), await mandateOf(current.space));
      }
      return internalView(
        await commit(
          current,
          { ...toAgreement(current), sharedWithParties: shared },
          expectedVersion,
          shared ? 'share' : 'unshare',
          { sharedWithParties: { before, after: shared } },
          false,
        ),
        await mandateOf(current.space),
      );
    },
  };
}

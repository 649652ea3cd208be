import { useMutation } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementStatus, InternalAgreement } from '../../lib/agreements/model';
import { useMutationError } from '../../lib/mutation-error';
import { useOutcome } from '../../lib/outcome';
import { idempotencyKeys, useTRPCClient } from '../../lib/trpc';
import { useAgreementRefresh } from './StatusSection';

/** Before it goes out for signature (a GR: before it takes effect) the provider parties do not see it. */
const INTERNAL_PHASE: readonly AgreementStatus[] = ['draft', 'in_approval', 'approved'];

export function shareable(a: Pick<InternalAgreement, 'kind' | 'status' | 'parties'>): boolean {
  return (
    a.kind !== 'subsidy' &&
    INTERNAL_PHASE.includes(a.status) &&
    a.parties.some((p) => p.providerSpace !== null)
  );
}

/**
 * "Delen met aanbieder" on a draft: the provider parties see it for negotiation (their party view appears);
 * "Delen intrekken" takes the view away again. Both are in the audit trail (`agreement.share`).
 */
export function ShareControl({ a }: { a: InternalAgreement }) {
  const { t } = useTranslation();
  const client = useTRPCClient();
  const refresh = useAgreementRefresh(a.id);
  const [keyFor] = useState(idempotencyKeys);
  const { announce, outcome } = useOutcome('share-outcome');
  const shared = a.sharedWithParties === true;
  const refusal = useMutationError({
    fieldOf: () => undefined,
    messages: { conflict: t('agreementForm.conflict'), unknown: t('share.failed') },
    onFailure: ({ summary }) => announce(summary),
  });
  const share = useMutation({
    mutationFn: (next: boolean) => {
      const input = { id: a.id, expectedVersion: a.version, shared: next };
      const idempotencyKey = keyFor({ share: input });
      return client.agreement.share.mutate(
        input,
        idempotencyKey ? { context: { idempotencyKey } } : undefined,
      );
    },
    onSuccess: async (next) => {
      announce(t(next.sharedWithParties ? 'share.shared' : 'share.withdrawn'));
      await refresh(next);
    },
    onError: refusal.onError,
  });
  if (!shareable(a)) return null;
  return (
    <div className="regie-status-actions">
      <Paragraph id="share-hint">{t(shared ? 'share.sharedHint' : 'share.internalHint')}</Paragraph>
      <Button
        appearance="secondary-action-button"
        aria-describedby="share-hint"
        busy={share.isPending}
        disabled={share.isPending}
        onClick={() => share.mutate(!shared)}
      >
        {t(shared ? 'share.withdraw' : 'share.share')}
      </Button>
      {outcome}
    </div>
  );
}

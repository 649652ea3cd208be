import '../../i18n/services-load';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MutationErrorAlert, useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { ConfirmDialog } from '../../ui/Dialog';

export interface DashboardServiceSignal {
  levelId: string;
  measure: string;
  serviceName: string;
  missedInARow: number;
  periods: string[];
  party?: string;
  partyName?: string;
}

/**
 * One missed service level on the dashboard (issue 16 point 2), with the one-step escalation: `escalation.open` on
 * the agreement's ladder, about the provider party where the level is a party's.
 */
export function ServiceLevelSignalRow({
  agreementId,
  signal,
  mayEscalate,
}: {
  agreementId: string;
  signal: DashboardServiceSignal;
  mayEscalate: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const failed = useMutationError({});
  const text = t('services.dashboard.row', {
    measure: signal.measure,
    service: signal.serviceName,
    count: signal.missedInARow,
    periods: signal.periods.join(', '),
  });
  const escalate = useMutation({
    mutationKey: trpc.escalation.open.mutationKey(),
    mutationFn: () =>
      client.escalation.open.mutate({
        agreementId,
        subject: t('services.levels.escalationSubject', { measure: signal.measure }),
        description: text,
        ...(signal.party ? { party: signal.party } : {}),
      }),
    onSuccess: async () => {
      setDone(true);
      await queryClient.invalidateQueries({ queryKey: trpc.steering.dashboard.queryKey() });
    },
    onError: failed.onError,
  });
  const testId = `dashboard-service-level-${agreementId}-${signal.levelId}${signal.party ? `-${signal.party}` : ''}`;
  return (
    <li data-testid={testId}>
      {text}
      {signal.partyName ? ` (${signal.partyName})` : ''}
      {done ? (
        <Paragraph role="status">{t('services.levels.escalated')}</Paragraph>
      ) : mayEscalate ? (
        <>
          {' '}
          <Button
            appearance="secondary-action-button"
            onClick={() => setConfirming(true)}
            disabled={escalate.isPending}
          >
            {t('services.levels.escalate')}
          </Button>
        </>
      ) : null}
      <MutationErrorAlert failure={failed} />
      <ConfirmDialog
        open={confirming}
        title={t('services.levels.escalateTitle')}
        confirmLabel={t('services.levels.escalateConfirm')}
        onConfirm={() => {
          setConfirming(false);
          escalate.mutate();
        }}
        onCancel={() => setConfirming(false)}
        testId={`${testId}-dialog`}
      >
        <Paragraph>{t('services.levels.escalateText', { measure: signal.measure })}</Paragraph>
      </ConfirmDialog>
    </li>
  );
}

import '../../i18n/services-load';
import type { LevelHistory } from '@regie/core/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canEscalate } from '../../lib/escalations/model';
import { type AppLocale, formatNumber } from '../../lib/format';
import { MutationErrorAlert, useMutationError } from '../../lib/mutation-error';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { ConfirmDialog } from '../../ui/Dialog';
import { StatusLine } from '../../ui/StatusLine';
import { TableCell, TableFrame, TableHeaderCell, TableRow } from '../../ui/TableFrame';
import { type CorrectionChoice, ServiceLevelCorrectForm } from './ServiceLevelCorrectForm';
import { ServiceLevelReportForm, ServiceLevelThresholdForm } from './ServiceLevelForms';

/**
 * The reported service levels (issue 16 point 2) under the catalogue: per provider party, per level the values of
 * the latest periods, met or not, the trend, and — when a level is missed twice in a row — a signal with a
 * one-step escalation (escalation.open, the existing escalation ladder). Both sides see the same figures. The
 * side that reports may correct a reported value ("Corrigeren" in its cell, `service.correct`).
 */
export function ServiceLevelsPanel({
  agreementId,
  locale,
  me,
  provider,
  mayReport,
  mayConfigure,
}: {
  agreementId: string;
  locale: AppLocale;
  me: { roles: readonly string[] } | undefined;
  provider: boolean;
  /** The caller reports for the provider (core `serviceReporter`; service-levels-model). */
  mayReport: boolean;
  /** The caller sets the agreement's threshold (the owner's own users). */
  mayConfigure: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const levels = useQuery(trpc.service.levels.queryOptions({ agreementId }));
  const [correcting, setCorrecting] = useState<CorrectionChoice | null>(null);
  const [corrected, setCorrected] = useState<string | null>(null);
  if (levels.isPending) return <Paragraph>{t('services.levels.loading')}</Paragraph>;
  if (levels.isError) return <Alert type="error">{t('services.levels.error')}</Alert>;
  const mayEscalate = !provider && canEscalate(me);
  const groups = levels.data.parties;
  return (
    <div data-testid="service-levels">
      <h3 className="regie-subheading">{t('services.levels.title')}</h3>
      <Paragraph className="regie-hint">
        {t('services.threshold.current', { count: levels.data.missedCount })}
      </Paragraph>
      {groups.map((group) => {
        const reported = group.levels.some((l) => l.values.length > 0);
        return (
          <div key={group.party ?? 'agreement'}>
            {group.partyName && groups.length > 1 ? <h4>{group.partyName}</h4> : null}
            {group.levels
              .filter((l) => l.signal)
              .map((l) => (
                <SignalAlert
                  key={l.levelId}
                  agreementId={agreementId}
                  level={l}
                  party={groups.length > 1 ? group.party : undefined}
                  mayEscalate={mayEscalate}
                  locale={locale}
                />
              ))}
            {reported ? (
              <LevelsTable
                levels={group.levels}
                locale={locale}
                onCorrect={
                  mayReport
                    ? (choice) => {
                        setCorrected(null);
                        setCorrecting(choice);
                      }
                    : undefined
                }
              />
            ) : (
              <Paragraph className="regie-empty">{t('services.levels.none')}</Paragraph>
            )}
          </div>
        );
      })}
      <StatusLine>{corrected}</StatusLine>
      {mayReport && correcting ? (
        <ServiceLevelCorrectForm
          key={`${correcting.level.levelId}/${correcting.value.period}/${correcting.value.version}`}
          agreementId={agreementId}
          choice={correcting}
          locale={locale}
          onClose={() => setCorrecting(null)}
          onDone={(text) => {
            setCorrecting(null);
            setCorrected(text);
          }}
        />
      ) : null}
      {mayReport && groups.length === 1 ? (
        <ServiceLevelReportForm agreementId={agreementId} levels={groups[0]!.levels} locale={locale} />
      ) : null}
      {mayConfigure ? (
        <ServiceLevelThresholdForm
          key={levels.data.settingsVersion}
          agreementId={agreementId}
          missedCount={levels.data.missedCount}
          version={levels.data.settingsVersion}
        />
      ) : null}
    </div>
  );
}

const LAST = 6;

function LevelsTable({
  levels,
  locale,
  onCorrect,
}: {
  levels: LevelHistory[];
  locale: AppLocale;
  /** Offered to the side that reports: opens the correction form for one reported value. */
  onCorrect: ((choice: CorrectionChoice) => void) | undefined;
}) {
  const { t } = useTranslation();
  const periods = [...new Set(levels.flatMap((l) => l.values.map((v) => v.period)))].sort().slice(-LAST);
  return (
    <TableFrame
      caption={t('services.levels.caption')}
      testId="service-levels-table"
      head={
        <>
          <TableHeaderCell scope="col">{t('services.levels.level')}</TableHeaderCell>
          {periods.map((p) => (
            <TableHeaderCell key={p} scope="col">
              {p}
            </TableHeaderCell>
          ))}
        </>
      }
    >
      {levels.map((l) => (
        <TableRow key={l.levelId} data-testid={`service-level-${l.levelId}`}>
          <TableHeaderCell scope="row">
            {l.level.measure}
            <br />
            <span className="regie-hint">{l.serviceName}</span>
          </TableHeaderCell>
          {periods.map((p) => {
            const v = l.values.find((x) => x.period === p);
            return (
              <TableCell key={p} className="regie-nowrap">
                {v ? (
                  <>
                    {formatNumber(v.value, locale)}{' '}
                    {v.met ? t('services.levels.met') : t('services.levels.missed')}
                    {v.trend ? (
                      <span className="regie-hint"> · {t(`services.levels.trend.${v.trend}`)}</span>
                    ) : null}
                    {v.corrected ? (
                      <span className="regie-hint"> · {t('services.correct.corrected')}</span>
                    ) : null}
                    {onCorrect ? (
                      <>
                        <br />
                        <Button
                          appearance="subtle-button"
                          aria-label={t('services.correct.actionLabel', {
                            measure: l.level.measure,
                            period: p,
                          })}
                          onClick={() => onCorrect({ level: l, value: v })}
                        >
                          {t('services.correct.action')}
                        </Button>
                      </>
                    ) : null}
                  </>
                ) : (
                  '–'
                )}
              </TableCell>
            );
          })}
        </TableRow>
      ))}
    </TableFrame>
  );
}

function SignalAlert({
  agreementId,
  level,
  party,
  mayEscalate,
}: {
  agreementId: string;
  level: LevelHistory;
  party: string | undefined;
  mayEscalate: boolean;
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const failed = useMutationError({});
  const periods = level.values.slice(-level.missedInARow).map((v) => v.period);
  const text = t('services.levels.signal', {
    measure: level.level.measure,
    count: level.missedInARow,
    periods: periods.join(', '),
  });
  const escalate = useMutation({
    mutationKey: trpc.escalation.open.mutationKey(),
    mutationFn: () =>
      client.escalation.open.mutate({
        agreementId,
        subject: t('services.levels.escalationSubject', { measure: level.level.measure }),
        description: text,
        ...(party ? { party } : {}),
      }),
    onSuccess: async () => {
      setDone(true);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.escalation.list.queryKey({ agreementId }) }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: agreementId }) }),
      ]);
    },
    onError: failed.onError,
  });
  return (
    <Alert type="warning" data-testid={`service-level-signal-${level.levelId}`}>
      <Paragraph>{text}</Paragraph>
      {done ? (
        <Paragraph role="status">{t('services.levels.escalated')}</Paragraph>
      ) : mayEscalate ? (
        <Button
          appearance="secondary-action-button"
          onClick={() => setConfirming(true)}
          disabled={escalate.isPending}
        >
          {t('services.levels.escalate')}
        </Button>
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
        testId={`service-level-escalate-dialog-${level.levelId}`}
      >
        <Paragraph>{t('services.levels.escalateText', { measure: level.level.measure })}</Paragraph>
      </ConfirmDialog>
    </Alert>
  );
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, Me } from '../../lib/agreements/model';
import { canWriteAgreement } from '../../lib/agreements/model';
import { focusSoon } from '../../lib/form';
import { type AppLocale, formatMoney, formatNumber, formatPercent, localeFor } from '../../lib/format';
import { MutationErrorAlert, useMutationError } from '../../lib/mutation-error';
import { useOutcome } from '../../lib/outcome';
import { periodLabel } from '../../lib/reports/model';
import { useTRPC, useTRPCClient } from '../../lib/trpc';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { StatusLine } from '../../ui/StatusLine';
import { byPeriod, type IncentivePeriods, type IncentiveRow, SETTLE_ROLES } from './model';
import { RulesForm } from './RulesForm';
import '../../i18n/incentives-texts';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
const numericHeader = 'utrecht-table__header-cell--numeric-column';

function RulesTable({ data, locale }: { data: IncentivePeriods; locale: AppLocale }) {
  const { t } = useTranslation();
  const kpi = (id: string) => data.kpis.find((k) => k.id === id);
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid="incentive-rules">
        <TableCaption className="regie-table__caption">{t('incentives.rulesCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('incentives.kpi')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('incentives.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('incentives.amount')}</TableHeaderCell>
            <TableHeaderCell scope="col" className={numericHeader}>
              {t('incentives.cap')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('incentives.threshold')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {data.rules.map((r) => {
            const k = kpi(r.kpiId);
            return (
              <TableRow key={`${r.kpiId}-${r.kind}`}>
                <TableHeaderCell scope="row">{k?.name ?? r.kpiId}</TableHeaderCell>
                <TableCell>{t(`incentives.kinds.${r.kind}` as 'incentives.kinds.bonus')}</TableCell>
                <TableCell>
                  {r.basis === 'fixed'
                    ? formatMoney(r.value, locale)
                    : t('incentives.percentValue', { percent: formatPercent(r.value, locale) })}
                </TableCell>
                <TableCell className={numeric}>{formatMoney(r.yearlyCapCents, locale)}</TableCell>
                <TableCell>
                  {r.threshold !== undefined
                    ? `${formatNumber(r.threshold, locale)} ${k?.unit ?? ''}`
                    : t('incentives.thresholdTarget', {
                        target: k ? `${formatNumber(k.target, locale)} ${k.unit}` : '',
                      })}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

/** The explanation of one row in words: why this amount, and whether the cap cut it. */
function reasonText(t: TFunction, row: IncentiveRow, locale: AppLocale): string {
  const base = String(t(`incentives.reasons.${row.reason}` as 'incentives.reasons.met'));
  if (!row.capped) return base;
  const raw = formatMoney(row.kind === 'malus' ? -row.rawCents : row.rawCents, locale);
  return `${base}; ${String(t('incentives.capped', { raw }))}`;
}

function PeriodsTable({
  data,
  locale,
  canSettle,
  onSettle,
  busy,
}: {
  data: IncentivePeriods;
  locale: AppLocale;
  canSettle: boolean;
  onSettle: (period: string) => void;
  busy: string | null;
}) {
  const { t } = useTranslation();
  const kpi = (id: string) => data.kpis.find((k) => k.id === id);
  const groups = byPeriod(data.rows);
  if (groups.length === 0) return <Paragraph className="regie-empty">{t('incentives.noPeriods')}</Paragraph>;
  const settled = new Set(data.settlements.map((s) => s.period));
  const parties = new Set(data.rows.map((r) => r.party).filter(Boolean));
  return (
    <div className="regie-table-scroll">
      <Table className="regie-table" data-testid="incentive-periods">
        <TableCaption className="regie-table__caption">{t('incentives.periodsCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('incentives.period')}</TableHeaderCell>
            {parties.size > 1 ? <TableHeaderCell scope="col">{t('incentives.party')}</TableHeaderCell> : null}
            <TableHeaderCell scope="col">{t('incentives.kpi')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('incentives.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col" className={numericHeader}>
              {t('incentives.result')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className={numericHeader}>
              {t('incentives.computed')}
            </TableHeaderCell>
            <TableHeaderCell scope="col" className={numericHeader}>
              {t('incentives.settled')}
            </TableHeaderCell>
            <TableHeaderCell scope="col">{t('incentives.reasonColumn')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {groups.flatMap((group) => [
            ...group.rows.map((row) => {
              const k = kpi(row.kpiId);
              return (
                <TableRow
                  key={`${row.period}-${row.kpiId}-${row.kind}-${row.party ?? ''}`}
                  data-testid={`incentive-${row.period}-${row.kpiId}-${row.kind}`}
                >
                  <TableHeaderCell scope="row">{periodLabel(t, locale, row.period)}</TableHeaderCell>
                  {parties.size > 1 ? <TableCell>{row.partyName ?? row.party}</TableCell> : null}
                  <TableCell>{k?.name ?? row.kpiId}</TableCell>
                  <TableCell>{t(`incentives.kinds.${row.kind}` as 'incentives.kinds.bonus')}</TableCell>
                  <TableCell className={numeric}>
                    {row.value === null
                      ? t('incentives.noResult')
                      : `${formatNumber(row.value, locale)} ${k?.unit ?? ''}`}
                  </TableCell>
                  <TableCell className={numeric}>{formatMoney(row.amountCents, locale)}</TableCell>
                  <TableCell className={numeric}>
                    {row.settledCents !== undefined
                      ? formatMoney(row.settledCents, locale)
                      : t('incentives.notSettled')}
                  </TableCell>
                  <TableCell>{reasonText(t, row, locale)}</TableCell>
                </TableRow>
              );
            }),
            ...(canSettle && !settled.has(group.period)
              ? [
                  <TableRow key={`${group.period}-settle`}>
                    <TableCell colSpan={parties.size > 1 ? 8 : 7}>
                      <Button
                        appearance="secondary-action-button"
                        busy={busy === group.period}
                        disabled={busy !== null}
                        onClick={() => onSettle(group.period)}
                      >
                        {t('incentives.settle', { period: periodLabel(t, locale, group.period) })}
                      </Button>
                    </TableCell>
                  </TableRow>,
                ]
              : []),
          ])}
        </TableBody>
      </Table>
    </div>
  );
}

/**
 * "Prestatiebekostiging" on the agreement (issue 15 point 2): the arrangement per KPI, and per period the computed
 * bonus or malus with its reason beside what was settled — for both sides alike (a provider its own party's). The
 * contract manager settles a period; who may change the terms edits the arrangement (a new terms version).
 */
export function IncentivesSection({ a, me }: { a: Agreement; me: Me | undefined }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.incentive.periods.queryOptions({ agreementId: a.id }));
  const [editing, setEditing] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const { announce, outcome } = useOutcome('incentive-outcome');
  const failure = useMutationError({
    messages: { conflict: t('incentives.conflict'), unknown: t('incentives.settleFailed') },
    onConflict: () => void query.refetch(),
  });
  const internal = a.view === 'internal' ? a : null;
  const editable = internal !== null && canWriteAgreement(me, internal);
  const canSettle = internal !== null && (me?.roles.some((r) => SETTLE_ROLES.includes(r)) ?? false);

  const settle = useMutation({
    mutationKey: trpc.incentive.settle.mutationKey(),
    mutationFn: (input: { agreementId: string; expectedVersion: number; period: string }) =>
      client.incentive.settle.mutate(input),
    onSuccess: async (out, input) => {
      failure.reset();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.incentive.periods.queryKey({ agreementId: a.id }) }),
        queryClient.invalidateQueries({ queryKey: trpc.budget.get.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.agreement.history.queryKey({ id: a.id }) }),
      ]);
      announce(
        t('incentives.settledOutcome', {
          period: periodLabel(t, locale, input.period),
          total: formatMoney(
            out.reduce((sum, s) => sum + s.totalCents, 0),
            locale,
          ),
        }),
      );
    },
    onError: (error) => failure.onError(error),
  });

  function done(text: string | null) {
    setEditing(false);
    if (text) announce(text);
    else focusSoon(() => editRef.current);
  }

  const data = query.data;
  return (
    <Section id="incentives" title={t('incentives.title')}>
      <Paragraph>{t('incentives.intro')}</Paragraph>
      <Paragraph className="regie-hint">{t('incentives.formula')}</Paragraph>
      {outcome}
      <MutationErrorAlert failure={failure} testId="incentive-error" />
      <QueryState query={query} loading={t('incentives.loading')} error={t('incentives.error')} />
      <StatusLine>{settle.isPending ? t('incentives.settling') : null}</StatusLine>
      {data ? (
        <>
          <h3 className="regie-subheading">{t('incentives.rulesTitle')}</h3>
          {data.rules.length === 0 ? (
            <Paragraph className="regie-empty">
              {data.kpis.length === 0 ? t('incentives.noKpis') : t('incentives.none')}
            </Paragraph>
          ) : (
            <RulesTable data={data} locale={locale} />
          )}
          {internal && editable && !editing && data.kpis.length > 0 ? (
            <Button ref={editRef} appearance="secondary-action-button" onClick={() => setEditing(true)}>
              {t('incentives.edit')}
            </Button>
          ) : null}
          {internal && editable && editing ? (
            <RulesForm
              key={internal.version}
              a={internal}
              kpis={data.kpis}
              rules={data.rules}
              onDone={done}
            />
          ) : null}
          {data.rules.length > 0 ? (
            <>
              <h3 className="regie-subheading">{t('incentives.periodsTitle')}</h3>
              <PeriodsTable
                data={data}
                locale={locale}
                canSettle={canSettle}
                busy={settle.isPending ? (settle.variables?.period ?? null) : null}
                onSettle={(period) =>
                  settle.mutate({ agreementId: a.id, expectedVersion: data.version, period })
                }
              />
            </>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

import type { ExpectedVolumes, Simulation } from '@regie/core/browser';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { reasonText } from '../../i18n/reasons';
import { isProviderUser } from '../../lib/agreements/model';
import { formatMoney, formatNumber, localeFor } from '../../lib/format';
import { useReasonFormat } from '../../lib/mutation-error';
import { PageHeading, usePageTitle } from '../../lib/page';
import { useTRPC } from '../../lib/trpc';
import { type Column, DataTable } from '../../ui/DataTable';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { parseScenarios, scenarioCsv } from './model';
import { ScenarioChart } from './ScenarioChart';
import { DEFAULT_SCENARIOS_TEXT, SimulationForm } from './SimulationForm';

type LineInsight = Simulation['lines'][number];

/** Saves a text as a file the browser downloads. */
function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** `/agreements/:id/simulation`: the volume-incentive simulator on a stored agreement (issue 15, SPEC §4.8). */
export function SimulationPage({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  usePageTitle(t('simulation.title'));
  const locale = localeFor(i18n.language);
  const format = useReasonFormat();
  const trpc = useTRPC();
  const me = useQuery(trpc.me.get.queryOptions());
  const provider = me.data ? isProviderUser(me.data) : undefined;
  const [scenarios, setScenarios] = useState<number[]>(parseScenarios(DEFAULT_SCENARIOS_TEXT)!);
  const [expectedVolumes, setExpectedVolumes] = useState<ExpectedVolumes>([]);
  const agreement = useQuery({ ...trpc.agreement.get.queryOptions({ id }), enabled: provider === false });
  const sim = useQuery({
    ...trpc.simulation.agreement.queryOptions({ id, scenarios, expectedVolumes }),
    enabled: provider === false,
    placeholderData: keepPreviousData,
  });
  const base = `/agreements/${encodeURIComponent(id)}`;

  const money = (cents: number | null) =>
    cents === null ? t('simulation.none') : formatMoney(cents, locale);
  const number = (value: number | null) =>
    value === null ? t('simulation.none') : formatNumber(value, locale);
  const lineColumns: Column<LineInsight>[] = [
    {
      key: 'code',
      header: t('simulation.productCode'),
      cell: (l) => l.productCode ?? l.lineId,
      rowHeader: true,
    },
    { key: 'variant', header: t('simulation.variant'), cell: (l) => t(`variants.${l.variant}`) },
    {
      key: 'expected',
      header: t('simulation.expectedVolume'),
      cell: (l) => `${number(l.expectedVolume)} (${t(`simulation.from.${l.expectedFrom}`)})`,
    },
    {
      key: 'effort',
      header: `${t('simulation.marginal')}: ${t('simulation.marginalEffort')}`,
      cell: (l) => money(l.marginalRevenueCents.effort),
      numeric: true,
    },
    {
      key: 'output',
      header: `${t('simulation.marginal')}: ${t('simulation.marginalOutput')}`,
      cell: (l) => money(l.marginalRevenueCents.output),
      numeric: true,
    },
    {
      key: 'task',
      header: `${t('simulation.marginal')}: ${t('simulation.marginalTask')}`,
      cell: (l) => money(l.marginalRevenueCents.task),
      numeric: true,
    },
    {
      key: 'breakEven',
      header: t('simulation.breakEven'),
      cell: (l) => number(l.breakEvenVolume),
      numeric: true,
    },
    {
      key: 'lumpSum',
      header: t('simulation.lumpSumEquivalent'),
      cell: (l) => money(l.lumpSumEquivalentCents),
      numeric: true,
    },
  ];

  if (provider) {
    return (
      <div>
        <PageHeading>{t('simulation.title')}</PageHeading>
        <Paragraph>{t('simulation.notForYou')}</Paragraph>
      </div>
    );
  }
  const data = sim.data;
  return (
    <div className="regie-simulation">
      <PageHeading>
        {t('simulation.title')}
        {agreement.data ? `: ${agreement.data.reference}` : ''}
      </PageHeading>
      <Paragraph>
        <Link href={base} className="utrecht-link">
          {t('simulation.back')}
        </Link>
      </Paragraph>
      <Paragraph appearance="lead">{t('simulation.intro')}</Paragraph>
      <Paragraph>{t('simulation.formula')}</Paragraph>
      <SimulationForm
        lines={sim.data?.lines}
        onSubmit={(next, volumes) => {
          setScenarios(next);
          setExpectedVolumes(volumes);
        }}
      />
      <QueryState query={sim} loading={t('simulation.loading')} error={t('simulation.error')} />
      {data ? (
        <>
          <Section id="flags" title={t('simulation.flagsTitle')}>
            {data.flags.length === 0 ? (
              <Paragraph>{t('simulation.noFlags')}</Paragraph>
            ) : (
              <ul className="regie-list" data-testid="simulation-flags">
                {data.flags.map((flag) => (
                  <li key={`${flag.code}-${flag.lineId ?? ''}`} data-testid={`flag-${flag.code}`}>
                    {reasonText(flag.reason, flag.params, format)}{' '}
                    <small>{t('simulation.source', { source: flag.source })}</small>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section
            id="scenarios"
            title={t('simulation.chartTitle')}
            actions={
              <Button
                appearance="secondary-action-button"
                onClick={() =>
                  download(
                    `simulatie-${agreement.data?.reference ?? id}.csv`,
                    scenarioCsv(
                      {
                        scenario: t('simulation.scenario'),
                        volume: t('simulation.volume'),
                        exposure: t('simulation.exposure'),
                        revenue: t('simulation.revenue'),
                        unpaid: t('simulation.unpaid'),
                      },
                      data.scenarios,
                    ),
                  )
                }
              >
                {t('simulation.export')}
              </Button>
            }
          >
            <ScenarioChart scenarios={data.scenarios} locale={locale} />
          </Section>
          <Section id="lines" title={t('simulation.linesTitle')}>
            <DataTable
              caption={t('simulation.linesCaption')}
              columns={lineColumns}
              rows={data.lines}
              rowKey={(l) => l.lineId}
              testId="simulation-lines"
            />
          </Section>
        </>
      ) : null}
    </div>
  );
}

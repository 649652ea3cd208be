import type { Simulation } from '@regie/core/browser';
import { useTranslation } from 'react-i18next';
import { type AppLocale, formatMoney, formatNumber } from '../../lib/format';
import { changeLabel } from '../../lib/simulation';
import { Chart } from '../../ui/Chart';
import { type Column, DataTable } from '../../ui/DataTable';

type Scenario = Simulation['scenarios'][number];

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { left: 8, right: 8, top: 12, bottom: 28 };

/**
 * The exposure per scenario as bars (no chart library), with the same figures in a table under "De grafiek als
 * tabel". The drawing's label states the conclusion: what the expected volume and the highest scenario cost.
 */
export function ScenarioChart({
  scenarios,
  locale,
}: {
  scenarios: Simulation['scenarios'];
  locale: AppLocale;
}) {
  const { t } = useTranslation();
  const max = Math.max(1, ...scenarios.map((s) => s.exposureCents));
  const slot = (WIDTH - PAD.left - PAD.right) / Math.max(1, scenarios.length);
  const plot = HEIGHT - PAD.top - PAD.bottom;
  const expected = scenarios.find((s) => s.change === 0) ?? scenarios[0];
  const highest = scenarios.reduce((a, b) => (b.change > a.change ? b : a), scenarios[0]!);
  const volume = (s: Scenario) => s.lines.reduce((sum, l) => sum + l.volume, 0);
  const unpaid = (s: Scenario) => s.lines.reduce((sum, l) => sum + l.unpaidVolume, 0);
  const columns: Column<Scenario>[] = [
    {
      key: 'scenario',
      header: t('simulation.scenario'),
      cell: (s) =>
        s.change === 0 ? `${changeLabel(0)} (${t('simulation.expected')})` : changeLabel(s.change),
      rowHeader: true,
      nowrap: true,
    },
    {
      key: 'volume',
      header: t('simulation.volume'),
      cell: (s) => formatNumber(volume(s), locale),
      numeric: true,
    },
    {
      key: 'exposure',
      header: t('simulation.exposure'),
      cell: (s) => formatMoney(s.exposureCents, locale),
      numeric: true,
    },
    {
      key: 'revenue',
      header: t('simulation.revenue'),
      cell: (s) => formatMoney(s.providerRevenueCents, locale),
      numeric: true,
    },
    {
      key: 'unpaid',
      header: t('simulation.unpaid'),
      cell: (s) => formatNumber(unpaid(s), locale),
      numeric: true,
    },
  ];
  return (
    <Chart
      label={t('simulation.chartLabel', {
        expected: formatMoney(expected?.exposureCents ?? 0, locale),
        change: changeLabel(highest.change),
        highest: formatMoney(highest.exposureCents, locale),
      })}
      width={WIDTH}
      height={HEIGHT}
      testId="scenario-chart"
      legend={[{ variant: 'spent', text: t('simulation.legendExposure') }]}
      alternativeSummary={t('simulation.tableSummary')}
      alternative={
        <DataTable
          caption={t('simulation.scenarioCaption')}
          captionVisible
          columns={columns}
          rows={scenarios}
          rowKey={(s) => String(s.change)}
          rowTestId={(s) => `scenario-${s.change}`}
          testId="scenario-table"
        />
      }
    >
      {scenarios.map((s, i) => {
        const h = (s.exposureCents / max) * plot;
        const x = PAD.left + i * slot + slot * 0.2;
        return (
          <g key={s.change}>
            <rect
              className="regie-chart__bar"
              x={x}
              y={PAD.top + plot - h}
              width={slot * 0.6}
              height={Math.max(h, 1)}
            />
            <text className="regie-chart__axis" x={x + slot * 0.3} y={HEIGHT - 8} textAnchor="middle">
              {changeLabel(s.change)}
            </text>
          </g>
        );
      })}
    </Chart>
  );
}

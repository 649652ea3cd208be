import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { type BurnDown, shareOf } from '../../lib/budget/model';
import { type AppLocale, formatMoney, formatMonth, formatPercent } from '../../lib/format';
import { Chart } from '../../ui/Chart';
import { burnDownGeometry, pointsAttribute } from './burndown';
import '../../i18n/incentives-texts';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

/**
 * The year's burn-down as an inline SVG (no chart library): cumulative spend per month against the ceiling and
 * its 80% line, with the forecast to year end dashed. One `role="img"` with the conclusion in its label for a
 * screen reader; every number also in a table under "De grafiek als tabel". Line styles differ in pattern and
 * thickness, not only in colour, and the legend names them.
 */
export function BurnDownChart({
  year,
  locale,
  warning = 80,
}: {
  year: BurnDown;
  locale: AppLocale;
  /** The warning line in percent: the tenant's lowest signal threshold under 100%. */
  warning?: number;
}) {
  const { t } = useTranslation();
  const g = burnDownGeometry(year, undefined, warning / 100);
  // Settled result-linked payment (bonus +, malus −) as columns of their own beside the spend.
  const incentives = year.months.some((m) => m.incentiveCents !== 0);
  const last = year.months.at(-1);
  const ceiling = formatMoney(year.ceilingCents, locale);
  const label =
    year.spentCents === 0 || !last
      ? t('budget.chartLabelEmpty', { year: year.year, ceiling })
      : t('budget.chartLabel', {
          year: year.year,
          ceiling,
          month: formatMonth(last.period, locale),
          spent: formatMoney(last.cumulativeCents, locale),
          percent: formatPercent(shareOf(last.cumulativeCents, year.ceilingCents) ?? 0, locale),
          forecast: formatMoney(year.forecastCents, locale),
        });
  return (
    <Chart
      label={label}
      width={g.width}
      height={g.height}
      testId="burn-down"
      legend={[
        { variant: 'spent', text: t('budget.legendSpent') },
        { variant: 'forecast', text: t('budget.legendForecast') },
        { variant: 'ceiling', text: t('budget.legendCeiling') },
        {
          variant: 'eighty',
          text: warning === 80 ? t('budget.legendEighty') : t('bounds.legendWarning', { threshold: warning }),
        },
      ]}
      alternativeSummary={t('budget.tableSummary')}
      alternative={
        <Table className="regie-table" data-testid="burn-down-table">
          <TableCaption className="regie-table__caption">
            {t('budget.tableCaption', { year: year.year })}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('budget.month')}</TableHeaderCell>
              <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                {t('budget.inMonth')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                {t('budget.cumulative')}
              </TableHeaderCell>
              <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                {t('budget.share')}
              </TableHeaderCell>
              {incentives ? (
                <>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('incentives.budgetColumn')}
                  </TableHeaderCell>
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('incentives.budgetCumulative')}
                  </TableHeaderCell>
                </>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {year.months.map((m) => (
              <TableRow key={m.period}>
                <TableHeaderCell scope="row">{formatMonth(m.period, locale)}</TableHeaderCell>
                <TableCell className={numeric}>{formatMoney(m.cents, locale)}</TableCell>
                <TableCell className={numeric}>{formatMoney(m.cumulativeCents, locale)}</TableCell>
                <TableCell className={numeric}>
                  {formatPercent(shareOf(m.cumulativeCents, year.ceilingCents) ?? 0, locale)}
                </TableCell>
                {incentives ? (
                  <>
                    <TableCell className={numeric}>{formatMoney(m.incentiveCents, locale)}</TableCell>
                    <TableCell className={numeric}>
                      {formatMoney(m.cumulativeWithIncentivesCents, locale)}
                    </TableCell>
                  </>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      }
    >
      <g className="regie-chart__grid">
        {g.ticks.map((tick) => (
          <g key={tick.basisPoints}>
            <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} />
            <text x={g.plot.left - 8} y={tick.y + 4} textAnchor="end">
              {formatPercent(tick.basisPoints, locale)}
            </text>
          </g>
        ))}
        {g.monthLabels.map((m) => (
          <text key={m.month} x={m.x} y={g.plot.bottom + 20} textAnchor="middle">
            {formatMonth(`${year.year}-${String(m.month).padStart(2, '0')}`, locale, true)}
          </text>
        ))}
      </g>
      <line
        className="regie-chart__eighty"
        x1={g.plot.left}
        x2={g.plot.right}
        y1={g.eightyY}
        y2={g.eightyY}
      />
      <line
        className="regie-chart__ceiling"
        x1={g.plot.left}
        x2={g.plot.right}
        y1={g.ceilingY}
        y2={g.ceilingY}
      />
      {g.forecast ? (
        <line
          className="regie-chart__forecast"
          x1={g.forecast.from.x}
          y1={g.forecast.from.y}
          x2={g.forecast.to.x}
          y2={g.forecast.to.y}
        />
      ) : null}
      <polyline className="regie-chart__spent" points={pointsAttribute(g.spent)} />
      {g.spent.slice(1).map((p, i) => (
        <circle key={year.months[i]?.period ?? i} className="regie-chart__point" cx={p.x} cy={p.y} r="3.5" />
      ))}
    </Chart>
  );
}

import { COLLAB_QUESTIONS } from '@regie/core/browser';
import { useQuery } from '@tanstack/react-query';
import {
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { signalText, whoLabel } from '../../lib/collaboration';
import { type AppLocale, formatDate, formatDateLong, formatNumber, localeFor } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { Chart } from '../../ui/Chart';
import { QueryState } from '../../ui/QueryState';
import type { Side, TrendData } from './model';
import { trendGeometry } from './trend';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';

type Series = TrendData['series'][number];

/** One side's average over meetings as a line against the signal floor, with every answer in a table. */
function SeriesChart({ series, locale }: { series: Series; locale: AppLocale }) {
  const { t } = useTranslation();
  const who = whoLabel(t, series.who);
  const g = trendGeometry(series.points.map((p) => p.average));
  const last = series.points.at(-1);
  const value = (v: number | undefined) =>
    v === undefined ? t('collaboration.noValue') : formatNumber(v, locale);
  const key = series.who.side === 'municipality' ? 'municipality' : series.who.party;
  return (
    <section className="regie-subsection" aria-label={who} data-testid={`collab-trend-${key}`}>
      <h4 className="regie-subheading">{who}</h4>
      <Chart
        label={t('collaboration.chartLabel', {
          who,
          count: series.points.length,
          last: last ? formatNumber(last.average, locale) : '',
        })}
        width={g.width}
        height={g.height}
        legend={[
          { variant: 'spent', text: t('collaboration.legendAverage') },
          { variant: 'eighty', text: t('collaboration.legendFloor') },
        ]}
        alternativeSummary={t('collaboration.tableSummary')}
        alternative={
          <Table className="regie-table" data-testid={`collab-table-${key}`}>
            <TableCaption className="regie-table__caption">
              {t('collaboration.tableCaption', { who })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('collaboration.date')}</TableHeaderCell>
                <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                  {t('collaboration.measures.average')}
                </TableHeaderCell>
                {COLLAB_QUESTIONS.map((q) => (
                  <TableHeaderCell key={q} scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t(`collaboration.questions.${q}`)}
                  </TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {series.points.map((p) => (
                <TableRow key={p.meetingId}>
                  <TableHeaderCell scope="row">{formatDateLong(p.date, locale)}</TableHeaderCell>
                  <TableCell className={numeric}>{value(p.average)}</TableCell>
                  {COLLAB_QUESTIONS.map((q) => (
                    <TableCell key={q} className={numeric}>
                      {value(p.answers?.[q])}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        }
      >
        <g className="regie-chart__grid">
          {g.ticks.map((tick) => (
            <g key={tick.value}>
              <line x1={g.plot.left} x2={g.plot.right} y1={tick.y} y2={tick.y} />
              <text x={g.plot.left - 8} y={tick.y + 4} textAnchor="end">
                {tick.value}
              </text>
            </g>
          ))}
          {series.points.map((p, i) => (
            <text key={p.meetingId} x={g.points[i]?.x} y={g.plot.bottom + 20} textAnchor="middle">
              {formatDate(p.date, locale)}
            </text>
          ))}
        </g>
        <line
          className="regie-chart__eighty"
          x1={g.plot.left}
          x2={g.plot.right}
          y1={g.floorY}
          y2={g.floorY}
        />
        <polyline className="regie-chart__spent" points={g.points.map((p) => `${p.x},${p.y}`).join(' ')} />
        {g.points.map((p, i) => (
          <circle
            key={series.points[i]?.meetingId ?? i}
            className="regie-chart__point"
            cx={p.x}
            cy={p.y}
            r="3.5"
          />
        ))}
      </Chart>
    </section>
  );
}

/**
 * "Samenwerking in de tijd" (issue 14 point 5): per side a line of its average rating per meeting with a table
 * of every answer, and the signals active now. A provider sees the municipality's series and its own party's.
 */
export function CollaborationTrend({ agreementId }: { agreementId: string; side: Side }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const trpc = useTRPC();
  const trend = useQuery(trpc.dialogue.trend.queryOptions({ agreementId }));
  const series = trend.data?.series ?? [];
  const signals = trend.data?.signals ?? [];
  return (
    <section className="regie-subsection" aria-labelledby="collab-trend-heading" data-testid="collab-trend">
      <h3 className="regie-subheading" id="collab-trend-heading">
        {t('collaboration.trendTitle')}
      </h3>
      <Paragraph>{t('collaboration.trendIntro')}</Paragraph>
      <QueryState
        query={trend}
        count={series.length}
        loading={t('collaboration.trendLoading')}
        error={t('collaboration.trendError')}
        empty={t('collaboration.trendNone')}
      />
      {series.map((s) => (
        <SeriesChart
          key={s.who.side === 'municipality' ? 'municipality' : s.who.party}
          series={s}
          locale={locale}
        />
      ))}
      {series.length > 0 ? (
        <>
          <h4 className="regie-subheading">{t('collaboration.signalsTitle')}</h4>
          {signals.length === 0 ? (
            <Paragraph>{t('collaboration.noSignals')}</Paragraph>
          ) : (
            <ul className="regie-list" data-testid="collab-signals">
              {signals.map((s) => (
                <li key={`${s.who.side === 'municipality' ? 'm' : s.who.party}-${s.kind}-${s.measure}`}>
                  {signalText(t, s, locale)}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}

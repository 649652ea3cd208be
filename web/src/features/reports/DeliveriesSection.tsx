import type { DataField, DeliverySeries, SeriesPoint } from '@regie/core/browser';
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
import { type AppLocale, formatMoney, formatNumber, localeFor } from '../../lib/format';
import { periodLabel } from '../../lib/reports/model';
import { useTRPC } from '../../lib/trpc';
import { Chart, type SeriesStyle } from '../../ui/Chart';
import { QueryState } from '../../ui/QueryState';
import { Section } from '../../ui/Section';
import { useFieldLabel } from './DeliveryFields';
import { seriesGeometry } from './series-chart';

const numeric = 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data regie-nowrap';
/** Each party's line has its own pattern (the chart kit's styles differ in dash, not only colour). */
const STYLES: SeriesStyle[] = ['spent', 'forecast', 'ceiling', 'eighty'];

/** A delivered value as the field's type says: money from cents, a percentage, a number. */
export function formatValue(field: Pick<DataField, 'type'>, value: number, locale: AppLocale): string {
  if (field.type === 'amount') return formatMoney(value, locale);
  if (field.type === 'percentage') return `${formatNumber(value, locale)}%`;
  return formatNumber(value, locale);
}

type Field = DeliverySeries['fields'][number];

/** One field's values over the periods as a line per party, with every value in a table. */
function FieldChart({ field, dutyId, labelled }: { field: Field; dutyId: string; labelled: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  const labelOf = useFieldLabel();
  const label = labelOf(field);
  const g = seriesGeometry(field.points);
  const last = field.points.at(-1);
  const value = (p: SeriesPoint) => formatValue(field, p.value, locale);
  const testId = `delivery-${dutyId}-${field.key}`;
  return (
    <section className="regie-subsection" aria-label={label} data-testid={testId}>
      <h4 className="regie-subheading">{label}</h4>
      {field.points.length === 0 ? (
        <Paragraph>{t('deliveries.noPoints')}</Paragraph>
      ) : (
        <Chart
          label={t('deliveries.chartLabel', {
            field: field.label,
            count: new Set(field.points.map((p) => p.period)).size,
            last: last ? value(last) : '',
          })}
          width={g.width}
          height={g.height}
          legend={g.lines.slice(0, STYLES.length).map((line, i) => ({
            variant: STYLES[i]!,
            text: labelled ? line.partyName : t('deliveries.legend'),
          }))}
          alternativeSummary={t('deliveries.tableSummary')}
          alternative={
            <Table className="regie-table" data-testid={`${testId}-table`}>
              <TableCaption className="regie-table__caption">
                {t('deliveries.caption', { field: label })}
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('deliveries.period')}</TableHeaderCell>
                  {labelled ? <TableHeaderCell scope="col">{t('deliveries.party')}</TableHeaderCell> : null}
                  <TableHeaderCell scope="col" className="utrecht-table__header-cell--numeric-column">
                    {t('deliveries.value')}
                  </TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {field.points.map((p) => (
                  <TableRow key={`${p.period}-${p.party ?? ''}`}>
                    <TableHeaderCell scope="row">{periodLabel(t, locale, p.period)}</TableHeaderCell>
                    {labelled ? <TableCell>{p.partyName ?? p.party}</TableCell> : null}
                    <TableCell className={numeric}>{value(p)}</TableCell>
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
                  {formatValue(field, tick.value, locale)}
                </text>
              </g>
            ))}
            {g.periods.map((p) => (
              <text key={p.period} x={p.x} y={g.plot.bottom + 20} textAnchor="middle">
                {p.period}
              </text>
            ))}
          </g>
          {g.lines.slice(0, STYLES.length).map((line, i) => (
            <g key={line.party}>
              <polyline
                className={`regie-chart__${STYLES[i]}`}
                points={line.points.map((p) => `${p.x},${p.y}`).join(' ')}
              />
              {line.points.map((p) => (
                <circle key={p.period} className="regie-chart__point" cx={p.x} cy={p.y} r="3.5" />
              ))}
            </g>
          ))}
        </Chart>
      )}
    </section>
  );
}

/**
 * "Gegevensleveringen" (issue 15 point 3): per duty with a data specification, per field, the delivered values by
 * period as a chart with a table. The owner sees every provider party's, labelled; a provider its own.
 */
export function DeliveriesSection({ agreementId, provider }: { agreementId: string; provider: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const series = useQuery(trpc.report.series.queryOptions({ agreementId }));
  const duties = series.data ?? [];
  const delivered = duties.some((d) => d.fields.some((f) => f.points.length > 0));
  return (
    <Section id="deliveries" title={t('deliveries.title')}>
      <Paragraph>{provider ? t('deliveries.introProvider') : t('deliveries.intro')}</Paragraph>
      <QueryState
        query={series}
        count={delivered ? duties.length : 0}
        loading={t('deliveries.loading')}
        error={t('deliveries.error')}
        empty={t('deliveries.none')}
      />
      {delivered
        ? duties.map((duty) => {
            return (
              <section
                key={duty.dutyId}
                className="regie-subsection"
                aria-labelledby={`deliveries-${duty.dutyId}`}
              >
                <h3 className="regie-subheading" id={`deliveries-${duty.dutyId}`}>
                  {duty.dutyTitle}
                </h3>
                {duty.fields.map((field) => (
                  <FieldChart key={field.key} field={field} dutyId={duty.dutyId} labelled={!provider} />
                ))}
              </section>
            );
          })
        : null}
    </Section>
  );
}
